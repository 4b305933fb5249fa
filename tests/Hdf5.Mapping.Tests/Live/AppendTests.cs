using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Live;

/// <summary>Appending rows to chunked datasets, checked value by value with h5py.</summary>
public sealed class AppendTests : H5TestBase
{
    private static double[] Range(long start, int count) => Enumerable.Range(0, count).Select(i => (double)(start + i)).ToArray();

    private static H5Dataset Growing1D(H5File f, long chunk = 10, H5DatasetOptions? options = null)
    {
        options ??= new H5DatasetOptions();
        options.Chunks = [chunk];
        options.MaxShape = [H5Dataset.Unlimited];
        return f.CreateDataset<double>("x", [0], options);
    }

    [Fact]
    public void AppendsOfVaryingSizes_AcrossPartialChunks_H5pyReadsEveryValue()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var ds = Growing1D(f))
        {
            long n = 0;
            foreach (var size in new[] { 3, 7, 0, 15, 1, 24, 10, 9 })
            {
                ds.Append(Range(n, size));
                n += size;
                Assert.Equal([n], ds.Shape);
            }
        }
        var json = Peers.PythonJson("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['x']
            print(json.dumps({'shape': list(d.shape), 'max': list(d.maxshape), 'chunks': list(d.chunks), 'values': d[()].tolist()}))
            """, path);
        Assert.Equal([69], json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("max")[0].ValueKind);
        Assert.Equal([10], json.GetProperty("chunks").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(Range(0, 69), json.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void RowsOfA3DDataset_FromArraysAndFlatSpans_LandInOrder()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var ds = f.CreateDataset<int>("cube", [0, 2, 3], new H5DatasetOptions { Chunks = [4, 2, 3], MaxShape = [H5Dataset.Unlimited, 2, 3] }))
        {
            var block = new int[3, 2, 3];
            for (int r = 0; r < 3; r++) for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) block[r, i, j] = r * 6 + i * 3 + j;
            ds.Append(block);                                                // rows 0..2
            ds.Append(Enumerable.Range(18, 12).ToArray());                   // rows 3..4, as flat row-major data
            ds.AppendArray<int>(new int[0, 2, 3]);                          // no rows
            ds.Append(new int[1, 2, 3] { { { 30, 31, 32 }, { 33, 34, 35 } } }); // row 5
            Assert.Equal([6, 2, 3], ds.Shape);
        }
        var values = Peers.PythonJson("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['cube']
            print(json.dumps([list(d.shape), d[()].ravel().tolist()]))
            """, path);
        Assert.Equal([6, 2, 3], values[0].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Enumerable.Range(0, 36), values[1].EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void AppendsToADeflatedShuffledDataset_H5pyDecompressesEveryChunk()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var ds = Growing1D(f, 64, new H5DatasetOptions().With(H5Filter.Shuffle(), H5Filter.Deflate(4))))
        {
            long n = 0;
            for (int i = 1; i <= 30; i++)
            {
                ds.Append(Range(n, i * 3));  // partial chunks rewritten through the filter again and again
                n += i * 3;
            }
            using var appender = ds.CreateAppender<double>();
            for (int i = 0; i < 1000; i++) appender.Add(n + i);
        }
        var json = Peers.PythonJson("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['x']
            v = d[()]
            print(json.dumps({'compression': d.compression, 'shuffle': d.shuffle, 'n': len(v),
                              'exact': bool((v == numpy.arange(len(v), dtype='f8')).all())}))
            """, path);
        Assert.Equal("gzip", json.GetProperty("compression").GetString());
        Assert.True(json.GetProperty("shuffle").GetBoolean());
        Assert.Equal(1395 + 1000, json.GetProperty("n").GetInt32());
        Assert.True(json.GetProperty("exact").GetBoolean());
    }

    [Fact]
    public void ZeroLengthAppends_ChangeNothing()
    {
        using var f = H5File.CreateInMemory();
        using var rows = f.CreateDataset<float>("rows", [2, 3], new H5DatasetOptions { Chunks = [2, 3], MaxShape = [H5Dataset.Unlimited, 3] });
        rows.Write<float>([1, 2, 3, 4, 5, 6]);
        rows.Append(ReadOnlySpan<float>.Empty);
        rows.Append(new float[0, 3]);
        rows.AppendArray<float>(new float[0, 3]);
        using (var appender = rows.CreateAppender<float>()) appender.Add(ReadOnlySpan<float>.Empty);
        Assert.Equal([2, 3], rows.Shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6], rows.Read<float>());
    }

    [Fact]
    public void RowsOfTheWrongShape_RaiseNamingTheShapes_AndLeaveTheDatasetAsItWas()
    {
        using var f = H5File.CreateInMemory();
        using var rows = f.CreateDataset<float>("rows", [1, 3], new H5DatasetOptions { Chunks = [4, 3], MaxShape = [H5Dataset.Unlimited, 3] });
        rows.Write<float>([1, 2, 3]);

        var wrongWidth = Assert.Throws<H5SelectionException>(() => rows.Append(new float[2, 4]));
        Assert.Contains("(2, 4)", wrongWidth.Message);
        Assert.Contains("rows must have shape (3,)", wrongWidth.Message);
        var notWholeRows = Assert.Throws<H5SelectionException>(() => rows.Append<float>([1, 2, 3, 4, 5]));
        Assert.Contains("a row holds 3 elements", notWholeRows.Message);
        var wrongRank = Assert.Throws<H5SelectionException>(() => rows.AppendArray<float>(new float[1, 1, 3]));
        Assert.Contains("(1, 1, 3)", wrongRank.Message);
        using (var appender = rows.CreateAppender<float>())
            Assert.Throws<H5SelectionException>(() => appender.Add([1f, 2]));

        Assert.Equal([1, 3], rows.Shape);
        Assert.Equal([1f, 2, 3], rows.Read<float>());
    }

    [Fact]
    public void DatasetsThatCannotGrow_RaiseBeforeAnythingChanges()
    {
        using var f = H5File.CreateInMemory();
        using var contiguous = f.Add("contiguous", new double[] { 1, 2 });
        var notChunked = Assert.Throws<InvalidOperationException>(() => contiguous.Append<double>([3]));
        Assert.Contains("only chunked datasets can grow", notChunked.Message);
        Assert.Contains("maxshape=(None", notChunked.Message);

        using var limited = f.CreateDataset<double>("limited", [2], new H5DatasetOptions { Chunks = [2], MaxShape = [5] });
        limited.Append<double>([1, 2, 3]);
        var full = Assert.Throws<H5SelectionException>(() => limited.Append<double>([4]));
        Assert.Contains("maximum shape (5,)", full.Message);
        Assert.Equal([5], limited.Shape);

        using var scalar = f.CreateScalarDataset("scalar", 1.0);
        Assert.Throws<InvalidOperationException>(() => scalar.Append<double>([2]));

        using var text = f.Add("text", ["a"], new H5DatasetOptions { Chunks = [4], MaxShape = [H5Dataset.Unlimited] });
        Assert.Throws<H5TypeMismatchException>(() => text.Append<double>([1]));
        Assert.Equal([1], text.Shape);
    }

    [Fact]
    public void StringsAppend_ToAVariableLengthStringDataset_AsH5pyReadsThem()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var log = f.Add("log", ["start"], new H5DatasetOptions { Chunks = [2], MaxShape = [H5Dataset.Unlimited] }))
        {
            log.AppendStrings(["é", "third"]);
            log.AppendStrings([]);
            log.AppendStrings(["fourth"]);
        }
        var json = Peers.PythonJson("""
            import sys
            print(json.dumps(h5py.File(sys.argv[1], 'r')['log'].asstr()[()].tolist()))
            """, path);
        Assert.Equal(["start", "é", "third", "fourth"], json.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Appends_OnFilesReopenedReadWriteAndInAppendMode_GrowTheDataset()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var ds = Growing1D(f)) ds.Append(Range(0, 5));
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        using (var ds = f.OpenDataset("x")) ds.Append(Range(5, 5));
        using (var f = H5File.Open(path, H5FileMode.Append))
        using (var ds = f.OpenDataset("x")) ds.Append(Range(10, 12));
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("x"))
        {
            Assert.Throws<H5ReadOnlyFileException>(() => ds.Append(Range(22, 1)));
            Assert.Equal(Range(0, 22), ds.Read<double>());
        }
    }

    [Fact]
    public void TheBufferedAppender_WritesWholeChunks_AndFlushWritesTheRest()
    {
        var path = Files.NewPath();
        long n = 37;
        using (var f = H5File.Create(path))
        using (var ds = f.CreateDataset<double>("x", [0], new H5DatasetOptions { Chunks = [100], MaxShape = [H5Dataset.Unlimited] }))
        {
            ds.Append(Range(0, 37)); // the last chunk is partly filled: the appender first tops it up
            using var appender = ds.CreateAppender<double>(bufferRows: 150);
            Assert.Equal(200, appender.CapacityRows);  // rounded up to whole chunks
            var lengths = new List<long>();
            for (int i = 0; i < 120; i++)
            {
                var size = i % 7 + 1;
                appender.Add(Range(n, size));
                n += size;
                lengths.Add(ds.Shape[0]);
            }
            appender.Add(Range(n, 450));  // larger than the buffer: mostly straight from this array
            n += 450;
            Assert.All(lengths, length => Assert.True(length == 37 || length % 100 == 0, $"length {length} does not end on a chunk boundary"));
            Assert.Contains(lengths, length => length > 37);
            Assert.Equal(0, ds.Shape[0] % 100);
            Assert.Equal(n, ds.Shape[0] + appender.BufferedRows);
            appender.Flush();
            Assert.Equal(0, appender.BufferedRows);
            Assert.Equal([n], ds.Shape);
            appender.Add(n);                // held until the appender is disposed
            n += 1;
        }
        var json = Peers.PythonJson("""
            import sys
            v = h5py.File(sys.argv[1], 'r')['x'][()]
            print(json.dumps([len(v), bool((v == numpy.arange(len(v), dtype='f8')).all())]))
            """, path);
        Assert.Equal(n, json[0].GetInt64());
        Assert.True(json[1].GetBoolean());
    }

    [Fact]
    public void AppendsFromSeveralThreads_ToOneDataset_EachLandWhole()
    {
        using var f = H5File.CreateInMemory();
        using var ds = f.CreateDataset<long>("x", [0], new H5DatasetOptions { Chunks = [64], MaxShape = [H5Dataset.Unlimited] });
        Parallel.For(0, 4, t =>
        {
            for (int i = 0; i < 50; i++)
                ds.Append(Enumerable.Range(0, 10).Select(j => t * 1_000_000L + i * 100 + j).ToArray());
        });
        var values = ds.Read<long>();
        Assert.Equal(2000, values.Length);
        for (int block = 0; block < 200; block++)
        {
            var first = values[block * 10];
            Assert.Equal(Enumerable.Range(0, 10).Select(j => first + j), values.Skip(block * 10).Take(10));
        }
        Assert.Equal(2000, values.Distinct().Count());
    }
}
