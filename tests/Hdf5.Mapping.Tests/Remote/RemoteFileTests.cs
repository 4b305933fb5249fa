using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hdf5.Mapping.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Hdf5.Mapping.Tests.Remote;

/// <summary>
/// Files read over HTTP through libhdf5's ROS3 driver, from a range-serving server on loopback that the test starts:
/// the tutorial's ICESat-2 steps (root keys, root attributes, a 1 x 256 slice) on a file the test wrote, request
/// counts with and without the paged layout and the page buffer, h5py's ROS3 driver as the peer, and bad input.
/// </summary>
public sealed class RemoteFileTests(ITestOutputHelper output) : H5TestBase
{
    private const int Rows = 512, Columns = 2048; // 8 MiB of float64

    // An ICESat-2-shaped file: CF-style string attributes at the root, deep groups, and a large dataset.
    private byte[] TutorialShapedFile(long pageSize)
    {
        var path = Files.NewPath(pageSize > 0 ? "paged.h5" : "plain.h5");
        using (var f = H5File.Create(path, options: new H5FileOptions { PageSize = pageSize }))
        {
            f.Attrs.Set("short_name", "ATL03");
            f.Attrs.Set("title", "SET_BY_PGE");
            f.Attrs.Set("Conventions", "CF-1.6");
            f.Attrs.Set("time_coverage_start", "2023-01-01T00:00:00.000000Z");
            for (int beam = 1; beam <= 3; beam++)
            {
                using var heights = f.CreateGroup($"gt{beam}l/heights");
                heights.Attrs.Set("description", $"beam {beam} photon heights");
                using (heights.Add("h_ph", Enumerable.Range(0, 5000).Select(i => (float)(beam * 1000 + i * 0.5)).ToArray(),
                           new H5DatasetOptions { Chunks = [1000] }.With(H5Filter.Deflate(4)))) { }
            }
            using (f.CreateGroup("ancillary_data/atlas_engineering")) { }
            using (var data = f.Add("data", Data())) data.Attrs.Set("units", "m");
        }
        return File.ReadAllBytes(path);
    }

