using System.Runtime.CompilerServices;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>Structs are stored as .NET lays them out in memory (bool and char included), packed in the file as numpy
/// packs a structured dtype; h5py sees exactly the bytes it would have written itself.</summary>
public sealed class StructLayoutTests : H5TestBase
{
    public struct Flagged
    {
        public byte Tag;
        public bool Flag;
        public int Value;
    }

    public struct Lettered
    {
        public char Letter;
        public short Count;
    }

    public enum Level : byte { Low = 1, High = 200 }

    public unsafe struct Everything
    {
        public Level Level;
        public bool Ok;
        public Flagged Inner;
        public fixed short Window[3];
        public double Value;
    }

    private const string DescribeScript = """
        import sys
        d = h5py.File(sys.argv[1], 'r')['x']
        print(json.dumps({'names': list(d.dtype.names), 'types': [str(d.dtype.fields[n][0]) for n in d.dtype.names],
                          'offsets': [d.dtype.fields[n][1] for n in d.dtype.names], 'itemsize': d.dtype.itemsize,
                          'bytes': d[()].tobytes().hex(), 'values': [[v.tolist() if hasattr(v, 'tolist') else v for v in row] for row in d[()].tolist()]}))
        """;

    [Fact]
    public void StructWithBool_IsWrittenPacked_AndH5pySeesTheBytesItWouldWrite()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (f.Add("x", new[] { new Flagged { Tag = 1, Flag = true, Value = -2 }, new Flagged { Tag = 255, Flag = false, Value = 7 } })) { }
        var json = Peers.PythonJson(DescribeScript, path);
        Assert.Equal(["Tag", "Flag", "Value"], json.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["uint8", "bool", "int32"], json.GetProperty("types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0, 1, 2], json.GetProperty("offsets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(6, json.GetProperty("itemsize").GetInt32());
        Assert.Equal("0101feffffff" + "ff0007000000", json.GetProperty("bytes").GetString());
        Assert.Contains("H5T_STD_U8LE \"Tag\"", Peers.H5Dump("-H", path));
    }

    [Fact]
    public void AlignedCompounds_KeepTheDotNetLayout_WhenAskedFor()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var ds = f.CreateDataset<Flagged>("x", [1], new H5DatasetOptions { AlignCompounds = true }))
            ds.Write<Flagged>([new Flagged { Tag = 1, Flag = true, Value = -2 }]);
        var json = Peers.PythonJson(DescribeScript, path);
        Assert.Equal([0, 1, 4], json.GetProperty("offsets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Unsafe.SizeOf<Flagged>(), json.GetProperty("itemsize").GetInt32());
        Assert.Equal("[[1,true,-2]]", json.GetProperty("values").GetRawText().Replace(" ", ""));
    }

    [Fact]
    public void CharFields_AreStoredAsUInt16CodeUnits()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (f.Add("x", new[] { new Lettered { Letter = 'A', Count = -3 }, new Lettered { Letter = 'é', Count = 9 } })) { }
        var json = Peers.PythonJson(DescribeScript, path);
        Assert.Equal(["uint16", "int16"], json.GetProperty("types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[[65,-3],[233,9]]", json.GetProperty("values").GetRawText().Replace(" ", ""));
        using var r = H5File.Open(path);
        using var d = r.OpenDataset("x");
        Assert.Equal([new Lettered { Letter = 'A', Count = -3 }, new Lettered { Letter = 'é', Count = 9 }], d.Read<Lettered>());
    }

    [Fact]
    public unsafe void NestedStructsEnumsBoolsAndFixedBuffers_AreStoredAtTheirManagedOffsets()
    {
        var path = Files.NewPath();
        var e = new Everything { Level = Level.High, Ok = true, Inner = new Flagged { Tag = 9, Flag = true, Value = 1234 }, Value = 2.5 };
        e.Window[0] = 1; e.Window[1] = -1; e.Window[2] = 300;
        using (var f = H5File.Create(path))
        using (f.Add("x", new[] { e })) { }
        var json = Peers.PythonJson("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['x']
            r = d[0]
            print(json.dumps({'itemsize': d.dtype.itemsize, 'level': int(r['Level']), 'levels': h5py.check_enum_dtype(d.dtype['Level']),
                              'ok': bool(r['Ok']), 'inner': [int(r['Inner']['Tag']), bool(r['Inner']['Flag']), int(r['Inner']['Value'])],
                              'window': r['Window'].tolist(), 'value': float(r['Value'])}))
            """, path);
        Assert.Equal(1 + 1 + 6 + 6 + 8, json.GetProperty("itemsize").GetInt32()); // packed: no padding anywhere
        Assert.Equal(200, json.GetProperty("level").GetInt32());
        Assert.Equal((1, 200), (json.GetProperty("levels").GetProperty("Low").GetInt32(), json.GetProperty("levels").GetProperty("High").GetInt32()));
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal("[9,true,1234]", json.GetProperty("inner").GetRawText().Replace(" ", ""));
        Assert.Equal("[1,-1,300]", json.GetProperty("window").GetRawText().Replace(" ", ""));
        Assert.Equal(2.5, json.GetProperty("value").GetDouble());

        using var r = H5File.Open(path);
        using var d = r.OpenDataset("x");
        var back = d.Read<Everything>()[0];
        Assert.Equal((Level.High, true, 9, true, 1234, (short)300, 2.5), (back.Level, back.Ok, back.Inner.Tag, back.Inner.Flag, back.Inner.Value, back.Window[2], back.Value));
    }

    [Fact]
    public void PackedAndAlignedCompoundsWrittenByH5py_AreBothRead()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                for name, align in [('packed', False), ('aligned', True)]:
                    dt = numpy.dtype([('Tag', 'u1'), ('Flag', '?'), ('Value', '>i4')], align=align)
                    f[name] = numpy.array([(3, True, -70000), (4, False, 5)], dtype=dt)
            """, path);
        using var f = H5File.Open(path);
        foreach (var name in new[] { "packed", "aligned" })
        {
            using var d = f.OpenDataset(name);
            Assert.Equal([new Flagged { Tag = 3, Flag = true, Value = -70000 }, new Flagged { Tag = 4, Flag = false, Value = 5 }], d.Read<Flagged>());
        }
    }

    [Fact]
    public void StructAttributes_ArePackedToo()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path)) f.Attrs.Set("x", new Flagged { Tag = 2, Flag = true, Value = 1 });
        var hex = Peers.RunPython("import sys\nprint(h5py.File(sys.argv[1], 'r').attrs['x'].tobytes().hex())", path).Trim();
        Assert.Equal("020101000000", hex);
        using var r = H5File.Open(path);
        Assert.Equal(new Flagged { Tag = 2, Flag = true, Value = 1 }, r.Attrs.Get<Flagged>("x"));
    }
}
