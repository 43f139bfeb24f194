using System.Collections.Frozen;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace BlazorPartner.Platform.StaticAssets;

/// <summary>
/// Serves the brotli or gzip copy of a package's fingerprinted asset (Radzen's CSS and script, referenced through
/// <c>@Assets[...]</c>). The SDK builds both copies and offers them on the asset's plain route, but its fingerprinted
/// route (the one with the year-long immutable cache) gets no compressed variant: Radzen's 790 KB stylesheet went out
/// uncompressed while a 63 KB brotli file sat next to it (issue 9 §4). This picks the plain route's compressed endpoint
/// for the same content and keeps the fingerprinted route's caching.
/// </summary>
public sealed class FingerprintedAssetCompression(EndpointDataSource endpointSource)
{
    private const string ImmutableCaching = "max-age=31536000, immutable";

    private readonly Lazy<FrozenDictionary<Endpoint, CompressedCopies>> copies = new(() => Find(endpointSource.Endpoints));

    /// <summary>How many fingerprinted assets have a compressed copy served through this (for tests and diagnostics).</summary>
    public int Count => copies.Value.Count;

    /// <summary>The compressed endpoint to run instead of <paramref name="endpoint"/> for a client accepting <paramref name="acceptEncoding"/>, if any.</summary>
    public Endpoint? Choose(Endpoint endpoint, IList<StringWithQualityHeaderValue> acceptEncoding)
    {
        if (!copies.Value.TryGetValue(endpoint, out var compressed))
        {
            return null;
        }

        return Accepts(acceptEncoding, "br") && compressed.Brotli is { } brotli ? brotli
            : Accepts(acceptEncoding, "gzip") && compressed.Gzip is { } gzip ? gzip
            : null;
    }

    internal static void Apply(HttpContext context, Endpoint compressed)
    {
        context.SetEndpoint(compressed);
        context.Response.OnStarting(() =>
        {
            // The plain route's copy says "no-cache"; this URL names its content, so it may be kept for good.
            context.Response.Headers.CacheControl = ImmutableCaching;
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            return Task.CompletedTask;
        });
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> acceptEncoding, string coding) =>
        acceptEncoding.Any(e => string.Equals(e.Value.Value, coding, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);

    private static FrozenDictionary<Endpoint, CompressedCopies> Find(IReadOnlyList<Endpoint> endpoints)
    {
        var assets = endpoints
            .Select(e => (Endpoint: e, Asset: e.Metadata.GetMetadata<StaticAssetDescriptor>()))
            .Where(a => a.Asset is not null)
            .Select(a => (a.Endpoint, Asset: a.Asset!))
            .ToList();
        var byRoute = assets.ToLookup(a => a.Asset.Route, StringComparer.Ordinal);

        var result = new Dictionary<Endpoint, CompressedCopies>();
        foreach (var (endpoint, asset) in assets)
        {
            var label = Property(asset, "label");
            if (Property(asset, "fingerprint") is null || label is null || asset.Selectors.Count > 0
                || byRoute[asset.Route].Any(other => Encoding(other.Asset) is not null))
            {
                continue;
            }

            // Only when the plain route serves the very same content (same ETag on its uncompressed endpoint).
            var plain = byRoute[label].ToList();
            var sameContent = plain.Any(p => Encoding(p.Asset) is null && Header(p.Asset, HeaderNames.ETag) == Header(asset, HeaderNames.ETag));
            if (!sameContent)
            {
                continue;
            }

            var brotli = plain.FirstOrDefault(p => Encoding(p.Asset) == "br").Endpoint;
            var gzip = plain.FirstOrDefault(p => Encoding(p.Asset) == "gzip").Endpoint;
            if (brotli is not null || gzip is not null)
            {
                result[endpoint] = new CompressedCopies(brotli, gzip);
            }
        }

        return result.ToFrozenDictionary(ReferenceEqualityComparer.Instance);
    }

    private static string? Property(StaticAssetDescriptor asset, string name) =>
        asset.Properties.FirstOrDefault(p => p.Name == name)?.Value;

    private static string? Encoding(StaticAssetDescriptor asset) =>
        asset.Selectors.FirstOrDefault(s => string.Equals(s.Name, HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string? Header(StaticAssetDescriptor asset, string name) =>
        asset.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    private sealed record CompressedCopies(Endpoint? Brotli, Endpoint? Gzip);
}

public static class FingerprintedAssetCompressionExtensions
{
    public static IServiceCollection AddFingerprintedAssetCompression(this IServiceCollection services) =>
        services.AddSingleton<FingerprintedAssetCompression>();

    /// <summary>Between routing and the endpoint: swaps a fingerprinted package asset's endpoint for its compressed copy.</summary>
    public static IApplicationBuilder UseFingerprintedAssetCompression(this IApplicationBuilder app)
    {
        var compression = app.ApplicationServices.GetRequiredService<FingerprintedAssetCompression>();
        return app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if ((HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
                && context.GetEndpoint() is { } endpoint
                && compression.Choose(endpoint, context.Request.GetTypedHeaders().AcceptEncoding) is { } compressed)
            {
                FingerprintedAssetCompression.Apply(context, compressed);
            }

            return next(context);
        });
    }
}
