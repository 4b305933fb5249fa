using BenchmarkDotNet.Attributes;

namespace Hdf5.Mapping.MicroBenchmarks;

/// <summary>
/// The calls users make millions of times: a 1 x 256 hyperslab read into a reused buffer, attribute reads (number and
/// string), and a small-object write (a group with 3 attributes and a 16-element dataset). MemoryDiagnoser reports
/// what each allocates: the hyperslab read should allocate nothing that grows with the data.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class HotPaths
{
    private const int Rows = 1024, Columns = 4096;
    private string _path = "";
    private H5File _file = null!;
    private H5Dataset _data = null!;
    private H5File _scratch = null!;
    private readonly double[] _buffer = new double[256];
    private readonly double[] _small = Enumerable.Range(0, 16).Select(i => i * 0.5).ToArray();
    private int _next;
    private H5HyperslabReader<double> _directRows = null!;
    private H5Dataset _chunked = null!;
    private H5HyperslabReader<double> _libraryRows = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"h5m-micro-{Environment.ProcessId}.h5");
        using (var f = H5File.Create(_path))
        {
            var data = new double[Rows, Columns];
            for (int r = 0; r < Rows; r++)
                for (int c = 0; c < Columns; c++) data[r, c] = r + c * 1e-4;
            using (f.Add("data", data)) { }
            using (f.Add("chunked", data, new H5DatasetOptions { Chunks = [64, 512] })) { }
            f.Attrs.Set("dt", 0.01);
            f.Attrs.Set("title", "Ornstein-Uhlenbeck process");
        }
        _file = H5File.Open(_path);
        _data = _file.OpenDataset("data");
        _scratch = H5File.CreateInMemory("micro-scratch.h5");
        _directRows = _data.CreateReader<double>(1, 256);
        if (!_directRows.IsDirect) throw new InvalidOperationException("expected direct reads: " + _directRows.FallbackReason);
        // The same data chunked, in the same read-only file: the reader goes through H5Dread.
        _chunked = _file.OpenDataset("chunked");
        _libraryRows = _chunked.CreateReader<double>(1, 256);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _directRows.Dispose();
        _libraryRows.Dispose();
        _chunked.Dispose();
        _data.Dispose();
        _file.Dispose();
        _scratch.Dispose();
        File.Delete(_path);
    }

    /// <summary>h5py: <c>ds.read_direct(buf, np.s_[r, c:c+256])</c>.</summary>
    [Benchmark]
    public double HyperslabRead1x256()
    {
        var i = (long)_next++;
        var r = (int)(i * 7919 % Rows);
        var c = (int)(i * 104729 % (Columns - 256));
        _data[r, c..(c + 256)].Read<double>(_buffer);
        return _buffer[0];
    }

    /// <summary>The same read through a reusable reader, direct positional I/O (contiguous, read-only file).</summary>
    [Benchmark]
    public double ReaderRead1x256Direct()
    {
        var i = (long)_next++;
        _directRows.Read([i * 7919 % Rows, i * 104729 % (Columns - 256)], _buffer);
        return _buffer[0];
    }

    /// <summary>The same read through a reusable reader of a chunked copy, which libhdf5 serves (cached dataspaces, H5Dread).</summary>
    [Benchmark]
    public double ReaderRead1x256ThroughLibhdf5()
    {
        var i = (long)_next++;
        _libraryRows.Read([i * 7919 % Rows, i * 104729 % (Columns - 256)], _buffer);
        return _buffer[0];
    }

    /// <summary>h5py: <c>f.attrs['dt']</c>.</summary>
    [Benchmark]
    public double AttributeReadDouble() => _file.Attrs.Get<double>("dt");

    /// <summary>h5py: <c>f.attrs['title']</c> (variable-length UTF-8).</summary>
    [Benchmark]
    public int AttributeReadString() => _file.Attrs.GetString("title").Length;

    /// <summary>One S1 item: a group, 3 attributes (double, int, UTF-8 string) and a 16-element float64 dataset.</summary>
    [Benchmark]
    public void SmallObjectWrite()
    {
        var i = _next++;
        using var g = _scratch.CreateGroup("g" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        g.Attrs.Set("a", i * 0.5);
        g.Attrs.Set("b", i);
        g.Attrs.Set("c", "item");
        using (g.Add<double>("d", _small)) { }
    }
}
