using System.Net;
using System.Net.Sockets;

namespace ZaloBot.Bench.Faults;

/// <summary>
/// A loopback TCP proxy in front of our private PostgreSQL or Redis, so the fault suite can make it "go away" for the
/// service processes (connections reset, new ones refused) and come back, without touching the server itself or
/// anybody else's instance.
/// </summary>
public sealed class CutProxy : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly HashSet<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public CutProxy(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public bool IsUp => _listener is not null;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptLoopAsync(_listener, _stop.Token);
    }

    /// <summary>Refuses new connections and resets the open ones, as a crashed server would.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                try
                {
                    connection.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Dispose() => Cut();

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(inbound);
                _connections.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, stop);
            _ = PumpAsync(outbound, inbound, stop);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(from);
                _connections.Remove(to);
            }

            from.Dispose();
            to.Dispose();
        }
    }
}
