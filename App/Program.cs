using BlazorPartner.Platform.Diagnostics.Health;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Components;
using BlazorPartner.Features;
using BlazorPartner.Platform;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.DataProtection;
using BlazorPartner.Platform.Diagnostics;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Identity.Sessions;
using BlazorPartner.Platform.Seeding;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using BlazorPartner.Platform.Localization;
using BlazorPartner.Platform.Http;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.StaticAssets;
using BlazorPartner.Platform.Live;
using Radzen;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();
builder.Services.AddFingerprintedAssetCompression();
// Chinese text goes into the HTML as itself (3 bytes a character), not as &#x...; escapes (8): the encoder still escapes
// everything HTML-significant.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.AddAppHttpHardening();
builder.Services.AddAppCore();
builder.Services.AddRadzenLocalization();

builder.Services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDatabaseKeyRing();
builder.Services.AddAppHealthChecks();
builder.Services.AddUserLogScopes();

builder.Services.AddAppIdentity(builder.Configuration);
builder.Services.AddFeatures(builder.Configuration);
// After the features: on PostgreSQL, replaces the single-process change feed with one relayed between instances.
builder.Services.AddChangeRelay(builder.Configuration);
builder.Services.AddMemoryDiagnostics(builder.Configuration);

var app = builder.Build();
app.UseUserLogScopes();

// Forwarded headers, security headers, exception handler + HSTS + HTTPS outside Development, 503 and 404 pages (ADR 0007).
app.UseAppHttpHardening();

app.UseRequestLocalization(Cultures.Options());
// Only the anonymous application forms (reseller, partner network) are limited (ApplicationRateLimit); everything else passes untouched.
app.UseRateLimiter();
app.UseAntiforgery();
// Runs between routing and the endpoint: Radzen's fingerprinted CSS and script go out brotli-compressed (issue 9 §4).
app.UseFingerprintedAssetCompression();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapResellerEndpoints();
app.MapOnboardingEndpoints();
app.MapCultureEndpoint();
app.MapAppHealthChecks();
app.MapMemoryDiagnostics(app.Configuration);

await DatabaseInitializer.InitializeAsync(app.Services);
await app.RunAsync();

/// <summary>Entry point; public so the test hosts (WebApplicationFactory) can reference it.</summary>
public partial class Program;
