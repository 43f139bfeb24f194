using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;

namespace BlazorPartner.Features.Vouchers;

/// <summary>Everything the voucher slice brings: quotas, issuing, recall, expiry, redemption and the operation log (R26–R30).</summary>
public static class VouchersSetup
{
    public static IServiceCollection AddVouchers(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VoucherOptions>(configuration.GetSection(VoucherOptions.Section));
        services.AddPermissions(VoucherPermissions.All);
        services.AddSingleton<VoucherQuotas>();
        services.AddSingleton<VoucherIssuing>();
        services.AddSingleton<VoucherRecalls>();
        services.AddSingleton<VoucherRedemptions>();
        services.AddSingleton<VoucherExpiry>();
        services.AddSingleton<VoucherQueries>();
        services.AddSingleton<VoucherLogQueries>();
        services.AddScoped<VoucherLogExporter>();
        services.AddSingleton<ICustomerUnbindingStep, VoucherUnbindingStep>();
        services.AddHostedService<VoucherExpiryWorker>();
        return services;
    }
}
