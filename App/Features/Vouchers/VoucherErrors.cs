using BlazorPartner.Core.Errors;

namespace BlazorPartner.Features.Vouchers;

/// <summary>The voucher slice's coded errors (DOMAIN.md "Errors").</summary>
public static class VoucherErrors
{
    public const string QuotaInsufficient = "CBC.3141";
    public const string QuotaUnavailable = "CBC.99000012";
    public const string NotPartnersCustomer = "CBC.99000035";
    public const string ConsultativeNotRecallable = "CBC.99000045";
    public const string ExpiredOrRecalled = "CBC.99000048";

    public static BusinessException Insufficient(long remainingFen, long neededFen) =>
        new(QuotaInsufficient, $"Quota insufficient: {neededFen} fen needed, {remainingFen} fen remaining.", "Voucher.QuotaInsufficient",
            Core.Currency.Money.Format(neededFen), Core.Currency.Money.Format(remainingFen));

    public static BusinessException Unavailable(Guid quotaId) =>
        new(QuotaUnavailable, $"Quota {quotaId} is missing, expired or not active.", "Voucher.QuotaUnavailable");

    public static BusinessException NotCustomer(string customer) =>
        new(NotPartnersCustomer, $"Customer {customer} is not an associated customer of this partner.", "Voucher.NotPartnersCustomer");

    public static BusinessException ExpiredOrAlreadyRecalled(Guid voucherId) =>
        new(ExpiredOrRecalled, $"Voucher {voucherId} is expired or already recalled.", "Voucher.ExpiredOrRecalled");

    public static BusinessException AlreadyUsed(Guid voucherId) =>
        new(ErrorCodes.IllegalOperation, $"Voucher {voucherId} is used up.", "Voucher.AlreadyUsed");

    public static BusinessException ConsultativePartlyUsed(Guid voucherId) =>
        new(ConsultativeNotRecallable, $"Voucher {voucherId} of a consultative-mode customer is partly used and cannot be recalled.", "Voucher.ConsultativeNotRecallable");

    public static BusinessException Changed(Guid voucherId) =>
        new(ErrorCodes.AlreadyProcessed, $"Voucher {voucherId} changed since it was loaded.", "Voucher.ChangedElsewhere");
}
