using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>A number that does not fit its destination raises instead of being clamped (libhdf5's default), for
/// datasets and attributes, reading and writing; conversions that only lose precision behave as in numpy.</summary>
public sealed class ConversionGuardTests : H5TestBase
{
    [Fact]
    public void ValuesTooLargeForTheDestination_RaiseOnReadAndWrite()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['big'] = numpy.array([1, 2**40], dtype='i8')
                f['huge'] = numpy.array([1e300])
                f['nan'] = numpy.array([1.0, float('nan')])
                f['inf'] = numpy.array([float('inf')])
                f['frac'] = numpy.array([2.7, -2.7])
                f.attrs['big'] = numpy.int64(2**40)
            """, path);
        using (var f = H5File.Open(path))
        {
            using (var d = f.OpenDataset("big"))
            {
                var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<int>());
                Assert.Contains("does not fit", e.Message);
                Assert.Equal([1L, 1L << 40], d.Read<long>());
            }
            using (var d = f.OpenDataset("huge")) Assert.Throws<H5TypeMismatchException>(() => d.Read<float>());
            using (var d = f.OpenDataset("nan"))
            {
                Assert.Contains("NaN", Assert.Throws<H5TypeMismatchException>(() => d.Read<int>()).Message);
                Assert.True(double.IsNaN(d.Read<float>()[1]));
            }
            using (var d = f.OpenDataset("inf")) Assert.Equal([float.PositiveInfinity], d.Read<float>());
            using (var d = f.OpenDataset("frac")) Assert.Equal([2, -2], d.Read<int>()); // truncated toward zero, as numpy's astype
            Assert.Throws<H5TypeMismatchException>(() => f.Attrs.Get<int>("big"));
            Assert.Equal(1L << 40, f.Attrs.Get<long>("big"));
        }

        var written = Files.NewPath();
        using (var f = H5File.Create(written))
        {
            using var ds = f.CreateDataset<byte>("u8", [2]);
            Assert.Throws<H5TypeMismatchException>(() => ds.Write<int>([1, 300]));
            ds.Write<int>([1, 255]);
            using var a = f.CreateDataset<short>("i2", [1]);
            Assert.Throws<H5TypeMismatchException>(() => a.Write<double>([1e6]));
        }
        Assert.Equal("[1, 255]", Peers.RunPython("import sys\nprint(h5py.File(sys.argv[1], 'r')['u8'][()].tolist())", written).Trim());
    }
}
