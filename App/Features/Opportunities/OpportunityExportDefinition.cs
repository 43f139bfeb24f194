using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// The opportunity list export as an export-center job (<c>opportunities.list</c>): the parameters are the grid's
/// query as JSON (every page: no skip); the workbook is <see cref="OpportunityExporter"/>'s.
/// </summary>
public sealed class OpportunityExportDefinition(OpportunityQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
    : QueryExportDefinition<OpportunityQuery>(localizer)
{
    public const string KindCode = "opportunities.list";

    public override string Kind => KindCode;

    protected override string Permission => OpportunityPermissions.Export;

    public static string Parameters(OpportunityQuery query) => ToParameters(query with { Skip = 0 });

    protected override Task<int> CountAsync(Actor actor, OpportunityQuery query, CancellationToken ct) => queries.CountAsync(actor, query, ct);

    protected override Task<int> WriteAsync(Actor actor, OpportunityQuery query, Stream output, IProgress<int> progress, CancellationToken ct) =>
        new OpportunityExporter(queries, Localizer, time).ExportAsync(actor, query, output, progress, ct);
}
