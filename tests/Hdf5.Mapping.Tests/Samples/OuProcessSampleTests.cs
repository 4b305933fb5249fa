using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Samples;

/// <summary>Runs the OuProcess sample as a program and checks the file it writes with h5py.</summary>
public sealed class OuProcessSampleTests : H5TestBase
{
    [Fact]
    public void OuProcessSample_WritesTheTutorialsFile_AsH5pySeesIt()
    {
        var path = Files.NewPath("ou_process.h5");
        var sample = Path.Combine(AppContext.BaseDirectory, "OuProcess.dll");
        var (code, stdout, stderr) = Peers.Run("dotnet", ["exec", sample, path], timeout: TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"sample exited {code}\n{stdout}\n{stderr}");
        Assert.Equal("", stderr);
        Assert.Contains("equals the direct slice: True", stdout);
        Assert.Contains("OuProcess.Read: theta 1, mu \"0.000000\", sigma 0.1, dt 0.01, paths 100 x 1000, equal: True", stdout);
        Assert.Contains("Region reference must point to this dataset", stdout);
        Assert.Contains("references read back as the mapped arrays: True, regions of zfp-fa, defl, zstd", stdout);
        Assert.Contains("OuProcess.Validate: conforms, 0 differences", stdout);

        var json = Peers.PythonJson("""
            import sys, zstandard
            f = h5py.File(sys.argv[1], 'r')
            a = f.attrs
            def sk(obj, k):
                s = h5py.check_string_dtype(obj.attrs.get_id(k).dtype)
                return [s.encoding, s.length]
            def pad(obj, k):
                return obj.attrs.get_id(k).get_type().get_strpad()
            ds = f['dataset']
            c = f['compressed']
            refs = f['objrefs/refs'][()]
            rr = f['regrefs/rrefs'][()]
            zs = c['zstd']
            raw = zs.id.read_direct_chunk((0, 0))[1]
            chunk = numpy.frombuffer(zstandard.ZstdDecompressor().decompress(raw), dtype='<f8').reshape(20, 250)
            print(json.dumps({
              'theta': [str(a['theta'].dtype), float(a['theta'])], 'mu': [a['mu'].decode(), sk(f, 'mu'), pad(f, 'mu') == h5py.h5t.STR_NULLTERM],
              'sigma': [list(a['sigma'].shape), float(a['sigma'].ravel()[0])], 'dt': float(a['dt']),
              'conv': [a['Conventions'], sk(f, 'Conventions')], 'title': a['title'],
              'ds': [list(ds.shape), str(ds.dtype), ds.chunks, ds.attrs['version'].item(), ds.attrs['units'], ds.attrs['description']],
              'defl': [c['defl'].compression, c['defl'].compression_opts, list(c['defl'].chunks), bool((c['defl'][()] == ds[()]).all())],
              'zfp': [c['zfp-fa'].id.get_create_plist().get_filter(0)[0], float(abs(c['zfp-fa'][()] - ds[()]).max())],
              'zstd': [zs.id.get_create_plist().get_filter(0)[0], list(zs.id.get_create_plist().get_filter(0)[2]), bool((chunk == ds[0:20, 0:250]).all())],
              'refs': [f[r].name for r in refs],
              'rr': [[f[r].name, bool((f[r][r] == f[r][s]).all())] for r, s in zip(rr[:2], [numpy.s_[:, 512:567], numpy.s_[19:67, 348:412]])]
                    + [[f[rr[2]].name, [list(b) for b in h5py.h5r.get_region(rr[2], f.id).get_select_bounds()]]],
              'scale': [h5py.h5ds.is_scale(f['dimscale/x'].id), f['dimscale/x'][:3].tolist(),
                        [list(c[n].dims[0].keys()) for n in ['defl', 'zstd', 'zfp-fa']], c['defl'].dims[0][0][-1].item(),
                        [bool(h5py.h5ds.is_attached(c[n].id, f['dimscale/x'].id, 0)) for n in ['defl', 'zstd', 'zfp-fa']]],
              'keys': sorted(f.keys()), 'compressed': sorted(c.keys())}))
            """, path);
        Assert.Equal("float32", json.GetProperty("theta")[0].GetString());
        Assert.Equal("0.000000", json.GetProperty("mu")[0].GetString());
        Assert.Equal("utf-8", json.GetProperty("mu")[1][0].GetString());     // UTF-8,
        Assert.Equal(8, json.GetProperty("mu")[1][1].GetInt32());            // fixed-length, 8 bytes,
        Assert.True(json.GetProperty("mu")[2].GetBoolean());                  // NULLTERM, as the tutorial's h5dump shows
        Assert.Equal([1, 1, 1], json.GetProperty("sigma")[0].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0.1, json.GetProperty("sigma")[1].GetDouble());
        Assert.Equal(0.01, json.GetProperty("dt").GetDouble());
        Assert.Equal("HUG23", json.GetProperty("conv")[0].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("conv")[1][1].ValueKind); // variable-length
        Assert.Equal("Content prepared for the HUG23 h5py tutorial", json.GetProperty("title").GetString());
        var ds = json.GetProperty("ds");
        Assert.Equal([100, 1000], ds[0].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("float64", ds[1].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ds[2].ValueKind);  // contiguous
        Assert.Equal(1, ds[3].GetInt32());
        Assert.Equal("some_units", ds[4].GetString());
        Assert.Equal("Sample dataset with some data", ds[5].GetString());
        Assert.Equal("gzip", json.GetProperty("defl")[0].GetString());
        Assert.Equal(6, json.GetProperty("defl")[1].GetInt32());
        Assert.Equal([20, 250], json.GetProperty("defl")[2].EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(json.GetProperty("defl")[3].GetBoolean());
        Assert.Equal(32013, json.GetProperty("zfp")[0].GetInt32());
        Assert.True(json.GetProperty("zfp")[1].GetDouble() <= 1e-4);
        Assert.Equal(32015, json.GetProperty("zstd")[0].GetInt32());
        Assert.Equal([10], json.GetProperty("zstd")[1].EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(json.GetProperty("zstd")[2].GetBoolean());
        Assert.Equal(["/compressed/zfp-fa", "/compressed/defl", "/compressed/zstd"], json.GetProperty("refs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/compressed/zfp-fa", json.GetProperty("rr")[0][0].GetString());
        Assert.True(json.GetProperty("rr")[0][1].GetBoolean());
        Assert.Equal("/compressed/defl", json.GetProperty("rr")[1][0].GetString());
        Assert.True(json.GetProperty("rr")[1][1].GetBoolean());
        // h5py has no Zstd filter here to read zstd's values through the region; it reads the selection: [4:17, 900:1000].
        Assert.Equal("/compressed/zstd", json.GetProperty("rr")[2][0].GetString());
        Assert.Equal("[[4,900],[16,999]]", json.GetProperty("rr")[2][1].ToString().Replace(" ", "").Replace("\n", ""));
        var scale = json.GetProperty("scale");
        Assert.True(scale[0].GetBoolean());
        Assert.Equal([0.0, 0.5, 1.0], scale[1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.All(scale[2].EnumerateArray(), k => Assert.Equal(["X"], k.EnumerateArray().Select(e => e.GetString())));
        Assert.Equal(49.5, scale[3].GetDouble());
        Assert.All(scale[4].EnumerateArray(), a => Assert.True(a.GetBoolean()));
        Assert.Equal(["Conventions", "dt", "mu", "sigma", "theta", "title"], EnumerateAttributes(path));
        Assert.Equal(["compressed", "dataset", "dimscale", "objrefs", "regrefs"], json.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["defl", "zfp-fa", "zstd"], json.GetProperty("compressed").EnumerateArray().Select(e => e.GetString()));
    }

    private static IEnumerable<string?> EnumerateAttributes(string path) =>
        Peers.PythonJson("import sys\nprint(json.dumps(sorted(h5py.File(sys.argv[1], 'r').attrs.keys())))", path).EnumerateArray().Select(e => e.GetString());

    [Fact]
    public void EachPath_IsDrawnFromItsOwnStream_SoAnySplitOfThePathsGivesTheSameBits()
    {
        var all = OuProcessSample.OuSimulation.Simulate(10, 50, 1.0, 0.0, 0.1, 0.01);
        foreach (var (first, count) in new[] { (0, 3), (3, 4), (7, 3), (5, 1) })
        {
            var part = OuProcessSample.OuSimulation.SimulateRows(first, count, 50, 1.0, 0.0, 0.1, 0.01);
            for (int r = 0; r < count; r++)
                for (int t = 0; t < 50; t++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(all[first + r, t]), BitConverter.DoubleToInt64Bits(part[r, t]));
        }
        // Paths differ from each other (each has its own stream), and the first value of every path is x0 = 0.
        Assert.NotEqual(all[0, 49], all[1, 49]);
        Assert.All(Enumerable.Range(0, 10), p => Assert.Equal(0.0, all[p, 0]));
    }

    [Fact]
    public void PathStream_IsXoshiro256StarStarSeededBySplitMix64_AsAnIndependentImplementationComputesIt()
    {
        // The same generator written again in Python from its published definition: the sample's streams are portable.
        var json = Peers.PythonJson("""
            M = (1 << 64) - 1
            def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
            def stream(seed, index):
                z = seed ^ ((index * 0x9E3779B97F4A7C15 + 0xD1B54A32D192ED03) & M)
                s = []
                for _ in range(4):
                    z = (z + 0x9E3779B97F4A7C15) & M
                    r = z
                    r = ((r ^ (r >> 30)) * 0xBF58476D1CE4E5B9) & M
                    r = ((r ^ (r >> 27)) * 0x94D049BB133111EB) & M
                    s.append(r ^ (r >> 31))
                while True:
                    result = (rotl((s[1] * 5) & M, 7) * 9) & M
                    t = (s[1] << 17) & M
                    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
                    yield result
            out = {}
            for index in [0, 1, 99]:
                g = stream(42, index)
                out[str(index)] = [str(next(g)) for _ in range(5)]
            print(json.dumps(out))
            """);
        foreach (var index in new ulong[] { 0, 1, 99 })
        {
            var stream = new OuProcessSample.PathStream(42, index);
            var expected = json.GetProperty(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).EnumerateArray().Select(e => ulong.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => stream.NextUInt64()));
        }
    }
}
