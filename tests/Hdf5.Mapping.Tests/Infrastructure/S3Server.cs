using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// s3rver (an S3-compatible server from npm, installed by tests/setup/install-node-deps.sh) on loopback, started
/// for a test and stopped after it. It checks AWS Signature V4 on signed requests with the key pair S3RVER/S3RVER.
/// </summary>
public sealed class S3Server : IDisposable
{
    public const string AccessKeyId = "S3RVER", SecretAccessKey = "S3RVER", Region = "us-east-1";

    private readonly Process _process;
    private readonly string _data;

    public S3Server(string bucket)
    {
        var bin = Path.Combine(RepoPaths.Root, "tests/setup/node/node_modules/s3rver/bin/s3rver.js");
        if (!File.Exists(bin))
            throw new InvalidOperationException($"s3rver is missing ({bin}): run bash tests/setup/install-node-deps.sh (needs nodejs and npm).");
        Bucket = bucket;
        Port = RangeHttpServer.FreePort();
        _data = Directory.CreateTempSubdirectory("h5m-s3rver-").FullName;
        var psi = new ProcessStartInfo("node", [bin, "-d", _data, "-a", "127.0.0.1", "-p", Port.ToString(), "--silent", "--configure-bucket", bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public int Port { get; }
    public string Bucket { get; }

    /// <summary>The path-style URL of an object (http://127.0.0.1:port/bucket/key).</summary>
    public string Url(string key) => $"http://127.0.0.1:{Port}/{Bucket}/{key}";

    /// <summary>Stores an object (s3rver accepts unsigned requests).</summary>
    public void Put(string key, byte[] content)
    {
        using var http = new HttpClient();
        using var response = http.PutAsync(Url(key), new ByteArrayContent(content)).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT {Url(key)}: HTTP {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"s3rver exited with {_process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException("s3rver did not start listening within 30 s");
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
