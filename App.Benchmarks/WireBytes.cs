using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// What one page costs on the wire, read from Chromium's own network events (DevTools protocol): each HTTP response's
/// encoded bytes (headers and compressed body; 0 for a cache hit) and the circuit's WebSocket frame payloads both ways, before
/// WebSocket compression (the benchmark's <see cref="WireCounter"/> gives the compressed figure on the wire).
/// </summary>
public sealed class WireBytes
{
    private readonly ConcurrentDictionary<string, string> urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> responses = new(StringComparer.Ordinal);
    private long webSocketBytes;
    private long webSocketSent;
    private long largestFrame;

    private WireBytes()
    {
    }

    public long HttpBytes => responses.Values.Sum();

    public long WebSocketBytes => Interlocked.Read(ref webSocketBytes);

    public long Total => HttpBytes + WebSocketBytes;

    public IEnumerable<string> Urls => responses.Keys;

    public string Summary() =>
        $"{Total:N0} bytes: HTTP {HttpBytes:N0} ({responses.Count} responses, {responses.Values.Count(v => v > 0)} not from cache), WebSocket {WebSocketBytes:N0} (sent {Interlocked.Read(ref webSocketSent):N0}, largest frame {largestFrame:N0})";

    public string Table() =>
        string.Join('\n', responses.OrderByDescending(r => r.Value).Select(r => $"{r.Value,10:N0}  {ShortUrl(r.Key)}"))
        + $"\n{WebSocketBytes,10:N0}  (WebSocket frames)";

    /// <summary>Starts counting everything <paramref name="page"/> sends and receives from now on.</summary>
    public static async Task<WireBytes> StartAsync(IPage page)
    {
        var meter = new WireBytes();
        var session = await page.Context.NewCDPSessionAsync(page);
        session.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } data)
            {
                meter.urls[data.GetProperty("requestId").GetString()!] = data.GetProperty("response").GetProperty("url").GetString()!;
            }
        };
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } data)
            {
                var id = data.GetProperty("requestId").GetString()!;
                meter.responses[meter.urls.GetValueOrDefault(id, id)] = (long)data.GetProperty("encodedDataLength").GetDouble();
            }
        };
        session.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => meter.AddFrame(e, sent: false);
        session.Event("Network.webSocketFrameSent").OnEvent += (_, e) => meter.AddFrame(e, sent: true);
        await session.SendAsync("Network.enable");
        return meter;
    }

    private void AddFrame(JsonElement? e, bool sent)
    {
        if (e is not { } data)
        {
            return;
        }

        var frame = data.GetProperty("response");
        var payload = frame.GetProperty("payloadData").GetString() ?? "";
        // Binary frames (opcode 2: the circuit's MessagePack) arrive base64-encoded.
        var bytes = frame.GetProperty("opcode").GetDouble() == 2 ? payload.Length * 3L / 4 : System.Text.Encoding.UTF8.GetByteCount(payload);
        Interlocked.Add(ref webSocketBytes, bytes);
        // BP_DUMP_FRAMES=DIR keeps each render batch the browser received, to see what a visit's circuit bytes are made of
        // (`strings` on a file shows its markup and text).
        if (Environment.GetEnvironmentVariable("BP_DUMP_FRAMES") is { } dumpDir && !sent && frame.GetProperty("opcode").GetDouble() == 2)
        {
            Directory.CreateDirectory(dumpDir);
            File.WriteAllBytes(Path.Combine(dumpDir, $"{DateTime.UtcNow.Ticks}-{bytes}.bin"), Convert.FromBase64String(payload));
        }
        if (sent)
        {
            Interlocked.Add(ref webSocketSent, bytes);
        }

        // Frames arrive on the CDP session's thread, one at a time; a plain max is enough.
        largestFrame = Math.Max(largestFrame, bytes);
    }

    private static string ShortUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
}
