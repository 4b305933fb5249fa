using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class NativeBufferTests : H5TestBase
{
    [Fact]
    public void ReadNative_HoldsH5pysValues_OnHugePagesWhereTheKernelTakesTheAdvice()
    {
        var path = Files.NewPath();
        // 3 MiB of float64: more than one 2 MiB page, and not a whole number of them.
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['d'] = numpy.cos(numpy.arange(393216, dtype='<f8')).reshape(768, 512)
            """, path);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("d");
        using var values = ds.ReadNative<double>();
        Assert.Equal(393216, values.Length);
        var span = values.Span;
        for (int i = 0; i < span.Length; i += 997) Assert.Equal(Math.Cos(i), span[i], 1e-15);
        Assert.Equal(Math.Cos(393215), span[^1], 1e-15);
        Assert.Equal(ds.Read<double>(), span.ToArray());
        var thp = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (OperatingSystem.IsLinux() && File.Exists(thp) && !File.ReadAllText(thp).Contains("[never]", StringComparison.Ordinal))
            Assert.True(values.HugePages, "the kernel allows transparent huge pages, yet the advice was refused");
    }

    [Fact]
    public void ReadNative_ConvertsAsEveryRead_AndRefusesValuesThatDoNotFit()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['be'] = numpy.arange(1000, dtype='>i4')
                f['big'] = numpy.array([1, 2, 70000], dtype='<i4')
            """, path);
        using var f = H5File.Open(path);
        using (var ds = f.OpenDataset("be"))
        using (var values = ds.ReadNative<long>(hugePages: false))
        {
            Assert.False(values.HugePages);
            Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), values.Span.ToArray());
        }
        using (var ds = f.OpenDataset("big"))
            Assert.Contains("does not fit", Assert.Throws<H5TypeMismatchException>(() => ds.ReadNative<short>().Dispose()).Message);
    }

    [Fact]
    public void Buffer_AsMemory_RefusesUseAfterDispose()
    {
        var buffer = H5NativeBuffer<int>.Allocate(5000);
        buffer.Span.Fill(7);
        var memory = buffer.Memory.Slice(4000, 1000);
        Assert.All(memory.ToArray(), v => Assert.Equal(7, v));
        using (var pin = memory.Pin()) unsafe { Assert.True(pin.Pointer != null); }
        buffer.Dispose();
        Assert.True(buffer.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => memory.Span.Length);
        buffer.Dispose(); // twice is harmless
        using var empty = H5NativeBuffer<double>.Allocate(0);
        Assert.Equal(0, empty.Span.Length);
    }
}
