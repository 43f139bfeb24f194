using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Seeding;
using Microsoft.AspNetCore.Mvc;

namespace BlazorPartner.Features.Resellers;

/// <summary>The reseller program (R40–R44): the public application, the two review levels, moving resellers.</summary>
public static class ResellersSetup
{
    public static IServiceCollection AddResellers(this IServiceCollection services)
    {
        services.AddOutbox();
        services.AddNotifier();
        services.AddPermissions(ResellerPermissions.All);
        services.AddSingleton<ResellerApplicationIntake>();
        services.AddSingleton<ResellerReviews>();
        services.AddSingleton<ResellerQueries>();
        services.AddSingleton<ResellerAssignments>();
        services.AddScoped<IDemoData, ResellerDemoData>();
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.ResellerApplications", ResellerRoutes.VendorApplications, "assignment_ind", ResellerPermissions.Review, 50));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.Resellers", ResellerRoutes.VendorResellers, "account_tree", ResellerPermissions.Move, 55));
        services.AddMenuLink(new MenuLink(NavGroups.Organization, "Nav.ResellerCooperation", ResellerRoutes.DistributorApplications, "assignment_ind", ResellerPermissions.Decide, 30));
        return services;
    }

    /// <summary>
    /// <c>GET /reseller-applications/{id}/attachments/{attachmentId}</c>: a document for a reviewer who may read the application
    /// (the vendor's reviewers; the named distributor's once the vendor let it through). Anything else is 404. Served as a
    /// download with its checked type and <c>nosniff</c>, never rendered inline, so an uploaded file cannot run in the app's origin.
    /// </summary>
    public static IEndpointRouteBuilder MapResellerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reseller-applications/{id:guid}/attachments/{attachmentId:guid}", async (
            Guid id, Guid attachmentId, HttpContext http, [FromServices] ResellerQueries queries, CancellationToken ct) =>
        {
            var actor = Actor.FromPrincipal(http.User);
            var file = await queries.AttachmentAsync(actor, id, attachmentId, ct);
            if (file is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return endpoints;
    }
}
