using BlazorPartner.Platform.StaticAssets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace BlazorPartner.Tests.Platform.StaticAssets;

/// <summary>
/// Radzen's fingerprinted stylesheet and script had no compressed variant in the build's endpoint manifest while their
/// plain routes had (issue 9 §4); the compression step picks the plain route's compressed copy of the same content.
/// </summary>
public sealed class FingerprintedAssetCompressionTests
{
    private const string Label = "_content/Radzen.Blazor/css/material-base.css";
    private const string Fingerprinted = "_content/Radzen.Blazor/css/material-base.cc2x9g82tp.css";

    [Fact]
    public void A_fingerprinted_asset_without_compressed_variants_gets_the_plain_routes_brotli_then_gzip_copy()
    {
        var (compression, endpoints) = Build(plainETag: "\"same\"");
        var fingerprinted = endpoints[Fingerprinted];

        Assert.Same(endpoints[Label + "|br"], compression.Choose(fingerprinted, Accept("gzip, deflate, br, zstd")));
        Assert.Same(endpoints[Label + "|gzip"], compression.Choose(fingerprinted, Accept("gzip, deflate")));
        Assert.Null(compression.Choose(fingerprinted, Accept("identity")));
        Assert.Null(compression.Choose(fingerprinted, Accept("br;q=0, deflate")));
        Assert.Null(compression.Choose(fingerprinted, []));
        Assert.Equal(1, compression.Count);
    }

    [Fact]
    public void Other_endpoints_and_a_plain_route_with_different_content_are_left_alone()
    {
        var (compression, endpoints) = Build(plainETag: "\"other\"");

        Assert.Null(compression.Choose(endpoints[Fingerprinted], Accept("br")));
        Assert.Null(compression.Choose(endpoints[Label], Accept("br")));
        Assert.Equal(0, compression.Count);
    }

    private static (FingerprintedAssetCompression Compression, Dictionary<string, Endpoint> Endpoints) Build(string plainETag)
    {
        var endpoints = new Dictionary<string, Endpoint>
        {
            [Fingerprinted] = Asset(Fingerprinted, encoding: null, etag: "\"same\"", ("fingerprint", "cc2x9g82tp"), ("label", Label)),
            [Label] = Asset(Label, encoding: null, etag: plainETag),
            [Label + "|br"] = Asset(Label, encoding: "br", etag: "\"br\""),
            [Label + "|gzip"] = Asset(Label, encoding: "gzip", etag: "\"gz\""),
        };
        return (new FingerprintedAssetCompression(new DefaultEndpointDataSource(endpoints.Values)), endpoints);
    }

    private static Endpoint Asset(string route, string? encoding, string etag, params (string Name, string Value)[] properties)
    {
        var descriptor = new StaticAssetDescriptor
        {
            Route = route,
            AssetPath = encoding is null ? route : $"{route}.{encoding}",
            Selectors = encoding is null ? [] : [new StaticAssetSelector(HeaderNames.ContentEncoding, encoding, "0.1")],
            Properties = properties.Select(p => new StaticAssetProperty(p.Name, p.Value)).ToList(),
            ResponseHeaders = [new StaticAssetResponseHeader(HeaderNames.ETag, etag)],
        };
        return new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(descriptor), $"{route} {encoding}");
    }

    private static List<StringWithQualityHeaderValue> Accept(string header) =>
        StringWithQualityHeaderValue.ParseList([header]).ToList();
}
