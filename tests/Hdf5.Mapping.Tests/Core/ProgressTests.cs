using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>Bulk reads, writes and copies that report progress: in bytes, in blocks of whole chunks (each block a
/// whole number of chunk rows, so no chunk is read or written twice), every value as h5py reads or wrote it, and
/// cancellation between blocks. Object counts of walks agree with h5py's visit.</summary>
public sealed class ProgressTests : H5TestBase
{
    // 3000 x 1000 float64 = 24,000,000 bytes; chunks of 100 rows (800,000 bytes): blocks of 1000 rows (8 MB, under 8 MiB).
    private const int Rows = 3000, Columns = 1000;
    private const long RowBytes = Columns * sizeof(double);

    private sealed class Recorder : IProgress<H5Progress>
    {
        public List<H5Progress> Reports { get; } = [];
        public Action<H5Progress>? OnReport { get; init; }

        public void Report(H5Progress value)
        {
            Reports.Add(value);
            OnReport?.Invoke(value);
        }
    }

    private const string WriteGrid = """
        import sys
        with h5py.File(sys.argv[1], 'w') as f:
            x = numpy.arange(3000 * 1000, dtype='f8').reshape(3000, 1000)
            f.create_dataset('grid', data=x, chunks=(100, 1000), compression='gzip', compression_opts=1)
        """;

    [Fact]
    public void ReadWithProgress_ReportsBytesAfterEachBlockOfWholeChunks_AndReadsEveryValueH5pyWrote()
    {
        var path = Files.NewPath("grid.h5");
        Peers.RunPython(WriteGrid, path);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("grid");
        var recorder = new Recorder();
        var values = ds.Read<double>(recorder);

        for (int i = 0; i < values.Length; i++)
            if (values[i] != i) Assert.Fail($"element {i} is {values[i]}, h5py wrote {i}");
        var total = (long)Rows * RowBytes;
        Assert.All(recorder.Reports, r => Assert.Equal((H5ProgressUnit.Bytes, (long?)total, "/grid"), (r.Unit, r.Total, r.Item)));
        Assert.Equal([0L, 1000 * RowBytes, 2000 * RowBytes, 3000 * RowBytes], recorder.Reports.Select(r => r.Done));
        Assert.Equal(1.0, recorder.Reports[^1].Fraction);
    }

    [Fact]
    public void WriteWithProgress_WritesWhatH5pyReads_AndCancellingStopsBetweenBlocks()
    {
        var path = Files.NewPath("written.h5");
        var data = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++) for (int j = 0; j < Columns; j++) data[i, j] = i * Columns + j;
        using (var f = H5File.Create(path))
        {
            using var ds = f.CreateDataset<double>("grid", [Rows, Columns], new H5DatasetOptions { Chunks = [100, 1000] }.With(H5Filter.Deflate(1)));
            var recorder = new Recorder();
            ds.WriteArray<double>(data, recorder);
            Assert.Equal([0L, 1000 * RowBytes, 2000 * RowBytes, 3000 * RowBytes], recorder.Reports.Select(r => r.Done));

            using var cancel = new CancellationTokenSource();
            using var partial = f.CreateDataset<double>("partial", [Rows, Columns], new H5DatasetOptions { Chunks = [100, 1000] });
            var stopping = new Recorder { OnReport = r => { if (r.Done > 0) cancel.Cancel(); } };
            Assert.Throws<OperationCanceledException>(() => partial.WriteArray<double>(data, stopping, cancel.Token));
            Assert.Equal([0L, 1000 * RowBytes], stopping.Reports.Select(r => r.Done));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            x = numpy.arange(3000 * 1000, dtype='f8').reshape(3000, 1000)
            p = f['partial'][()]
            print(json.dumps([bool((f['grid'][()] == x).all()), bool((p[:1000] == x[:1000]).all()), bool((p[1000:] == 0).all()),
                              f['grid'].compression]))
            """, path);
        Assert.True(json[0].GetBoolean(), "h5py reads other values than we wrote");
        Assert.True(json[1].GetBoolean(), "the block written before cancelling is not what h5py reads");
        Assert.True(json[2].GetBoolean(), "blocks after cancelling were written");
        Assert.Equal("gzip", json[3].GetString());
    }

    [Fact]
    public void ReadIntoWithProgress_OfAContiguous3DDataset_SplitsAlongTheFirstDimension()
    {
        var path = Files.NewPath("cube.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['cube'] = numpy.arange(3 * 2000 * 1000, dtype='f4').reshape(3, 2000, 1000)
            """, path);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("cube");
        var cube = new float[3, 2000, 1000];
        var recorder = new Recorder();
        ds.ReadInto<float>(cube, recorder);
        Assert.Equal(3 * 2000 * 1000 - 1f, cube[2, 1999, 999]);
        Assert.Equal(1234567f, cube[0, 1234, 567]);
        Assert.Equal(2 * 2_000_000 + 5f, cube[2, 0, 5]);
        // Contiguous: each block is one 8 MB plane (2000 x 1000 float32), the largest whole number of planes in 8 MiB.
        Assert.Equal([0L, 8_000_000, 16_000_000, 24_000_000], recorder.Reports.Select(r => r.Done));
    }

    [Fact]
    public void Without_a_progress_sink_or_token_a_read_is_one_call_and_small_reads_report_once()
    {
        var path = Files.NewPath("small.h5");
        using var f = H5File.Create(path);
        using var ds = f.Add("v", new[] { 1.0, 2.0, 3.0 });
        var recorder = new Recorder();
        Assert.Equal([1.0, 2.0, 3.0], ds.Read<double>(recorder));
        Assert.Equal([0L, 24L], recorder.Reports.Select(r => r.Done));
        using var empty = f.CreateDataset<int>("empty", [0]);
        var none = new Recorder();
        Assert.Empty(empty.Read<int>(none));
        Assert.Equal(1.0, none.Reports[^1].Fraction); // an empty transfer is complete
    }

    [Fact]
    public void CopyTo_AnotherFileWithOtherChunksAndFilter_CopiesEveryValue_InBlocksOfTheDestinationsChunks()
    {
        var source = Files.NewPath("source.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                x = numpy.arange(3000 * 1000, dtype='f8').reshape(3000, 1000)
                f.create_dataset('grid', data=x, chunks=(100, 1000), compression='gzip', compression_opts=1)
                f.create_dataset('names', data=[('name %d ' % i) * (i % 7) for i in range(20000)], dtype=h5py.string_dtype(), chunks=(1000,))
            """, source);
        var target = Files.NewPath("target.h5");
        var recorder = new Recorder();
        using (var from = H5File.Open(source))
        using (var to = H5File.Create(target))
        using (var grid = from.OpenDataset("grid"))
        using (var copy = to.CreateDataset<double>("grid", [Rows, Columns], new H5DatasetOptions { Chunks = [500, 250] }.With(H5Filter.Shuffle()).With(H5Filter.Deflate(4))))
        {
            grid.CopyTo(copy, recorder);
            using var names = from.OpenDataset("names");
            using var type = names.DType;
            using var namesCopy = to.CreateDataset("names", type, [20000], new H5DatasetOptions { Chunks = [4096] });
            names.CopyTo(namesCopy);
        }
        // Blocks of whole destination chunks: 500-row bands of 8 MiB at most (four 250-column chunks make a band of 4 MB,
        // two bands fit): 3 blocks of 1000 rows.
        Assert.Equal([0L, 1000 * RowBytes, 2000 * RowBytes, 3000 * RowBytes], recorder.Reports.Select(r => r.Done));
        var json = Peers.PythonJson("""
            import sys
            a = h5py.File(sys.argv[1], 'r'); b = h5py.File(sys.argv[2], 'r')
            print(json.dumps([bool((a['grid'][()] == b['grid'][()]).all()), b['grid'].chunks, list(b['grid']._filters.keys()),
                              bool((a['names'][()] == b['names'][()]).all()), b['names'].asstr()[12]]))
            """, source, target);
        Assert.True(json[0].GetBoolean(), "h5py finds the copy differs");
        Assert.Equal([500, 250], json[1].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["shuffle", "gzip"], json[2].EnumerateArray().Select(e => e.GetString()));
        Assert.True(json[3].GetBoolean(), "h5py finds the copied strings differ");
        Assert.Equal(string.Concat(Enumerable.Repeat("name 12 ", 5)), json[4].GetString());
    }

    [Fact]
    public void CopyTo_refuses_another_type_another_shape_and_references_into_another_file_before_writing()
    {
        var path = Files.NewPath("refuse.h5");
        var other = Files.NewPath("other.h5");
        using var f = H5File.Create(path);
        using var g = H5File.Create(other);
        using var source = f.Add("v", new[] { 1.0, 2.0, 3.0 });
        using var floats = f.CreateDataset<float>("f", [3]);
        Assert.Throws<H5TypeMismatchException>(() => source.CopyTo(floats));
        Assert.Equal([0f, 0f, 0f], floats.Read<float>());
        using var longer = f.CreateDataset<double>("longer", [4]);
        Assert.Throws<H5SelectionException>(() => source.CopyTo(longer));
        using var refs = f.Add("refs", new[] { source.Reference });
        using var refsType = refs.DType;
        using var elsewhere = g.CreateDataset("refs", refsType, [1]);
        Assert.Throws<H5TypeMismatchException>(() => refs.CopyTo(elsewhere));
        using var here = f.CreateDataset("refs2", refsType, [1]);
        refs.CopyTo(here);
        Assert.Equal("/v", f.GetReferenceTargetName(here.Read<H5ObjectReference>()[0]));
    }

    [Fact]
    public void CountObjects_CountsEachObjectOnce_AsH5pyVisitsThem()
    {
        var path = Files.NewPath("count.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                for i in range(7):
                    g = f.create_group('g%d' % i)
                    for j in range(i):
                        g['d%d' % j] = numpy.arange(j + 1)
                f['g3/loop'] = f['g3']          # a group linked into itself
                f['g1/again'] = f['g2/d1']      # a dataset behind two hard links
                f['soft'] = h5py.SoftLink('/g4')
            """, path);
        var h5py = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1], 'r'); n = []; f.visititems(lambda name, obj: n.append(name)); print(json.dumps(len(n)))", path);
        using var f = H5File.Open(path);
        Assert.Equal(h5py.GetInt64() + 1, f.CountObjects()); // h5py's visit leaves out the group it starts from
        using var g3 = f.OpenGroup("g3");
        Assert.Equal(4, g3.CountObjects());
    }
}
