using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Customers;

/// <summary>The customer list export as an export-center job (<c>customers.list</c>), <see cref="CustomerExporter"/>'s workbook.</summary>
public sealed class CustomerExportDefinition(CustomerQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
    : QueryExportDefinition<CustomerQuery>(localizer)
{
    public const string KindCode = "customers.list";

    public override string Kind => KindCode;

    protected override string Permission => CustomerPermissions.Export;

    protected override Task<int> CountAsync(Actor actor, CustomerQuery query, CancellationToken ct) => queries.CountAsync(actor, query, ct);

    protected override Task<int> WriteAsync(Actor actor, CustomerQuery query, Stream output, IProgress<int> progress, CancellationToken ct) =>
        new CustomerExporter(queries, Localizer, time).ExportAsync(actor, query, output, progress, ct);
}
