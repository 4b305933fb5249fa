using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Hdf5.Mapping.Tests.Remote;

/// <summary>
/// Files read over HTTP through libhdf5's ROS3 driver, from a range-serving server on loopback that the test starts:
/// the tutorial's ICESat-2 steps (root keys, root attributes, a beam's heights, a 1 x 256 slice) on a file the test
/// wrote, request counts with and without the paged layout and the page buffer, h5py's ROS3 driver as the peer, and bad
/// input. The files are larger than the 16 MiB that libhdf5 1.14.3 and later fetch at open, and what the steps read
/// lies beyond that, so every version makes requests for them, as it does for a real granule of hundreds of MiB.
/// </summary>
public sealed class RemoteFileTests(ITestOutputHelper output) : H5TestBase
{
    private const int Rows = 1536, Columns = 2048; // 24 MiB of float64, written first, as a granule's bulk data is
    private const int SliceRow = 1400; // about 22 MiB into the file

    /// <summary>What libhdf5 1.14.3 and later read in one request when they open a remote file (all of a smaller one),
    /// and then serve from memory; 1.10 has no such cache.</summary>
    private const long OpenCacheSize = 16 << 20;
    private static bool FetchesTheFileStartAtOpen
    {
        get
        {
            H5Library.EnsureInitialized();
            return H5Library.Version >= new Version(1, 14, 3);
        }
    }

    // An ICESat-2-shaped file: CF-style string attributes at the root, a large dataset, and deep groups after it.
    private byte[] TutorialShapedFile(long pageSize)
    {
        var path = Files.NewPath(pageSize > 0 ? "paged.h5" : "plain.h5");
        using (var f = H5File.Create(path, options: new H5FileOptions { PageSize = pageSize }))
        {
            f.Attrs.Set("short_name", "ATL03");
            f.Attrs.Set("title", "SET_BY_PGE");
            f.Attrs.Set("Conventions", "CF-1.6");
            f.Attrs.Set("time_coverage_start", "2023-01-01T00:00:00.000000Z");
            using (var data = f.Add("data", Data())) data.Attrs.Set("units", "m");
            for (int beam = 1; beam <= 3; beam++)
            {
                using var heights = f.CreateGroup($"gt{beam}l/heights");
                heights.Attrs.Set("description", $"beam {beam} photon heights");
                foreach (var field in PhotonFields)
                {
                    using var d = heights.Add(field, Photons(beam, field), new H5DatasetOptions { Chunks = [1000] }.With(H5Filter.Deflate(4)));
                    d.Attrs.Set("long_name", $"{field} of beam {beam}");
                    d.Attrs.Set("units", "m");
                    d.Attrs.Set("source", "ATL03 ATBD, section 3");
                }
            }
            using (f.CreateGroup("ancillary_data/atlas_engineering")) { }
        }
        Assert.True(new FileInfo(path).Length > OpenCacheSize + (4 << 20));
        return File.ReadAllBytes(path);
    }