    private static double[,] Data()
    {
        var d = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++) d[r, c] = r * 10000.0 + c;
        return d;
    }

    // What the tutorial does with the remote ICESat-2 file.
    private static (string[] Keys, string ShortName, string Conventions, double[] Slice) TutorialSteps(string url, long pageBuffer)
    {
        using var f = H5File.OpenRemote(url, new H5RemoteOptions { PageBufferSize = pageBuffer });
        var keys = f.Keys.ToArray();
        var shortName = f.Attrs.GetString("short_name");
        var conventions = f.Attrs.GetString("Conventions");
        using var data = f.OpenDataset("data");
        return (keys, shortName, conventions, data[300, 1000..1256].Read<double>());
    }

    [Fact]
    public void TheTutorialSteps_OverHttp_ReadWhatWasWritten_AsH5pysRos3DriverDoes()
    {
        using var server = new RangeHttpServer();
        server.Serve("bucket/ATL03.h5", TutorialShapedFile(pageSize: 64 * 1024));
        var url = server.Url("bucket/ATL03.h5");

        var (keys, shortName, conventions, slice) = TutorialSteps(url, pageBuffer: 8 << 20);
        Assert.Equal(["ancillary_data", "data", "gt1l", "gt2l", "gt3l"], keys);
        Assert.Equal("ATL03", shortName);
        Assert.Equal("CF-1.6", conventions);
        Assert.Equal(Enumerable.Range(1000, 256).Select(c => 300 * 10000.0 + c), slice);

        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r', driver='ros3', page_buf_size=8 * 1024 * 1024)
            print(json.dumps([list(f.keys()), f.attrs['short_name'].decode() if isinstance(f.attrs['short_name'], bytes) else f.attrs['short_name'],
                              f['data'][300, 1000:1256].tolist(), f['gt2l/heights/h_ph'][:3].tolist()]))
            """, url);
        Assert.Equal(keys, json[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("ATL03", json[1].GetString());
        Assert.Equal(slice, json[2].EnumerateArray().Select(e => e.GetDouble()));
        using var f = H5File.OpenRemote(url);
        using var h = f.OpenDataset("gt2l/heights/h_ph");
        Assert.Equal(json[3].EnumerateArray().Select(e => (float)e.GetDouble()), h[0..3].Read<float>());
    }

    [Fact]
    public void ThePagedLayoutAndThePageBuffer_CutTheRequests()
    {
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", TutorialShapedFile(pageSize: 0));
        server.Serve("paged.h5", TutorialShapedFile(pageSize: 64 * 1024));

        int Count(string name, long pageBuffer)
        {
            server.ResetCounts();
            var sw = Stopwatch.StartNew();
            TutorialSteps(server.Url(name), pageBuffer);
            output.WriteLine($"{name,-9} page buffer {pageBuffer >> 20} MiB: {server.Gets} GET + {server.Heads} HEAD, {server.BytesServed:N0} bytes, {sw.ElapsedMilliseconds} ms");
            return server.Gets;
        }

        var plain = Count("plain.h5", 0);
        var pagedNoBuffer = Count("paged.h5", 0);
        var paged = Count("paged.h5", 8 << 20);
        Assert.True(paged < plain, $"paged + page buffer: {paged} requests, plain file: {plain}");
        Assert.True(paged < pagedNoBuffer, $"paged + page buffer: {paged} requests, paged without buffer: {pagedNoBuffer}");
    }

    [Fact]
    public void Credentials_SignTheRequests_WithAwsSignatureV4()
    {
        using var server = new RangeHttpServer();
        server.Serve("bucket/ATL03.h5", TutorialShapedFile(pageSize: 0));
        var options = new H5RemoteOptions { Region = "us-west-2", AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
        using (var f = H5File.OpenRemote(server.Url("bucket/ATL03.h5"), options))
            Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
        output.WriteLine(server.LastAuthorization);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", server.LastAuthorization);
        Assert.Contains("/us-west-2/s3/aws4_request", server.LastAuthorization);

        using (var f = H5File.OpenRemote(server.Url("bucket/ATL03.h5")))
            Assert.Equal("CF-1.6", f.Attrs.GetString("Conventions"));
        Assert.Null(server.LastAuthorization); // anonymous by default
    }

    [Fact]
    public void MappedTypes_ReadFromAUrl()
    {
        var path = Files.NewPath();
        new Mapping.Campaign
        {
            Time = [0, 1], Channel = [5], Signal = new double[,] { { 1 }, { 2 } }, Mask = [1], Regions = [H5Region.Block([1, 0], [1, 1])],
            Probe = new Mapping.Probe { Serial = "remote", Gain = [2f] },
        }.Write(path);
        using var server = new RangeHttpServer();
        server.Serve("c.h5", File.ReadAllBytes(path));
        var read = Mapping.Campaign.Read(server.Url("c.h5"));
        Assert.Equal("remote", read.Probe.Serial);
        Assert.Equal(H5Region.Block([1, 0], [1, 1]), read.Regions[0]);
        Assert.Equal(new double[,] { { 1 }, { 2 } }, read.Signal);
    }

    [Fact]
    public void AnUnreachableHost_FailsFast_WithTheUrl()
    {
        var port = RangeHttpServer.FreePort(); // nothing listens there
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<H5RemoteAccessException>(() => H5File.OpenRemote($"http://127.0.0.1:{port}/x.h5"));
        Assert.Contains($"127.0.0.1:{port}/x.h5", e.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
    }

    [Fact]
    public void AHostThatNeverAnswers_FailsWithinTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel does) and never says a word
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<H5RemoteAccessException>(() =>
            H5File.OpenRemote($"http://127.0.0.1:{port}/x.h5", new H5RemoteOptions { ConnectTimeout = TimeSpan.FromSeconds(2) }));
        Assert.Contains("did not answer within 2 s", e.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
    }

    [Fact]
    public void AMissingObject_IsFileNotFound()
    {
        using var server = new RangeHttpServer();
        var e = Assert.Throws<H5FileNotFoundException>(() => H5File.OpenRemote(server.Url("bucket/missing.h5")));
        Assert.Contains("HTTP 404", e.Message);
    }

    [Fact]
    public void AnObjectThatIsNotHdf5_IsAnInvalidFile()
    {
        using var server = new RangeHttpServer();
        server.Serve("notes.txt", "these are not the bytes you are looking for\n"u8.ToArray());
        var stderr = StderrCapture.Run(() => Assert.Throws<H5InvalidFileException>(() => H5File.OpenRemote(server.Url("notes.txt"))));
        Assert.Equal("", stderr);
    }

    [Fact]
    public void AConnectionClosedMidRead_FailsTheRead_NotTheProcess()
    {
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", TutorialShapedFile(pageSize: 0));
        using var f = H5File.OpenRemote(server.Url("plain.h5"));
        using var data = f.OpenDataset("data");
        server.DropConnectionOnGet = server.Gets + 1; // the next request: the slice's bytes
        var sw = Stopwatch.StartNew();
        var e = Assert.ThrowsAny<Exception>(() => data[7, 0..256].Read<double>());
        Assert.IsAssignableFrom<IH5Exception>(e);
        Assert.NotEmpty(((IH5Exception)e).ErrorStack);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"took {sw.Elapsed}");
        server.DropConnectionOnGet = null;
        Assert.Equal(Enumerable.Range(0, 256).Select(c => 7 * 10000.0 + c), data[7, 0..256].Read<double>()); // and it recovers
    }

    [Fact]
    public void S3Urls_BecomeTheVirtualHostedAddress_AndCredentialsNeedARegion()
    {
        // Nothing listens on example.invalid: the error names the https address the s3:// URL became.
        var e = Assert.Throws<H5RemoteAccessException>(() => H5File.OpenRemote("s3://atl03-bucket/granule.h5",
            new H5RemoteOptions { Region = "us-west-2", ConnectTimeout = TimeSpan.FromSeconds(5) }));
        Assert.Contains("https://atl03-bucket.s3.us-west-2.amazonaws.com/granule.h5", e.Message);
        Assert.Throws<ArgumentException>(() => H5File.OpenRemote("s3://bucket-only"));

        using var server = new RangeHttpServer();
        server.Serve("x.h5", TutorialShapedFile(pageSize: 0));
        var noRegion = Assert.Throws<ArgumentException>(() => H5File.OpenRemote(server.Url("x.h5"), new H5RemoteOptions { AccessKeyId = "A", SecretAccessKey = "B" }));
        Assert.Contains("Region", noRegion.Message);
    }

    [Fact]
    public void APageBufferOnAFileThatIsNotPaged_IsRefusedWithLibhdf5sReason()
    {
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", TutorialShapedFile(pageSize: 0));
        var stderr = StderrCapture.Run(() =>
        {
            var e = Assert.ThrowsAny<Exception>(() => H5File.OpenRemote(server.Url("plain.h5"), new H5RemoteOptions { PageBufferSize = 8 << 20 }));
            Assert.IsAssignableFrom<IH5Exception>(e);
            Assert.Contains("PAGE file space strategy", e.Message); // h5py reports the same libhdf5 message
        });
        Assert.Equal("", stderr);
    }

    [Fact]
    public void WritingARemoteFile_IsRefused()
    {
        Assert.Throws<H5ReadOnlyFileException>(() => H5File.Open("https://example.invalid/x.h5", H5FileMode.ReadWrite));
        Assert.Throws<ArgumentException>(() => H5File.OpenRemote("ftp://example.invalid/x.h5"));
    }
}
