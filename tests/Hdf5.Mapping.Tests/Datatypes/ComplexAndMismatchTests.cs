using System.Numerics;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>Complex numbers are h5py's <c>{r, i}</c> compounds both ways; a struct that does not match a stored compound
/// by member name and kind is refused with the members named, never read as zeros.</summary>
public sealed class ComplexAndMismatchTests : H5TestBase
{
    public struct ReIm
    {
        public double Re;
        public double Im;
    }

    public struct Labelled
    {
        public double Label;
        public int Id;
    }

    [Fact]
    public void ComplexWrittenByH5py_IsReadAsComplexAndComplex64_InBothByteOrders()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['c16'] = numpy.array([1 + 2j, -3.5 - 0.25j], dtype='c16')
                f['c16be'] = numpy.array([1 + 2j, -3.5 - 0.25j], dtype='>c16')
                f['c8'] = numpy.array([1 + 2j, -3.5 - 0.25j], dtype='c8')
                f.attrs['z'] = numpy.complex128(0.5 - 1j)
            """, path);
        using var f = H5File.Open(path);
        Complex[] expected = [new(1, 2), new(-3.5, -0.25)];
        foreach (var name in new[] { "c16", "c16be", "c8" })
        {
            using var d = f.OpenDataset(name);
            Assert.Equal(expected, d.Read<Complex>());
            Assert.Equal([new H5Complex64(1, 2), new H5Complex64(-3.5f, -0.25f)], d.Read<H5Complex64>());
            using var t = d.DType;
            Assert.True(((H5CompoundType)t.Description).IsComplex);
        }
        Assert.Equal(new Complex(0.5, -1), f.Attrs.Get<Complex>("z"));
    }

    [Fact]
    public void ComplexWeWrite_IsReadByH5pyAsComplex()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Add("c16", new[] { new Complex(1, 2), new Complex(-3.5, -0.25) }).Dispose();
            f.Add("c8", new[] { new H5Complex64(1, 2), new H5Complex64(0, -1) }).Dispose();
            f.Attrs.Set("z", new Complex(0.5, -1));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps({'c16': [str(f['c16'].dtype), [[z.real, z.imag] for z in f['c16'][()]]],
                              'c8': [str(f['c8'].dtype), [[float(z.real), float(z.imag)] for z in f['c8'][()]]],
                              'z': [str(f.attrs['z'].dtype), f.attrs['z'].real, f.attrs['z'].imag]}))
            """, path);
        Assert.Equal("[\"complex128\",[[1.0,2.0],[-3.5,-0.25]]]", json.GetProperty("c16").GetRawText().Replace(" ", ""));
        Assert.Equal("[\"complex64\",[[1.0,2.0],[0.0,-1.0]]]", json.GetProperty("c8").GetRawText().Replace(" ", ""));
        Assert.Equal("[\"complex128\",0.5,-1.0]", json.GetProperty("z").GetRawText().Replace(" ", ""));
        Assert.Contains("H5T_IEEE_F64LE \"r\"", Peers.H5Dump("-H", path));
    }

    [Fact]
    public void AStructWhoseFieldsAreNotInTheCompound_IsRefused_NamingThem()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['c'] = numpy.array([1 + 2j])
                f['rec'] = numpy.array([('a', 3)], dtype=[('Label', h5py.string_dtype()), ('Id', 'i4')])
                f.attrs['c'] = numpy.array([1 + 2j])
            """, path);
        using var f = H5File.Open(path);
        using (var d = f.OpenDataset("c"))
        {
            var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<ReIm>());
            Assert.Contains("members 'Re', 'Im' are not in the file (it has r, i)", e.Message);
            Assert.Contains("cannot be read as ReIm", e.Message);
        }
        using (var d = f.OpenDataset("rec"))
        {
            var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<Labelled>());
            Assert.Contains("member 'Label' is string (variable length, UTF-8) in the file, float64 in memory", e.Message);
        }
        Assert.Throws<H5TypeMismatchException>(() => f.Attrs.GetArray<ReIm>("c"));
    }

    [Fact]
    public void WritingAStructThatLeavesStoredMembersUnset_IsRefused()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        using var ds = f.CreateDataset<Complex>("c", [1]);
        var e = Assert.Throws<H5TypeMismatchException>(() => ds.Write<ReIm>([new ReIm { Re = 1, Im = 2 }]));
        Assert.Contains("stored members 'r', 'i' have no counterpart in memory", e.Message);
    }
}
