using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Vouchers;

/// <summary>Stages operation-log rows (R26) on the command's context, so they commit with the operation or not at all.</summary>
internal static class VoucherOperationLog
{
    public static VoucherOperation Log(this AppDbContext db, Actor? actor, VoucherOperationKind kind, Guid organizationId, Guid quotaId, long amountFen, DateTime atUtc, Guid? voucherId = null, Guid? customerId = null)
    {
        var row = new VoucherOperation
        {
            OrganizationId = organizationId,
            Kind = kind,
            QuotaId = quotaId,
            VoucherId = voucherId,
            CustomerId = customerId,
            AmountFen = amountFen,
            OperatorUserId = actor?.UserId,
            OperatorName = actor?.DisplayName ?? AuditExtensions.SystemActorName,
            AtUtc = atUtc,
        };
        db.VoucherOperations.Add(row);
        return row;
    }
}
