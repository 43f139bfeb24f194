using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Diagnostics.Runtime;

namespace BlazorPartner.Benchmarks;

/// <summary>Objects of one type on the server's managed heap: how many and their own (shallow) size.</summary>
internal sealed record TypeTotal(long Count, long Bytes);

/// <summary>The managed heap of one dump, by type; and the component instances by component type.</summary>
internal sealed record HeapCensus(IReadOnlyDictionary<string, TypeTotal> Types, IReadOnlyDictionary<string, long> Components, IReadOnlyDictionary<int, long> FrameArrays);

/// <summary>
/// The evidence behind the per-circuit figures (--heap): the server is dumped with the runtime's own createdump right
/// after each measurement's forced full GC (so nearly all objects left are live) and the dump is read with ClrMD.
/// Per page, the census after the N circuits minus the census before them, divided by N, is what one circuit keeps.
/// </summary>
internal static class HeapBreakdown
{
    private const string ComponentStateType = "Microsoft.AspNetCore.Components.Rendering.ComponentState";
    private const string RemoteComponentStateType = "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState";
    private const string ComponentField = "<Component>k__BackingField";
    private const string FrameArrayType = "Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame[]";

    private static readonly Dictionary<string, HeapCensus> Censuses = [];

    /// <summary>Dumps the server and reads the dump at once (dumps are hundreds of MB; only the census is kept).</summary>
    public static async Task<string> DumpAsync(int pid, string heapDir, CircuitPage page, string stage, CancellationToken ct)
    {
        Directory.CreateDirectory(heapDir);
        var key = $"{Slug(page.Path)}-{Slug(page.Role)}-{stage}";
        var file = Path.Combine(Path.GetFullPath(heapDir), key + ".dmp");
        var createdump = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "createdump");
        var start = new ProcessStartInfo(createdump) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--withheap", "-f", file, pid.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using (var dump = Process.Start(start) ?? throw new InvalidOperationException("createdump did not start."))
        {
            var output = dump.StandardOutput.ReadToEndAsync(ct);
            var errors = dump.StandardError.ReadToEndAsync(ct);
            await dump.WaitForExitAsync(ct);
            if (dump.ExitCode != 0)
            {
                throw new InvalidOperationException($"createdump failed (exit {dump.ExitCode}):\n{await output}\n{await errors}");
            }
        }

        try
        {
            Censuses[key] = Read(file);
        }
        finally
        {
            File.Delete(file);
        }

        // The page's prefix, to which PerCircuit adds "-before" and "-after".
        return key[..key.LastIndexOf('-')];
    }

    public static HeapCensus Read(string dumpFile)
    {
        using var target = DataTarget.LoadDump(dumpFile);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var types = new Dictionary<string, (long Count, long Bytes)>();
        var components = new Dictionary<string, long>();
        var frameArrays = new Dictionary<int, long>();
        foreach (var obj in runtime.Heap.EnumerateObjects())
        {
            if (!obj.IsValid || obj.IsFree || obj.Type is not { } type)
            {
                continue;
            }

            var name = type.Name ?? "?";
            types[name] = types.TryGetValue(name, out var total) ? (total.Count + 1, total.Bytes + (long)obj.Size) : (1, (long)obj.Size);
            // Render-tree buffers by capacity: each component keeps two (current and previous), grown by doubling.
            if (name == FrameArrayType)
            {
                var length = obj.AsArray().Length;
                frameArrays[length] = frameArrays.GetValueOrDefault(length) + 1;
            }

            // Every live component has one ComponentState in its renderer; counting those catches the components that
            // implement IComponent directly (CascadingValue, RouteView...) as well as ComponentBase ones.
            if (name is ComponentStateType or RemoteComponentStateType && obj.TryReadObjectField(ComponentField, out var component) && component.Type?.Name is { } componentType)
            {
                components[componentType] = components.GetValueOrDefault(componentType) + 1;
            }
        }

        return new HeapCensus(types.ToDictionary(t => t.Key, t => new TypeTotal(t.Value.Count, t.Value.Bytes)), components, frameArrays);
    }

    public static void AddToReport(Report report, IReadOnlyList<PageMemory> results, PageMemory home, int top)
    {
        var homePerCircuit = PerCircuit(home);
        foreach (var result in results)
        {
            var perCircuit = PerCircuit(result);
            var body = new StringBuilder();
            body.AppendLine(CultureInfo.InvariantCulture, $"Managed heap kept per circuit (objects' own size; after minus before {result.Circuits} circuits, divided by {result.Circuits}):");
            body.AppendLine(CultureInfo.InvariantCulture, $"total {KB(perCircuit.Types.Values.Sum(t => t.Bytes))} in {perCircuit.Types.Values.Sum(t => t.Count):0} objects; home page {KB(homePerCircuit.Types.Values.Sum(t => t.Bytes))}");
            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"{"bytes/circuit",14} {"objects/circuit",16} {"home bytes",11}  type");
            foreach (var (type, total) in perCircuit.Types.OrderByDescending(t => t.Value.Bytes).Take(top))
            {
                var homeBytes = homePerCircuit.Types.GetValueOrDefault(type).Bytes;
                body.AppendLine(CultureInfo.InvariantCulture, $"{KB(total.Bytes),14} {total.Count,16:0.0} {KB(homeBytes),11}  {type}");
            }

            body.AppendLine();
            body.AppendLine("Component instances per circuit:");
            foreach (var (type, count) in perCircuit.Components.Where(c => c.Value >= 1).OrderByDescending(c => c.Value))
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"{count,8:0.0}  {type}");
            }

            body.AppendLine();
            body.AppendLine("Render-tree buffers (RenderTreeFrame[]) per circuit, by capacity in frames:");
            var before = Censuses[result.HeapDump + "-before"].FrameArrays;
            foreach (var (length, count) in Censuses[result.HeapDump + "-after"].FrameArrays.OrderByDescending(f => f.Key))
            {
                var grown = (count - before.GetValueOrDefault(length)) / (double)result.Circuits;
                if (grown >= 0.5)
                {
                    body.AppendLine(CultureInfo.InvariantCulture, $"{grown,8:0.0}  x {length} frames");
                }
            }

            report.Appendix($"Heap per circuit: {result.Page.Path} as {result.Page.Role}", body.ToString());
        }
    }

    /// <summary>(after − before) / circuits, by type; types whose growth rounds to nothing are dropped.</summary>
    private static (Dictionary<string, (double Count, long Bytes)> Types, Dictionary<string, double> Components) PerCircuit(PageMemory result)
    {
        var before = Censuses[result.HeapDump + "-before"];
        var after = Censuses[result.HeapDump + "-after"];
        var n = result.Circuits;
        var types = after.Types
            .Select(t => (t.Key, Grown: new TypeTotal(t.Value.Count - (before.Types.GetValueOrDefault(t.Key)?.Count ?? 0), t.Value.Bytes - (before.Types.GetValueOrDefault(t.Key)?.Bytes ?? 0))))
            .Where(t => t.Grown.Bytes > 0)
            .ToDictionary(t => t.Key, t => (t.Grown.Count / (double)n, t.Grown.Bytes / n));
        var components = after.Components.ToDictionary(c => c.Key, c => (c.Value - before.Components.GetValueOrDefault(c.Key)) / (double)n);
        return (types, components);
    }

    private static string KB(long bytes) => (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    private static string Slug(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') is { Length: > 0 } slug ? slug : "home";
}
