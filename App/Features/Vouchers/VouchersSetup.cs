namespace BlazorPartner.Features.Vouchers;

/// <summary>Everything the voucher slice brings: quotas, issuing, recall, expiry, redemption and the operation log (R26–R30).</summary>
public static class VouchersSetup
{
    public static IServiceCollection AddVouchers(this IServiceCollection services, IConfiguration configuration) => services;
}