    private static double[,] Data()
    {
        var d = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++) d[r, c] = r * 10000.0 + c;
        return d;
    }

    // A beam's photon datasets, each with its attributes: their metadata spans several 64 KiB pages, as a granule's does.
    private static readonly string[] PhotonFields = ["h_ph", "lat_ph", "lon_ph", "delta_time", "signal_conf_ph", "quality_ph", "weight_ph", "pce_mframe_cnt"];

    private static float[] Photons(int beam, string field) =>
        Enumerable.Range(0, 5000).Select(i => (float)(beam * 1000 + Array.IndexOf(PhotonFields, field) * 100 + i * 0.5)).ToArray();

    private static double[] ExpectedSlice(int row, int from, int count) => Enumerable.Range(from, count).Select(c => row * 10000.0 + c).ToArray();

    // What the tutorial does with the remote ICESat-2 file.
    private static (string[] Keys, string ShortName, string Conventions, string Description, float[] Heights, double[] Slice) TutorialSteps(string url, long pageBuffer)
    {
        using var f = H5File.OpenRemote(url, new H5RemoteOptions { PageBufferSize = pageBuffer });
        var keys = f.Keys.ToArray();
        var shortName = f.Attrs.GetString("short_name");
        var conventions = f.Attrs.GetString("Conventions");
        using var heights = f.OpenGroup("gt3l/heights");
        var description = heights.Attrs.GetString("description");
        using var h = heights.OpenDataset("h_ph");
        var first = h[0..3].Read<float>();
        using var data = f.OpenDataset("data");
        return (keys, shortName, conventions, description, first, data[SliceRow, 1000..1256].Read<double>());
    }

    [Fact]
    public void TheTutorialSteps_OverHttp_ReadWhatWasWritten_AsH5pysRos3DriverDoes()
    {
        using var server = new RangeHttpServer();
        server.Serve("bucket/ATL03.h5", TutorialShapedFile(pageSize: 64 * 1024));
        var url = server.Url("bucket/ATL03.h5");

        var (keys, shortName, conventions, description, heights, slice) = TutorialSteps(url, pageBuffer: 8 << 20);
        Assert.Equal(["ancillary_data", "data", "gt1l", "gt2l", "gt3l"], keys);
        Assert.Equal("ATL03", shortName);
        Assert.Equal("CF-1.6", conventions);
        Assert.Equal("beam 3 photon heights", description);
        Assert.Equal(Photons(3, "h_ph")[..3], heights);
        Assert.Equal(ExpectedSlice(SliceRow, 1000, 256), slice);

        var json = Peers.PythonJson($$"""
            import sys
            f = h5py.File(sys.argv[1], 'r', driver='ros3', page_buf_size=8 * 1024 * 1024)
            text = lambda v: v.decode() if isinstance(v, bytes) else v
            print(json.dumps([list(f.keys()), text(f.attrs['short_name']), text(f['gt3l/heights'].attrs['description']),
                              f['gt3l/heights/h_ph'][:3].tolist(), f['data'][{{SliceRow}}, 1000:1256].tolist()]))
            """, url);
        Assert.Equal(keys, json[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(shortName, json[1].GetString());
        Assert.Equal(description, json[2].GetString());
        Assert.Equal(heights, json[3].EnumerateArray().Select(e => (float)e.GetDouble()));
        Assert.Equal(slice, json[4].EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void ThePagedLayoutAndThePageBuffer_CutTheRequests()
    {
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", TutorialShapedFile(pageSize: 0));
        server.Serve("paged.h5", TutorialShapedFile(pageSize: 64 * 1024));

        (long Start, long End)[] Requests(string name, long pageBuffer)
        {
            server.ResetCounts();
            var sw = Stopwatch.StartNew();
            var read = TutorialSteps(server.Url(name), pageBuffer);
            Assert.Equal(ExpectedSlice(SliceRow, 1000, 256), read.Slice);
            var ranges = server.Ranges;
            output.WriteLine($"{name,-9} page buffer {pageBuffer >> 20} MiB: {ranges.Length} GET + {server.Heads} HEAD, {server.BytesServed:N0} bytes, {sw.ElapsedMilliseconds} ms: "
                + string.Join(" ", ranges.Select(r => $"{r.Start}-{r.End}")));
            return ranges;
        }

        var plain = Requests("plain.h5", 0);
        var pagedNoBuffer = Requests("paged.h5", 0);
        var paged = Requests("paged.h5", 8 << 20);
        // On every version the page buffer fetches the metadata that lies past the bulk data in a few whole pages.
        Assert.True(paged.Length < plain.Length, $"paged + page buffer: {paged.Length} requests, plain file: {plain.Length}");
        if (FetchesTheFileStartAtOpen)
        {
            // Past the open-time cache the buffer reads metadata in whole 64 KiB pages (raw data reads are the same
            // with or without it), never in more requests than paging alone.
            Assert.True(paged.Length <= pagedNoBuffer.Length, $"paged + page buffer: {paged.Length} requests, paged without buffer: {pagedNoBuffer.Length}");
            var metadataReads = paged[1..].Except(pagedNoBuffer).ToArray();
            Assert.NotEmpty(metadataReads);
            Assert.All(metadataReads, r => Assert.True(r.Start % (64 * 1024) == 0 && (r.End + 1) % (64 * 1024) == 0,
                $"bytes {r.Start}-{r.End} are not whole pages"));
            // One request for the first 16 MiB at open, then only what lies past it: the paged layout keeps the first
            // metadata pages at the start of the file, so paging alone already saves most requests.
            foreach (var run in new[] { plain, pagedNoBuffer, paged })
            {
                Assert.Equal((0L, OpenCacheSize - 1), run[0]);
                Assert.All(run[1..], r => Assert.True(r.End + 1 >= OpenCacheSize, $"bytes {r.Start}-{r.End} were in the open-time cache"));
            }
            Assert.True(pagedNoBuffer.Length < plain.Length, $"paged: {pagedNoBuffer.Length} requests, plain file: {plain.Length}");
        }
        else
        {
            Assert.True(paged.Length < pagedNoBuffer.Length, $"paged + page buffer: {paged.Length} requests, paged without buffer: {pagedNoBuffer.Length}");
            // No open-time cache: each read asks for what it needs, a metadata block, a sieve buffer or a page.
            foreach (var run in new[] { plain, pagedNoBuffer, paged })
                Assert.All(run, r => Assert.True(r.End - r.Start < 64 * 1024, $"libhdf5 {H5Library.Version} read bytes {r.Start}-{r.End} in one request"));
            Assert.InRange(pagedNoBuffer.Length, plain.Length - 2, plain.Length + 2); // paging alone saves nothing: each metadata read is a request
        }
    }

    [Fact]
    public void ASmallFile_IsFetchedWholeAtOpen_FromLibhdf5_1_14_3_AndReadByRead_On1_10()
    {
        var path = Files.NewPath("small.h5");
        using (var w = H5File.Create(path))
        {
            w.Attrs.Set("short_name", "ATL03");
            using (w.Add("gt1l/heights/h_ph", Photons(1, "h_ph"), new H5DatasetOptions { Chunks = [1000] }.With(H5Filter.Deflate(4)))) { }
        }
        var bytes = File.ReadAllBytes(path);
        using var server = new RangeHttpServer();
        server.Serve("small.h5", bytes);
        using (var f = H5File.OpenRemote(server.Url("small.h5")))
        {
            Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
            using var h = f.OpenDataset("gt1l/heights/h_ph");
            Assert.Equal(Photons(1, "h_ph"), h.Read<float>());
        }
        var ranges = server.Ranges;
        output.WriteLine($"{ranges.Length} GET: " + string.Join(" ", ranges.Select(r => $"{r.Start}-{r.End}")));
        if (FetchesTheFileStartAtOpen)
        {
            Assert.Equal((0L, bytes.Length - 1L), ranges[0]);
            // Only a read that ends on the file's last byte is fetched again: libhdf5 serves from the cache what ends
            // before the cache's end (addr + size < cache size).
            Assert.All(ranges[1..], r => Assert.Equal(bytes.Length - 1L, r.End));
        }
        else
        {
            Assert.True(ranges.Length > 5, $"{ranges.Length} requests");
            Assert.All(ranges, r => Assert.True(r.End - r.Start + 1 < bytes.Length));
        }
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
        server.ResetCounts();
        server.DropConnectionOnGet = server.Gets + 1; // the next request: the slice's bytes, beyond what any version cached
        var sw = Stopwatch.StartNew();
        var e = Assert.ThrowsAny<Exception>(() => data[SliceRow, 0..256].Read<double>());
        Assert.IsAssignableFrom<IH5Exception>(e);
        Assert.NotEmpty(((IH5Exception)e).ErrorStack);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"took {sw.Elapsed}");
        var broken = Assert.Single(server.Ranges);
        Assert.True(broken.Start >= OpenCacheSize, $"the broken request started at byte {broken.Start}");
        server.DropConnectionOnGet = null;
        Assert.Equal(ExpectedSlice(SliceRow, 0, 256), data[SliceRow, 0..256].Read<double>()); // and it recovers
    }

    [Fact]
    public void AConnectionClosedDuringTheFirstRead_FailsTheOpen_AndLeavesNothingOpen()
    {
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", TutorialShapedFile(pageSize: 0));
        server.DropConnectionOnGet = 1; // 1.14.3+: the open-time read of the file's start; 1.10: the superblock
        var stderr = StderrCapture.Run(() =>
        {
            var e = Assert.ThrowsAny<Exception>(() => H5File.OpenRemote(server.Url("plain.h5")));
            Assert.IsAssignableFrom<IH5Exception>(e);
            Assert.Contains(server.Url("plain.h5"), e.Message);
        });
        Assert.Equal("", stderr);
        var first = server.Ranges[0];
        Assert.Equal(0, first.Start);
        if (FetchesTheFileStartAtOpen) Assert.Equal(OpenCacheSize - 1, first.End);
        else Assert.True(first.End < OpenCacheSize - 1, $"libhdf5 {H5Library.Version} first read bytes 0-{first.End}");
        server.DropConnectionOnGet = null;
        using var f = H5File.OpenRemote(server.Url("plain.h5"));
        Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
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
    public void APageBufferOnAFileThatIsNotPaged_IsRefusedOnEveryLibhdf5Version()
    {
        // libhdf5 1.10 refuses it; 1.14.4 and later would open the file without any page buffer and say nothing.
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", TutorialShapedFile(pageSize: 0));
        var stderr = StderrCapture.Run(() =>
        {
            var e = Assert.Throws<H5Exception>(() => H5File.OpenRemote(server.Url("plain.h5"), new H5RemoteOptions { PageBufferSize = 8 << 20 }));
            Assert.Contains("PAGE file space strategy", e.Message); // h5py on libhdf5 1.10 reports the same libhdf5 message
            Assert.Contains(server.Url("plain.h5"), e.Message);
        });
        Assert.Equal("", stderr);
        using var f = H5File.OpenRemote(server.Url("plain.h5")); // without a page buffer it opens
        Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
    }

    [Fact]
    public void APageBufferSmallerThanThePages_IsRefusedOnEveryLibhdf5Version()
    {
        // libhdf5 1.10 refuses it; 1.14.4 and later would enlarge the buffer to one page and say nothing.
        using var server = new RangeHttpServer();
        server.Serve("paged.h5", TutorialShapedFile(pageSize: 64 * 1024));
        var e = Assert.Throws<H5Exception>(() => H5File.OpenRemote(server.Url("paged.h5"), new H5RemoteOptions { PageBufferSize = 16 * 1024 }));
        Assert.Contains("page size", e.Message, StringComparison.OrdinalIgnoreCase);
        using var f = H5File.OpenRemote(server.Url("paged.h5"), new H5RemoteOptions { PageBufferSize = 64 * 1024 });
        Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
    }

    [Fact]
    public void WritingARemoteFile_IsRefused()
    {
        Assert.Throws<H5ReadOnlyFileException>(() => H5File.Open("https://example.invalid/x.h5", H5FileMode.ReadWrite));
        Assert.Throws<ArgumentException>(() => H5File.OpenRemote("ftp://example.invalid/x.h5"));
    }
}
