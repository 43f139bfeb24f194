using System.Net;
using System.Net.Sockets;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// A loopback TCP relay in front of the app that counts every byte both ways: the exact figure on the wire, including HTTP
/// headers and the circuit's WebSocket frames as sent (permessage-deflate compressed), which the browser's own events
/// report only uncompressed.
/// </summary>
internal sealed class WireCounter : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private long toClient;
    private long toServer;

    public WireCounter(Uri app)
    {
        target = new IPEndPoint(IPAddress.Loopback, app.Port);
        listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public long ToClient => Interlocked.Read(ref toClient);

    public long ToServer => Interlocked.Read(ref toServer);

    public long Total => ToClient + ToServer;

    public void Reset()
    {
        Interlocked.Exchange(ref toClient, 0);
        Interlocked.Exchange(ref toServer, 0);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(target, stop.Token);
                var a = client.GetStream();
                var b = server.GetStream();
                await Task.WhenAny(PumpAsync(a, b, up: true), PumpAsync(b, a, up: false));
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException)
            {
                // A closed tab or the end of the run.
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool up)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
        {
            Interlocked.Add(ref up ? ref toServer : ref toClient, read);
            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
