using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BlazorPartner.Platform.Exports;

public static class ExportRoutes
{
    public const string MyExports = "/exports";

    public static string Download(Guid id) => $"/exports/{id}/download";
}

public static class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>GET /exports/{id}/download</c>: the signed-in owner's completed, unexpired file, authorized again by its
    /// definition with the requester's current permissions (from the database, not the cookie), streamed chunk by chunk.
    /// Everything else is 404, so a job id of another user reveals nothing; there is no file path to guess.
    /// </summary>
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{id:guid}/download", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid id,
        HttpContext http,
        [FromServices] ExportCenter center,
        [FromServices] ExportFileStore files,
        [FromServices] ActorDirectory actors,
        CancellationToken ct)
    {
        var signedIn = Actor.FromPrincipal(http.User);
        Actor actor;
        try
        {
            actor = await actors.LoadAsync(signedIn.UserId, ct);
        }
        catch (InvalidOperationException)
        {
            return Results.NotFound();
        }

        if (actor.OrganizationId != signedIn.OrganizationId)
        {
            return Results.NotFound();
        }

        var download = await center.FindDownloadAsync(actor, id, ct);
        if (download is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        http.Response.ContentLength = download.SizeBytes;
        return Results.Stream(files.OpenRead(download.Id, download.SizeBytes), XlsxContentType, download.FileName);
    }
}
