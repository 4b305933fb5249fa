using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class MappedViewTests : H5TestBase
{
    private string H5pyFile(string datasets)
    {
        var path = Files.NewPath();
        Peers.RunPython($$"""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
            {{datasets}}
            """, path);
        return path;
    }

    [Fact]
    public void ContiguousDoublesWrittenByH5py_AreViewedInPlace_WithH5pysValuesAndSum()
    {
        var path = H5pyFile("    f['d'] = numpy.sin(numpy.arange(300 * 70, dtype='<f8')).reshape(300, 70)");
        var sum = double.Parse(Peers.RunPython("import sys\nprint(repr(float(h5py.File(sys.argv[1], 'r')['d'][()].sum())))", path).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("d");
        using var view = ds.MapReadOnly<double>();
        Assert.Equal([300L, 70L], view.Shape);
        Assert.Equal(21000, view.Length);
        var span = view.Span;
        for (int i = 0; i < span.Length; i++) Assert.Equal(Math.Sin(i), span[i], 1e-15);
        Assert.Equal(sum, span.ToArray().Sum(), 1e-9);
        var memory = view.Memory.Slice(70 * 299, 70);
        Assert.Equal(Math.Sin(70 * 299 + 69), memory.Span[69], 1e-15);
        Assert.Equal(ds.Read<double>(), span.ToArray());
    }

    [Fact]
    public void DatasetsThatAreNotPlainBytesOfT_OrFilesOpenForWriting_AreRefusedWithTheReason()
    {
        var path = H5pyFile("""
                f.create_dataset('chunked', data=numpy.arange(100.0), chunks=(10,))
                f.create_dataset('gzip', data=numpy.arange(100.0), compression='gzip')
                f['be'] = numpy.arange(100.0).astype('>f8')
                f['short'] = numpy.arange(100, dtype='<i2')
                f.create_dataset('empty', shape=(100,), dtype='<f8')
                f['d'] = numpy.arange(100.0)
            """);
        using (var f = H5File.Open(path))
        {
            foreach (var (name, reason) in new[] { ("chunked", "not contiguous"), ("gzip", "not contiguous"), ("be", "byte order"), ("empty", "not allocated") })
                using (var ds = f.OpenDataset(name))
                {
                    var e = Assert.Throws<H5MappingNotPossibleException>(() => ds.MapReadOnly<double>().Dispose());
                    Assert.Contains($"dataset '/{name}'", e.Message);
                    Assert.Contains(reason, e.Message);
                }
            using (var ds = f.OpenDataset("short"))
                Assert.Contains("byte order, size", Assert.Throws<H5MappingNotPossibleException>(() => ds.MapReadOnly<int>().Dispose()).Message);
        }
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        using (var ds = f.OpenDataset("d"))
            Assert.Contains("open for writing", Assert.Throws<H5MappingNotPossibleException>(() => ds.MapReadOnly<double>().Dispose()).Message);
    }

    [Fact]
    public void View_OutlivesItsFile_ShowsRewritesByAnotherProcess_AndRefusesUseAfterDispose()
    {
        var path = H5pyFile("    f['d'] = numpy.zeros(4096, dtype='<i8')");
        H5MappedView<long> view;
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("d"))
            view = ds.MapReadOnly<long>();
        Assert.All(view.Span.ToArray(), v => Assert.Equal(0, v));

        var (code, _, stderr) = Peers.Run(Peers.Python, ["-c", """
            import sys, h5py, numpy
            with h5py.File(sys.argv[1], 'r+') as f:
                f['d'][100:110] = numpy.arange(10) * 11
            """, path], new Dictionary<string, string> { ["HDF5_USE_FILE_LOCKING"] = "FALSE" });
        Assert.True(code == 0, stderr);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 11L), view.Span.Slice(100, 10).ToArray());

        var memory = view.Memory;
        view.Dispose();
        Assert.Throws<ObjectDisposedException>(() => view.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => memory.Span.Length);
    }
}
