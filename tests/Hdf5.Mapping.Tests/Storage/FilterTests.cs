using Hdf5.Mapping.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Hdf5.Mapping.Tests.Storage;

public sealed class FilterTests(ITestOutputHelper output) : H5TestBase
{
    // The HUG23 tutorial's data: 100 Ornstein–Uhlenbeck paths of 1000 steps (theta 1, mu 0, sigma 0.1, dt 0.01).
    private static double[,] OuData()
    {
        var random = new Random(1234);
        var x = new double[100, 1000];
        for (int p = 0; p < 100; p++)
        {
            double v = 0;
            for (int t = 0; t < 1000; t++)
            {
                x[p, t] = v;
                var n = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v += 1.0 * (0 - v) * 0.01 + 0.1 * Math.Sqrt(0.01) * n;
            }
        }
        return x;
    }

    [Fact]
    public void ZfpAccuracyHelper_GivesTheTutorialsCdValues_AsHdf5pluginComputesThem()
    {
        Assert.Equal([3u, 0u, 3944497965u, 1058682594u, 0u, 0u], H5Filter.ZfpAccuracy(1e-4).ClientData);
        var fromPlugin = Peers.RunPython("import hdf5plugin\nprint(hdf5plugin.Zfp(accuracy=1e-4).filter_options, hdf5plugin.Zfp(rate=10).filter_options, hdf5plugin.Zfp(precision=20).filter_options, hdf5plugin.Blosc(cname='zstd', clevel=7, shuffle=hdf5plugin.Blosc.BITSHUFFLE).filter_options, hdf5plugin.LZ4(nbytes=1024).filter_options, hdf5plugin.BZip2(blocksize=5).filter_options)").Trim();
        string Tuple(H5Filter f) => "(" + string.Join(", ", f.ClientData) + (f.ClientData.Count == 1 ? ",)" : ")");
        Assert.Equal(string.Join(" ", Tuple(H5Filter.ZfpAccuracy(1e-4)), Tuple(H5Filter.ZfpRate(10)), Tuple(H5Filter.ZfpPrecision(20)),
            Tuple(H5Filter.Blosc(H5Filter.BloscCompressor.Zstd, 7, H5Filter.BloscShuffle.Bit)), Tuple(H5Filter.Lz4(1024)), Tuple(H5Filter.Bzip2(5))), fromPlugin);
    }

