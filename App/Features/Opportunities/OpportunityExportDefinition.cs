using System.Text.Json;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// The opportunity list export as an export-center job (<c>opportunities.list</c>): the parameters are the grid's
/// query as JSON; the workbook is <see cref="OpportunityExporter"/>'s, written with the requester's current permissions.
/// </summary>
public sealed class OpportunityExportDefinition(OpportunityQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time) : IExportDefinition
{
    public const string KindCode = "opportunities.list";

    public string Kind => KindCode;

    /// <summary>The query as the job's parameters: every page (no skip), in the grid's filter and order.</summary>
    public static string ToParameters(OpportunityQuery query) => JsonSerializer.Serialize(query with { Skip = 0 });

    public Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct)
    {
        actor.Demand(OpportunityPermissions.Export);
        Parse(parameters);
        return Task.CompletedTask;
    }

    public async Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        return await queries.CountAsync(actor, Parse(parameters), ct);
    }

    public Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct) =>
        new OpportunityExporter(queries, localizer, time).ExportAsync(actor, Parse(parameters), output, progress, ct);

    public string FileName(string parameters, DateTime utcNow) =>
        $"{localizer[$"ExportKind.{KindCode}"].Value}-{BeijingTime.ToBeijing(utcNow):yyyyMMdd-HHmmss}.xlsx";

    private static OpportunityQuery Parse(string parameters)
    {
        try
        {
            return JsonSerializer.Deserialize<OpportunityQuery>(parameters) ?? throw new ValidationException("parameters", "Export.InvalidParameters");
        }
        catch (JsonException)
        {
            throw new ValidationException("parameters", "Export.InvalidParameters");
        }
    }
}
