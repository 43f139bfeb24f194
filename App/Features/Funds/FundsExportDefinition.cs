using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Funds;

/// <summary>The funds ledger export as an export-center job (<c>funds.ledger</c>), <see cref="FundsExporter"/>'s workbook.</summary>
public sealed class FundsExportDefinition(FundsQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
    : QueryExportDefinition<LedgerQuery>(localizer)
{
    public const string KindCode = "funds.ledger";

    public override string Kind => KindCode;

    protected override string Permission => FundsPermissions.Export;

    protected override Task<int> CountAsync(Actor actor, LedgerQuery query, CancellationToken ct) => queries.CountLedgerAsync(actor, query, ct);

    protected override Task<int> WriteAsync(Actor actor, LedgerQuery query, Stream output, IProgress<int> progress, CancellationToken ct) =>
        new FundsExporter(queries, Localizer, time).ExportAsync(actor, query, output, progress, ct);
}
