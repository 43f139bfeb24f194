using BlazorPartner.Features.Billing;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Exports;
using BlazorPartner.Features.Funds;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Notifications;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Operations;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Outbox;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Features.ReviewInbox;
using BlazorPartner.Features.Roles;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Features.WorkCalendar;

namespace BlazorPartner.Features;

/// <summary>The slices this app is made of: adding a slice is its folder plus one line here. Tests use the same list.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddOpportunities(configuration)
            .AddWorkCalendar()
            .AddCustomers(configuration)
            .AddFunds(configuration)
            .AddVouchers(configuration)
            .AddOutboxViewer()
            .AddExports(configuration)
            .AddConsumption(configuration)
            .AddBilling(configuration)
            .AddMembers()
            .AddRoles()
            .AddResellers()
            .AddOnboarding()
            .AddOperations()
            .AddReviewInbox()
            .AddNotificationsPage();
}
