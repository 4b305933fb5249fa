using System.Runtime.InteropServices;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class AttributeAndStringTests : H5TestBase
{
    [Fact]
    public void TutorialAttributes_HaveTheTypesAndShapesH5pyReports()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Attrs.Set("theta", 1.0f);
            f.Attrs.SetFixedString("mu", "0.000000", 8);
            f.Attrs.SetArray<double>("sigma", new double[1, 1, 1] { { { 0.1 } } });
            f.Attrs.Set("dt", 0.01);
            f.Attrs.Set("title", "Content prepared for the HUG23 h5py tutorial");
            f.Attrs.Set("names", new[] { "α", "beta" });
            f.Attrs.Set("ints", new[] { 1, 2, 3 });
            f.Attrs.Set("flag", true);
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            a = f.attrs
            def sd(k):
                s = h5py.check_string_dtype(a.get_id(k).dtype)
                return None if s is None else [s.encoding, s.length]
            print(json.dumps({
              'theta': [str(a['theta'].dtype), float(a['theta'])],
              'mu': [repr(a['mu']), sd('mu')],
              'sigma': [str(a['sigma'].dtype), list(a['sigma'].shape), float(a['sigma'].ravel()[0])],
              'dt': [str(type(a['dt']).__name__), float(a['dt'])],
              'title': [type(a['title']).__name__, a['title'], sd('title')],
              'names': list(a['names']),
              'ints': a['ints'].tolist(),
              'flag': [str(a['flag'].dtype), bool(a['flag'])]}))
            """, path);
        Assert.Equal("float32", json.GetProperty("theta")[0].GetString());
        Assert.Equal(1.0, json.GetProperty("theta")[1].GetDouble());
        Assert.Equal("b'0.000000'", json.GetProperty("mu")[0].GetString()); // fixed-length: numpy bytes in h5py 3
        Assert.Equal("ascii", json.GetProperty("mu")[1][0].GetString());
        Assert.Equal(8, json.GetProperty("mu")[1][1].GetInt32());
        Assert.Equal("float64", json.GetProperty("sigma")[0].GetString());
        Assert.Equal([1, 1, 1], json.GetProperty("sigma")[1].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0.1, json.GetProperty("sigma")[2].GetDouble());
        Assert.Equal("float64", json.GetProperty("dt")[0].GetString());
        Assert.Equal("str", json.GetProperty("title")[0].GetString()); // variable-length: str in h5py 3
        Assert.Equal("Content prepared for the HUG23 h5py tutorial", json.GetProperty("title")[1].GetString());
        Assert.Equal("utf-8", json.GetProperty("title")[2][0].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("title")[2][1].ValueKind);
        Assert.Equal(["α", "beta"], json.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([1, 2, 3], json.GetProperty("ints").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("bool", json.GetProperty("flag")[0].GetString());
        Assert.True(json.GetProperty("flag")[1].GetBoolean());

        using var g = H5File.Open(path);
        Assert.Equal(1.0f, g.Attrs.Get<float>("theta"));
        Assert.Equal(1.0, g.Attrs.Get<double>("theta")); // numeric conversion, as h5py's astype
        Assert.Equal("0.000000", g.Attrs.GetString("mu"));
        Assert.Equal("0.000000"u8.ToArray(), g.Attrs.GetFixedStringBytes("mu"));
        Assert.Equal([1L, 1L, 1L], g.Attrs.GetShape("sigma"));
        Assert.Equal([0.1], g.Attrs.GetArray<double>("sigma"));
        Assert.Equal(0.1, g.Attrs.Get<double>("sigma")); // one element of any shape reads as a scalar
        Assert.Equal("Content prepared for the HUG23 h5py tutorial", g.Attrs.GetString("title"));
        Assert.Equal(["α", "beta"], g.Attrs.GetStrings("names"));
        Assert.True(g.Attrs.Get<bool>("flag"));
        Assert.Equal(8, g.Attrs.Count);
        Assert.Contains("sigma", g.Attrs.Keys);
    }

    [Fact]
    public void AttributesWrittenByH5py_AreReadWithH5pySemantics()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f.attrs['vlen'] = 'héllo'
                f.attrs['fixed'] = numpy.bytes_(b'abc')
                f.attrs['arr'] = numpy.arange(6, dtype='i2').reshape(2, 3)
                f.attrs['strs'] = ['x', 'yy', 'zzz']
                f.attrs['f'] = 2.5
                f.attrs['be'] = numpy.array([1, 2], dtype='>i8')
            """, path);
        using var f = H5File.Open(path);
        Assert.Equal("héllo", f.Attrs.GetString("vlen"));
        Assert.Equal("abc", f.Attrs.GetString("fixed"));
        Assert.Equal("abc"u8.ToArray(), f.Attrs.GetFixedStringBytes("fixed"));
        Assert.Equal([2L, 3L], f.Attrs.GetShape("arr"));
        Assert.Equal(new short[] { 0, 1, 2, 3, 4, 5 }, f.Attrs.GetArray<short>("arr"));
        Assert.Equal(["x", "yy", "zzz"], f.Attrs.GetStrings("strs"));
        Assert.Equal(2.5, f.Attrs.Get<double>("f"));
        Assert.Equal([1L, 2L], f.Attrs.GetArray<long>("be"));
        Assert.Throws<H5TypeMismatchException>(() => f.Attrs.Get<int>("vlen"));
        Assert.Throws<H5LinkNotFoundException>(() => f.Attrs.Get<int>("missing"));
        Assert.Throws<H5SelectionException>(() => f.Attrs.Get<short>("arr"));
        Assert.Throws<H5ReadOnlyFileException>(() => f.Attrs.Set("new", 1));
    }

    [Fact]
    public void SettingAnExistingAttribute_ReplacesIt_WithANewTypeAndShape()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        f.Attrs.Set("a", 1);
        f.Attrs.Set("a", new[] { 1.5, 2.5 });
        Assert.Equal([2L], f.Attrs.GetShape("a"));
        Assert.Equal([1.5, 2.5], f.Attrs.GetArray<double>("a"));
        Assert.True(f.Attrs.Remove("a"));
        Assert.False(f.Attrs.ContainsKey("a"));
        Assert.False(f.Attrs.Remove("a"));
    }

    [Fact]
    public void StringDatasets_VariableAndFixed_AsciiAndUtf8_RoundTripWithH5py()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Add("vlen", new[] { "a", "ümlaut", "" }).Dispose();
            using (var t = H5Datatype.FixedString(6, H5CharSet.Ascii))
            using (var ds = f.CreateDataset("fixed", t, [2]))
                ds.WriteStrings(["ab", "abcdef"]);
            using (var t = H5Datatype.FixedString(8, H5CharSet.Utf8))
            using (var ds = f.CreateDataset("fixedutf8", t, [1]))
            {
                ds.WriteStrings(["é"]);
                Assert.Throws<ArgumentException>(() => ds.WriteStrings(["ééééé"])); // 10 bytes > 8: an error, never truncated
            }
            using (var t = H5Datatype.FixedString(4, H5CharSet.Ascii))
            using (var ds = f.CreateDataset("ascii", t, [1]))
                Assert.Throws<ArgumentException>(() => ds.WriteStrings(["é"]));
            f.CreateScalarDataset("scalar", "one string").Dispose();
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            def info(k):
                s = h5py.check_string_dtype(f[k].dtype)
                return [s.encoding, s.length]
            print(json.dumps({
              'vlen': [f['vlen'].asstr()[()].tolist(), info('vlen')],
              'fixed': [[x.decode() for x in f['fixed'][()]], info('fixed')],
              'fixedutf8': [f['fixedutf8'].asstr()[()].tolist(), info('fixedutf8')],
              'scalar': f['scalar'].asstr()[()]}))
            """, path);
        Assert.Equal(["a", "ümlaut", ""], json.GetProperty("vlen")[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("utf-8", json.GetProperty("vlen")[1][0].GetString());
        Assert.Equal(["ab", "abcdef"], json.GetProperty("fixed")[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(6, json.GetProperty("fixed")[1][1].GetInt32());
        Assert.Equal(["é"], json.GetProperty("fixedutf8")[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("one string", json.GetProperty("scalar").GetString());

        using var g = H5File.Open(path);
        using (var d = g.OpenDataset("vlen")) Assert.Equal(["a", "ümlaut", ""], d.ReadStrings());
        using (var d = g.OpenDataset("fixed"))
        {
            Assert.Equal(["ab", "abcdef"], d.ReadStrings());
            Assert.Equal("abcdef"u8.ToArray(), d.ReadFixedStringBytes()[1]);
        }
        using (var d = g.OpenDataset("scalar")) Assert.Equal("one string", d.ReadScalarString());
        using (var d = g.OpenDataset("vlen")) Assert.Equal(["ümlaut"], d[1..2].ReadStrings());
    }

    [Fact]
    public void StringsWrittenByH5py_AreRead()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['v'] = ['x', 'ÿ', 'long string here']
                f['s'] = numpy.array([b'ab', b'cde'], dtype='S5')
                f.create_dataset('sp', data=numpy.array([b'q'], dtype='S3'))
            """, path);
        using var f = H5File.Open(path);
        using (var d = f.OpenDataset("v")) Assert.Equal(["x", "ÿ", "long string here"], d.ReadStrings());
        using (var d = f.OpenDataset("s")) Assert.Equal(["ab", "cde"], d.ReadStrings());
        using (var d = f.OpenDataset("s")) Assert.Throws<H5TypeMismatchException>(() => d.Read<int>());
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Sample
    {
        public double Time;
        public int Count;
        public float Value;
        public short Flag;
    }

    [Fact]
    public void BlittableStruct_IsACompoundType_ThatH5pyReadsFieldByField()
    {
        var path = Files.NewPath();
        var samples = new[] { new Sample { Time = 0.5, Count = 3, Value = 1.25f, Flag = -1 }, new Sample { Time = 1.5, Count = 4, Value = 2.5f, Flag = 7 } };
        using (var f = H5File.Create(path))
        using (f.Add("samples", samples)) { }
        var json = Peers.PythonJson("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['samples']
            print(json.dumps({'names': list(d.dtype.names), 'types': [str(d.dtype[n]) for n in d.dtype.names],
                              'time': d['Time'].tolist(), 'count': d['Count'].tolist(), 'value': d['Value'].tolist(), 'flag': d['Flag'].tolist()}))
            """, path);
        Assert.Equal(["Time", "Count", "Value", "Flag"], json.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["float64", "int32", "float32", "int16"], json.GetProperty("types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0.5, 1.5], json.GetProperty("time").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([3, 4], json.GetProperty("count").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1.25, 2.5], json.GetProperty("value").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([-1, 7], json.GetProperty("flag").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void CompoundWrittenByH5py_IsMatchedByMemberName()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            dt = numpy.dtype([('Flag', '>i2'), ('Value', 'f8'), ('Count', 'i8'), ('Time', 'f4'), ('Extra', 'u1')])
            with h5py.File(sys.argv[1], 'w') as f:
                f['c'] = numpy.array([(1, 2.5, 3, 4.5, 9), (-2, 0.25, 30, 1.0, 8)], dtype=dt)
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("c");
        var s = d.Read<Sample>(); // members are converted by name (and type); extra stored members are ignored
        Assert.Equal(4.5, s[0].Time);
        Assert.Equal(3, s[0].Count);
        Assert.Equal(2.5f, s[0].Value);
        Assert.Equal((short)1, s[0].Flag);
        Assert.Equal((short)-2, s[1].Flag);
        Assert.Equal(30, s[1].Count);
    }

    [System.Runtime.CompilerServices.InlineArray(6)]
    public struct Float2x3
    {
        private float _e0;
    }

    [Fact]
    public void ArrayDatatype_IsStoredAsAnHdf5ArrayType()
    {
        var path = Files.NewPath();
        H5TypeRegistry.Register<Float2x3>(() =>
        {
            using var elem = H5Datatype.Native<float>();
            return H5Datatype.Array(elem, 2, 3);
        });
        var values = new Float2x3[2];
        for (int i = 0; i < 12; i++) values[i / 6][i % 6] = i;
        using (var f = H5File.Create(path))
        using (var arr = H5Datatype.Native<Float2x3>())
        using (var ds = f.CreateDataset("a", arr, [2]))
        {
            ds.Write<Float2x3>(values);
            Assert.Equal(7f, ds.Read<Float2x3>()[1][1]);
            using var dt = ds.DType;
            Assert.Equal(H5TypeClass.Array, dt.Class);
        }
        var text = Peers.RunPython("import sys\nd = h5py.File(sys.argv[1], 'r')['a']\nprint(d.dtype.subdtype[0], d.dtype.subdtype[1], d[1].tolist())", path).Trim();
        Assert.Equal("float32 (2, 3) [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]", text);
    }
}
