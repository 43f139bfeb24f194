using BlazorPartner.Platform.Exports;
using BlazorPartner.Core.Identity;
using BlazorPartner.Components.Navigation;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds.Components;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Funds;

/// <summary>Everything the funds slice brings: partner cash account, ledger, allocate/reclaim (R21), withdrawal (R22).</summary>
public static class FundsSetup
{
    public static IServiceCollection AddFunds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(FundsPermissions.All);
        services.AddSingleton<FundsCommands>();
        services.AddSingleton<FundsQueries>();
        services.AddScoped<FundsExporter>();
        services.AddExportDefinition<FundsExportDefinition>();
        services.AddSingleton<ICustomerUnbindingStep, FundsUnbindingStep>();
        services.AddScoped<IDemoData, FundsDemoData>();
        services.AddCustomerDetailTab(new CustomerDetailTab("Funds.LedgerTab", typeof(CustomerLedgerTab), FundsPermissions.View, 20));

        services.AddMenuLink(new MenuLink(NavGroups.Finance, "Nav.Funds", FundsRoutes.Funds, "account_balance", FundsPermissions.View, 10));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.TopUpPartner", FundsRoutes.TopUp, "savings", FundsPermissions.TopUp, 40));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Funds", "Home.Tile.Funds", FundsRoutes.Funds, "account_balance", FundsPermissions.View, 30));
        return services;
    }
}
