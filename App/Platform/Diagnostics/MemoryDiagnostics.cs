using System.Diagnostics;
using System.Net;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorPartner.Platform.Diagnostics;

/// <summary>
/// Opt-in endpoint for the per-circuit memory benchmark (App.Benchmarks `circuits`): forces a full, compacting GC and
/// reports resident and managed memory plus the number of open circuits. Off unless <c>Diagnostics:MemoryEndpoint</c> is
/// true, and even then it answers loopback callers only, because a forced GC on demand would be a cheap denial of service.
/// </summary>
public static class MemoryDiagnostics
{
    public const string EnabledSetting = "Diagnostics:MemoryEndpoint";
    public const string Path = "/_diagnostics/memory";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledSetting);

    public static IServiceCollection AddMemoryDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            // Counts circuits so the benchmark can check that every browser tab it opened really holds one.
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapMemoryDiagnostics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            endpoints.MapPost(Path, (HttpContext http, CircuitCounter circuits) =>
                http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
                    ? Results.Ok(Measure(circuits))
                    : Results.NotFound());
        }

        return endpoints;
    }

    private static MemorySnapshot Measure(CircuitCounter circuits)
    {
        // Twice, with finalizers in between: objects kept alive only by a finalizer go on the second pass.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(
            process.WorkingSet64,
            process.PrivateMemorySize64,
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            circuits.Open,
            GCSettings.IsServerGC);
    }

    public sealed record MemorySnapshot(
        long WorkingSetBytes,
        long PrivateBytes,
        long ManagedBytes,
        long HeapSizeBytes,
        long CommittedBytes,
        int OpenCircuits,
        bool ServerGc);

    public sealed class CircuitCounter : CircuitHandler
    {
        private int open;

        public int Open => Volatile.Read(ref open);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }
    }
}
