using BlazorPartner.Core.Errors;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>The import's coded refusals (DOMAIN.md "Errors": CBC.0100 parameter error, CBC.0155 already processed).</summary>
public static class ConsumptionImportErrors
{
    public static ValidationException WrongType() => new("file", "ConsumptionImport.File.WrongType");

    public static ValidationException TooLarge(long maxBytes) => new("file", "ConsumptionImport.File.TooLarge", maxBytes / (1024 * 1024));

    public static ValidationException EmptyFile() => new("file", "ConsumptionImport.File.Empty");

    public static BusinessException NotConfirmable(Guid id) =>
        new(ErrorCodes.AlreadyProcessed, $"Import {id} is not waiting for a decision.", "ConsumptionImport.NotConfirmable");

    public static BusinessException HasErrors(Guid id) =>
        new(ErrorCodes.IllegalOperation, $"Import {id} has row errors; only the valid rows can be imported.", "ConsumptionImport.HasErrors");

    public static BusinessException NoValidRows(Guid id) =>
        new(ErrorCodes.IllegalOperation, $"Import {id} has no valid rows.", "ConsumptionImport.NoValidRows");

    public static BusinessException NotCancellable(Guid id) =>
        new(ErrorCodes.AlreadyProcessed, $"Import {id} can no longer be cancelled.", "ConsumptionImport.NotCancellable");
}
