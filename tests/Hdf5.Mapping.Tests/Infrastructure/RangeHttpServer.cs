using System.Net;
using System.Net.Sockets;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// A plain HTTP/1.1 server on loopback that serves byte ranges of in-memory objects, as a static web server or S3
/// does for ROS3: HEAD gives the length, GET with <c>Range: bytes=a-b</c> gives 206 and the bytes. It counts requests,
/// and can misbehave on purpose (close the connection in the middle of a response).
/// </summary>
public sealed class RangeHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly List<(long Start, long End)> _ranges = [];
    private readonly Task _loop;
    private int _gets, _heads;
    private long _bytes;

    public RangeHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    /// <summary>GET requests that reach this server and byte count served, since the last <see cref="ResetCounts"/>.</summary>
    public int Gets => Volatile.Read(ref _gets);
    public int Heads => Volatile.Read(ref _heads);
    public long BytesServed => Interlocked.Read(ref _bytes);

    /// <summary>The byte range (first and last byte, inclusive) of each GET since the last <see cref="ResetCounts"/>, in arrival order.</summary>
    public (long Start, long End)[] Ranges { get { lock (_ranges) return [.. _ranges]; } }

    /// <summary>When set, the Nth GET (1-based, counted from now) sends half its bytes and then drops the connection.</summary>
    public int? DropConnectionOnGet { get; set; }

    /// <summary>The Authorization header of the latest request (null when it had none).</summary>
    public string? LastAuthorization { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Serve(string path, byte[] content) { lock (_objects) _objects[path] = content; }

    public void ResetCounts()
    {
        Interlocked.Exchange(ref _gets, 0);
        Interlocked.Exchange(ref _heads, 0);
        Interlocked.Exchange(ref _bytes, 0);
        lock (_ranges) _ranges.Clear();
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; } // stopped
            try { Handle(context); }
            catch (Exception) { try { context.Response.Abort(); } catch (Exception) { } }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        LastAuthorization = request.Headers["Authorization"];
        byte[]? content;
        lock (_objects) _objects.TryGetValue(request.Url!.AbsolutePath.TrimStart('/'), out content);
        if (request.HttpMethod == "HEAD") Interlocked.Increment(ref _heads);
        var get = request.HttpMethod == "GET" ? Interlocked.Increment(ref _gets) : 0;
        if (content is null)
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }
        response.Headers["Accept-Ranges"] = "bytes";
        long start = 0, end = content.Length - 1;
        var range = request.Headers["Range"];
        if (range is not null && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var parts = range["bytes=".Length..].Split('-');
            start = long.Parse(parts[0]);
            if (parts.Length > 1 && parts[1].Length > 0) end = Math.Min(long.Parse(parts[1]), content.Length - 1);
            response.StatusCode = 206;
            response.Headers["Content-Range"] = $"bytes {start}-{end}/{content.Length}";
        }
        var length = end - start + 1;
        if (get > 0) lock (_ranges) _ranges.Add((start, end));
        response.ContentLength64 = length;
        if (request.HttpMethod == "HEAD")
        {
            response.Close();
            return;
        }
        if (DropConnectionOnGet is { } n && get == n)
        {
            response.OutputStream.Write(content, (int)start, (int)(length / 2));
            response.OutputStream.Flush();
            response.Abort(); // the client sees the connection close before Content-Length bytes arrived
            return;
        }
        response.OutputStream.Write(content, (int)start, (int)length);
        Interlocked.Add(ref _bytes, length);
        response.Close();
    }

    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
