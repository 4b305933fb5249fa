using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>Null dataspaces (h5py's <c>h5py.Empty</c>): told apart from scalars, read as "no value", written for datasets
/// and attributes.</summary>
public sealed class NullDataspaceTests : H5TestBase
{
    [Fact]
    public void EmptyWrittenByH5py_IsNull_NotScalar_AndReadsAsNoValue()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('e', data=h5py.Empty('f8'))
                f['scalar'] = 1.5
                f['zero'] = numpy.zeros((0,))
                f.attrs['e'] = h5py.Empty('i4')
                f.attrs['s'] = h5py.Empty(h5py.string_dtype())
            """, path);
        using var f = H5File.Open(path);
        using (var e = f.OpenDataset("e"))
        {
            Assert.True(e.IsNull);
            Assert.Empty(e.Shape);
            Assert.Equal(0, e.Size);
            Assert.Empty(e.Read<double>());
            Assert.Throws<H5NullDataspaceException>(() => e.ReadScalar<double>());
            using var t = e.DType;
            Assert.Equal("float64", t.ToString());
        }
        using (var s = f.OpenDataset("scalar"))
        {
            Assert.False(s.IsNull);
            Assert.Empty(s.Shape);
            Assert.Equal(1, s.Size);
            Assert.Equal(1.5, s.ReadScalar<double>());
        }
        using (var z = f.OpenDataset("zero"))
        {
            Assert.False(z.IsNull);
            Assert.Equal([0L], z.Shape);
            Assert.Empty(z.Read<double>());
        }
        using (var a = f.Attrs.Open("e")) Assert.True(a.IsNull);
        Assert.Empty(f.Attrs.GetArray<int>("e"));
        Assert.Throws<H5NullDataspaceException>(() => f.Attrs.Get<int>("e"));
        Assert.Throws<H5NullDataspaceException>(() => f.Attrs.GetString("s"));
        Assert.Contains("/e                          Dataset NULL", H5Listing.Format(f));
    }

    [Fact]
    public void EmptyWeWrite_IsReadByH5pyAsEmpty_AndByH5dumpAsNull()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.AddEmpty<double>("e").Dispose();
            using (var s = H5Datatype.VariableString()) f.AddEmpty("s", s).Dispose();
            f.Attrs.SetEmpty<int>("e");
            f.Attrs.Set("replaced", 3);
            f.Attrs.SetEmpty<short>("replaced");
            Assert.Throws<ArgumentException>(() => f.AddEmpty<double>("chunked", new H5DatasetOptions { Chunks = [4] }));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            out = {}
            for name, v in [('e', f['e'][()]), ('s', f['s'][()]), ('@e', f.attrs['e']), ('@replaced', f.attrs['replaced'])]:
                out[name] = [isinstance(v, h5py.Empty), str(v.dtype)]
            out['shape'] = f['e'].shape
            print(json.dumps(out))
            """, path);
        Assert.Equal("[true,\"float64\"]", json.GetProperty("e").GetRawText().Replace(" ", ""));
        Assert.Equal("[true,\"object\"]", json.GetProperty("s").GetRawText().Replace(" ", ""));
        Assert.Equal("[true,\"int32\"]", json.GetProperty("@e").GetRawText().Replace(" ", ""));
        Assert.Equal("[true,\"int16\"]", json.GetProperty("@replaced").GetRawText().Replace(" ", ""));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("shape").ValueKind);
        var dump = Peers.H5Dump("-H", path);
        Assert.Equal(4, dump.Split("DATASPACE  NULL").Length - 1);
    }
}
