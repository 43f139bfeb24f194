using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Vouchers;

/// <summary>The voucher operation log export as an export-center job (<c>vouchers.log</c>), <see cref="VoucherLogExporter"/>'s workbook.</summary>
public sealed class VoucherLogExportDefinition(VoucherLogQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
    : QueryExportDefinition<OperationLogQuery>(localizer)
{
    public const string KindCode = "vouchers.log";

    public override string Kind => KindCode;

    protected override string Permission => VoucherPermissions.Export;

    protected override async Task<int> CountAsync(Actor actor, OperationLogQuery query, CancellationToken ct) =>
        (await queries.PageAsync(actor, query, 0, 1, ct)).Total;

    protected override Task<int> WriteAsync(Actor actor, OperationLogQuery query, Stream output, IProgress<int> progress, CancellationToken ct) =>
        new VoucherLogExporter(queries, Localizer, time).ExportAsync(actor, query, output, progress, ct);
}
