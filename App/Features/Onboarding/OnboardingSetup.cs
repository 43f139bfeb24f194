using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Seeding;
using Microsoft.AspNetCore.Mvc;

namespace BlazorPartner.Features.Onboarding;

/// <summary>Joining the partner network (R5) and business-information certification (R6).</summary>
public static class OnboardingSetup
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddOutbox();
        services.AddNotifier();
        services.AddPermissions(OnboardingPermissions.All);
        services.AddSingleton<NetworkApplicationIntake>();
        services.AddSingleton<NetworkApplicationReviews>();
        services.AddSingleton<BusinessCertifications>();
        services.AddScoped<IDemoData, OnboardingDemoData>();
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.PartnerApplications", OnboardingRoutes.VendorApplications, "how_to_reg", OnboardingPermissions.ReviewApplications, 45));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.Certifications", OnboardingRoutes.VendorCertifications, "verified", OnboardingPermissions.ReviewCertifications, 47));
        services.AddMenuLink(new MenuLink(NavGroups.Organization, "Nav.Certification", OnboardingRoutes.Certification, "verified", OnboardingPermissions.Certify, 40));
        return services;
    }

    /// <summary>
    /// The documents' downloads: a licence for the vendor's reviewers; a bank letter for them and for its own partner. Anything
    /// else is 404. Served as attachments with their checked type and <c>nosniff</c>, never inline.
    /// </summary>
    public static IEndpointRouteBuilder MapOnboardingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/partner-applications/{id:guid}/documents/{documentId:guid}", async (
            Guid id, Guid documentId, HttpContext http, [FromServices] NetworkApplicationReviews reviews, CancellationToken ct) =>
            Serve(http, await reviews.DocumentAsync(Actor.FromPrincipal(http.User), id, documentId, ct))).RequireAuthorization();
        endpoints.MapGet("/certifications/{id:guid}/documents/{documentId:guid}", async (
            Guid id, Guid documentId, HttpContext http, [FromServices] BusinessCertifications certifications, CancellationToken ct) =>
            Serve(http, await certifications.DocumentAsync(Actor.FromPrincipal(http.User), id, documentId, ct))).RequireAuthorization();
        return endpoints;
    }

    private static IResult Serve(HttpContext http, OnboardingDocument? file)
    {
        if (file is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
