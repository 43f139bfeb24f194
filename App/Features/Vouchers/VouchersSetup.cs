using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Features.Customers;

namespace BlazorPartner.Features.Vouchers;

/// <summary>Everything the voucher slice brings: quotas, issuing, recall, expiry, redemption and the operation log (R26–R30).</summary>
public static class VouchersSetup
{
    public static IServiceCollection AddVouchers(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VoucherOptions>(configuration.GetSection(VoucherOptions.Section));
        services.AddPermissions(VoucherPermissions.All);
        services.AddChangeFeed();
        services.AddSingleton<VoucherQuotas>();
        services.AddSingleton<VoucherIssuing>();
        services.AddSingleton<VoucherRecalls>();
        services.AddSingleton<VoucherRedemptions>();
        services.AddSingleton<VoucherExpiry>();
        services.AddSingleton<VoucherQueries>();
        services.AddSingleton<VoucherLogQueries>();
        services.AddScoped<VoucherLogExporter>();
        services.AddExportDefinition<VoucherLogExportDefinition>();
        services.AddSingleton<ICustomerUnbindingStep, VoucherUnbindingStep>();
        services.AddPeriodicJob<VoucherExpiry, VoucherOptions>(o => new PeriodicJobSchedule(o.ExpiryEnabled, o.ExpiryInterval));
        services.AddScoped<IDemoData, VoucherDemoData>();
        services.AddCustomerDetailTab(new CustomerDetailTab("Voucher.CustomerTab", typeof(Components.CustomerVouchersTab), VoucherPermissions.View, 30));

        services.AddMenuLink(new MenuLink(NavGroups.Finance, "Nav.Vouchers", VoucherRoutes.Console, "redeem", VoucherPermissions.View, 30, Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All));
        services.AddMenuLink(new MenuLink(NavGroups.Finance, "Nav.VoucherLog", VoucherRoutes.Log, "receipt_long", VoucherPermissions.View, 31));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.VoucherQuotas", VoucherRoutes.VendorQuotas, "add_card", VoucherPermissions.GrantQuota, 40, Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.VoucherLogVendor", VoucherRoutes.VendorLog, "receipt_long", VoucherPermissions.GrantQuota, 41));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Vouchers", "Home.Tile.Vouchers", VoucherRoutes.Console, "redeem", VoucherPermissions.View, 30));
        services.AddHomeTile(new HomeTile("Home.TileTitle.VoucherQuotas", "Home.Tile.VoucherQuotas", VoucherRoutes.VendorQuotas, "add_card", VoucherPermissions.GrantQuota, 40));
        return services;
    }
}
