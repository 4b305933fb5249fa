using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Samples;

/// <summary>The serial sample's file, written once per test class, beside which the parallel sample runs.</summary>
public sealed class SerialSampleFile : IDisposable
{
    private readonly TempFiles _files = new();

    public SerialSampleFile()
    {
        Path = _files.NewPath("serial.h5");
        var (code, stdout, stderr) = Peers.Run("dotnet", ["exec", System.IO.Path.Combine(AppContext.BaseDirectory, "OuProcess.dll"), Path], timeout: TimeSpan.FromMinutes(3));
        if (code != 0) throw new InvalidOperationException($"the serial sample exited {code}\n{stdout}\n{stderr}");
    }

    public string Path { get; }

    public string NewPath(string name) => _files.NewPath(name);

    public void Dispose() => _files.Dispose();
}

/// <summary>samples/ParallelOu on 1, 3 and 4 MPI ranks (blocks of 100, 33/33/34 and 25 rows, none aligned with the
/// 20-row chunks but the first): h5py finds /dataset, the compressed datasets (every chunk's stored bytes and filter
/// mask, and the decoded values) and the scale bit for bit the serial sample's, and the rest of the file the same.</summary>
public sealed class ParallelOuSampleTests(SerialSampleFile serial) : H5TestBase, IClassFixture<SerialSampleFile>
{
    private const string CompareScript = """
        import sys
        a, b = h5py.File(sys.argv[1], 'r'), h5py.File(sys.argv[2], 'r')
        out = {}
        for name in ['dataset', 'compressed/defl', 'compressed/zstd', 'compressed/zfp-fa', 'dimscale/x']:
            x, y = a[name], b[name]
            same = x.shape == y.shape and x.dtype == y.dtype and x.chunks == y.chunks
            if x.chunks:
                for r in range(0, x.shape[0], x.chunks[0]):
                    for c in range(0, x.shape[1], x.chunks[1]):
                        same = same and x.id.read_direct_chunk((r, c)) == y.id.read_direct_chunk((r, c))
            if name != 'compressed/zstd':  # h5py here has no Zstd plugin: the stored bytes above are compared instead
                same = same and x[()].tobytes() == y[()].tobytes()
            out[name] = bool(same)
        def attrs(o):
            return {k: (v.tolist() if hasattr(v, 'tolist') else v.decode() if isinstance(v, bytes) else v) for k, v in o.attrs.items() if k not in ('DIMENSION_LIST', 'REFERENCE_LIST')}
        out['attrs'] = all(attrs(a[n]) == attrs(b[n]) for n in ['/', 'dataset'])
        out['refs'] = [b[r].name for r in b['objrefs/refs'][()]] == [a[r].name for r in a['objrefs/refs'][()]]
        bounds = lambda f: [[list(p) for p in h5py.h5r.get_region(r, f.id).get_select_bounds()] for r in f['regrefs/rrefs'][()]]
        out['regions'] = bounds(a) == bounds(b) and [b[r].name for r in b['regrefs/rrefs'][()]] == [a[r].name for r in a['regrefs/rrefs'][()]]
        out['scales'] = all(h5py.h5ds.is_attached(b['compressed/' + n].id, b['dimscale/x'].id, 0) for n in ['defl', 'zstd', 'zfp-fa'])
        out['keys'] = sorted(a.keys()) == sorted(b.keys()) and sorted(a['compressed'].keys()) == sorted(b['compressed'].keys())
        print(json.dumps(out))
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void TheParallelSampleOnNRanks_WritesTheSerialSamplesData_BitForBit(int ranks)
    {
        var path = serial.NewPath($"parallel-{ranks}.h5");
        var stdout = MpiRun.DotNet(ranks, "ParallelOu.dll", path);
        Assert.Contains($"ParallelOu: {ranks} ranks wrote {path}: /dataset (100, 1000)", stdout);
        Assert.Contains("/dataset, defl and zstd exact: True; zfp-fa within 1e-4: True", stdout);
        Assert.Contains("OuProcess.Validate: conforms, 0 differences", stdout);
        var same = Peers.PythonJson(CompareScript, serial.Path, path);
        foreach (var name in new[] { "dataset", "compressed/defl", "compressed/zstd", "compressed/zfp-fa", "dimscale/x", "attrs", "refs", "regions", "scales", "keys" })
            Assert.True(same.GetProperty(name).GetBoolean(), $"{name} differs from the serial sample's on {ranks} ranks");
    }
}