    [Fact]
    public void TutorialData_CompressedWithDeflateZstdAndZfp_ReadsBackAndH5pyAgrees()
    {
        var path = Files.NewPath();
        var data = OuData();
        var options = (H5Filter f) => new H5DatasetOptions { Chunks = [20, 250] }.With(f);
        using (var f = H5File.Create(path))
        using (var g = f.CreateGroup("compressed"))
        {
            using var defl = g.Add("defl", data, options(H5Filter.Deflate(6)));
            using var zstd = g.Add("zstd", data, options(H5Filter.Zstd(10)));
            using var zfp = g.Add("zfp-fa", data, options(H5Filter.ZfpAccuracy(1e-4)));
            foreach (var ds in new[] { defl, zstd, zfp })
                output.WriteLine($"{ds.Name}: storage {ds.StorageSize} bytes, compression ratio {ds.CompressionRatio:F3}");
            Assert.Equal(data, defl.Read2D<double>());
            Assert.Equal(data, zstd.Read2D<double>());
            var lossy = zfp.Read2D<double>();
            for (int i = 0; i < 100; i++) for (int j = 0; j < 1000; j++) Assert.True(Math.Abs(lossy[i, j] - data[i, j]) <= 1e-4);

            Assert.Equal([H5Filter.Zstd(10)], zstd.Filters); // optional, as h5py adds a filter given by id
            Assert.Equal(H5Filter.ZfpId, zfp.Filters[0].Id);
            // H5Z-ZFP replaces the requested cd_values with its own stream header when the dataset is created.
            Assert.Equal((3, 1e-4), H5Filter.ZfpAccuracy(1e-4).ZfpParameters);
            Assert.Equal([20L, 250L], zstd.Chunks!);
            Assert.True(zstd.CompressionRatio > 1);
            Assert.True(zfp.CompressionRatio > defl.CompressionRatio);
        }

        // h5py reads deflate and ZFP (Debian's plugin); for Zstd it reads the raw chunks, which python zstandard decodes.
        var json = Peers.PythonJson("""
            import sys, zstandard
            f = h5py.File(sys.argv[1], 'r')
            g = f['compressed']
            defl, zfp, zs = g['defl'], g['zfp-fa'], g['zstd']
            filt, raw = zs.id.read_direct_chunk((20, 500))
            chunk = numpy.frombuffer(zstandard.ZstdDecompressor().decompress(raw), dtype='<f8').reshape(20, 250)
            print(json.dumps({'defl': [defl.compression, defl.compression_opts, list(defl.chunks)],
                              'defl_sum': float(defl[()].sum()), 'zfp_sum': float(zfp[()].sum()),
                              'zfp_filter': zfp.id.get_create_plist().get_filter(0)[0],
                              'zstd_filter': zs.id.get_create_plist().get_filter(0)[0], 'zstd_level': list(zs.id.get_create_plist().get_filter(0)[2]),
                              'chunk_first': float(chunk[0, 0]), 'chunk_last': float(chunk[19, 249]), 'mask': filt}))
            """, path);
        var sum = data.Cast<double>().Sum();
        Assert.Equal("gzip", json.GetProperty("defl")[0].GetString());
        Assert.Equal(6, json.GetProperty("defl")[1].GetInt32());
        Assert.Equal(sum, json.GetProperty("defl_sum").GetDouble(), 1e-9);
        Assert.Equal(sum, json.GetProperty("zfp_sum").GetDouble(), 1e-4 * data.Length);
        Assert.Equal(32013, json.GetProperty("zfp_filter").GetInt32());
        Assert.Equal(32015, json.GetProperty("zstd_filter").GetInt32());
        Assert.Equal([10], json.GetProperty("zstd_level").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(data[20, 500], json.GetProperty("chunk_first").GetDouble());
        Assert.Equal(data[39, 749], json.GetProperty("chunk_last").GetDouble());
        Assert.Equal(0, json.GetProperty("mask").GetInt32());
    }

    [Fact]
    public void ZstdChunksWrittenByPythonZstandard_AreReadByOurFilter()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys, zstandard
            with h5py.File(sys.argv[1], 'w') as f:
                ds = f.create_dataset('z', shape=(4, 100), chunks=(2, 100), dtype='<i4', compression=32015, compression_opts=(5,), allow_unknown_filter=True)
                for k in range(2):
                    block = (numpy.arange(200, dtype='<i4') + 1000 * k).tobytes()
                    comp = zstandard.ZstdCompressor(level=5, write_content_size=(k == 0)).compress(block)
                    ds.id.write_direct_chunk((2 * k, 0), comp)
            """, path);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("z");
        var values = ds.Read<int>();
        Assert.Equal(Enumerable.Range(0, 200).Concat(Enumerable.Range(1000, 200)), values);
        Assert.Equal("zstd", ds.Filters[0].Name);
        Assert.Equal([5u], ds.Filters[0].ClientData);
    }

    [Fact]
    public void OtherPlugins_Lz4Bzip2Blosc_RoundTripAndH5pyReadsThem()
    {
        var path = Files.NewPath();
        var data = Enumerable.Range(0, 4000).Select(i => Math.Sin(i / 100.0)).ToArray();
        // LZF is built in (managed): LzfFilterTests checks it against h5py's.
        var filters = new[] { H5Filter.Lz4(), H5Filter.Bzip2(9), H5Filter.Blosc() };
        using (var f = H5File.Create(path))
            foreach (var filter in filters)
                using (var ds = f.Add(filter.Name, data, new H5DatasetOptions { Chunks = [1000] }.With(filter)))
                {
                    Assert.Equal(data, ds.Read<double>());
                    Assert.Equal(filter.Id, ds.Filters[0].Id);
                }
        var sums = Peers.RunPython("import sys\nf = h5py.File(sys.argv[1], 'r')\nprint(' '.join('%s=%.9f' % (k, f[k][()].sum()) for k in sorted(f)))", path).Trim();
        var expected = string.Join(" ", filters.Select(x => x.Name).Order(StringComparer.Ordinal).Select(n => $"{n}={data.Sum():F9}"));
        Assert.Equal(expected, sums);
    }

    [Fact]
    public void DatasetWhoseFilterIsMissing_RaisesWithTheFilterIdNameAndInstallHint()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                ds = f.create_dataset('x', shape=(10,), chunks=(10,), dtype='f8', compression=32017, compression_opts=(1,), allow_unknown_filter=True)
                ds.id.write_direct_chunk((0,), b'not really compressed')
            """, path);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("x");
        Assert.Equal(32017, ds.Filters[0].Id);
        var e = Assert.Throws<H5FilterNotAvailableException>(() => ds.Read<double>());
        Assert.Equal(32017, e.FilterId);
        Assert.Contains("sz", e.Message);
        Assert.Contains("hdf5plugin", e.Message);
    }

    [Fact]
    public void BuiltInFilters_AreReportedByH5pyAsConfigured()
    {
        var path = Files.NewPath();
        var data = Enumerable.Range(0, 1000).Select(i => i * 0.25f).ToArray();
        using (var f = H5File.Create(path))
        {
            f.Add("shuf", data, new H5DatasetOptions { Chunks = [100] }.With(H5Filter.Shuffle(), H5Filter.Deflate(1), H5Filter.Fletcher32())).Dispose();
            f.Add("so", data, new H5DatasetOptions { Chunks = [100] }.With(H5Filter.ScaleOffset(2, forFloatingPoint: true))).Dispose();
            f.Add("nbit", Enumerable.Range(0, 1000).ToArray(), new H5DatasetOptions { Chunks = [100] }.With(H5Filter.NBit())).Dispose();
            using var compact = f.Add("compact", new[] { 1, 2, 3 }, new H5DatasetOptions { Layout = H5Layout.Compact });
            Assert.Equal(H5Layout.Compact, compact.Layout);
            var fill = new H5DatasetOptions();
            fill.SetFillValue(-7);
            using var filled = f.CreateDataset<int>("filled", [4], fill);
            Assert.Equal([-7, -7, -7, -7], filled.Read<int>());
        }
        var text = Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            s = f['shuf']
            print(s.shuffle, s.compression, s.compression_opts, s.fletcher32, f['so'].scaleoffset,
                  f['nbit'].id.get_create_plist().get_filter(0)[0], f['compact'].id.get_create_plist().get_layout() == h5py.h5d.COMPACT,
                  f['filled'].fillvalue, abs(f['so'][()] - numpy.arange(1000) * 0.25).max() <= 0.005)
            """, path).Trim();
        Assert.Equal("True gzip 1 True 2 5 True -7 True", text);
    }
}
