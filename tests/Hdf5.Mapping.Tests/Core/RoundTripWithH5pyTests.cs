using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>Files we write, read by h5py value by value; files h5py writes, read by us.</summary>
public sealed class RoundTripWithH5pyTests : H5TestBase
{
    [Fact]
    public void Float64Matrix_WrittenByUs_IsReadByH5pyWithEqualValues()
    {
        var path = Files.NewPath();
        var data = new double[3, 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) data[i, j] = i * 10 + j + 0.25;
        using (var f = H5File.Create(path))
        using (f.Add("grp/data", data)) { }

        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            d = f['grp/data']
            print(json.dumps({'shape': list(d.shape), 'dtype': str(d.dtype), 'values': d[()].tolist()}))
            """, path);
        Assert.Equal("float64", json.GetProperty("dtype").GetString());
        Assert.Equal([3, 4], json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        var values = json.GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) Assert.Equal(data[i, j], values[i][j]);
    }

    [Fact]
    public void EveryNumericType_WrittenByH5py_IsReadByUsWithEqualValues()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                for t in ['i1','u1','i2','u2','i4','u4','i8','u8','f2','f4','f8','>i4','>f8','>u2']:
                    f[t] = numpy.array([0, 1, 2, 100, 127], dtype=t)
                f['i8neg'] = numpy.array([-5, -9223372036854775808, 9223372036854775807], dtype='i8')
            """, path);
        using var f = H5File.Open(path);
        long[] expected = [0, 1, 2, 100, 127];
        using (var d = f.OpenDataset("i1")) Assert.Equal(expected.Select(v => (sbyte)v), d.Read<sbyte>());
        using (var d = f.OpenDataset("u1")) Assert.Equal(expected.Select(v => (byte)v), d.Read<byte>());
        using (var d = f.OpenDataset("i2")) Assert.Equal(expected.Select(v => (short)v), d.Read<short>());
        using (var d = f.OpenDataset("u2")) Assert.Equal(expected.Select(v => (ushort)v), d.Read<ushort>());
        using (var d = f.OpenDataset("i4")) Assert.Equal(expected.Select(v => (int)v), d.Read<int>());
        using (var d = f.OpenDataset("u4")) Assert.Equal(expected.Select(v => (uint)v), d.Read<uint>());
        using (var d = f.OpenDataset("i8")) Assert.Equal(expected, d.Read<long>());
        using (var d = f.OpenDataset("u8")) Assert.Equal(expected.Select(v => (ulong)v), d.Read<ulong>());
        using (var d = f.OpenDataset("f2")) Assert.Equal(expected.Select(v => (Half)v), d.Read<Half>());
        using (var d = f.OpenDataset("f4")) Assert.Equal(expected.Select(v => (float)v), d.Read<float>());
        using (var d = f.OpenDataset("f8")) Assert.Equal(expected.Select(v => (double)v), d.Read<double>());
        // Big-endian data is converted by libhdf5 to native order.
        using (var d = f.OpenDataset(">i4")) Assert.Equal(expected.Select(v => (int)v), d.Read<int>());
        using (var d = f.OpenDataset(">f8")) Assert.Equal(expected.Select(v => (double)v), d.Read<double>());
        using (var d = f.OpenDataset(">u2")) Assert.Equal(expected.Select(v => (ushort)v), d.Read<ushort>());
        using (var d = f.OpenDataset("i8neg")) Assert.Equal([-5L, long.MinValue, long.MaxValue], d.Read<long>());
        using (var d = f.OpenDataset(">i4"))
        {
            using var t = d.DType;
            Assert.Equal("int32 (big-endian)", t.ToString());
            Assert.Equal(H5ByteOrder.BigEndian, t.ByteOrder);
            Assert.True(t.IsSigned);
        }
    }

    [Fact]
    public void EveryNumericType_WrittenByUs_HasTheDtypeH5pyExpects()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Add("i1", new sbyte[] { -1, 2 }).Dispose();
            f.Add("u1", new byte[] { 1, 255 }).Dispose();
            f.Add("i2", new short[] { -1, 2 }).Dispose();
            f.Add("u2", new ushort[] { 1, 65535 }).Dispose();
            f.Add("i4", new int[] { -1, 2 }).Dispose();
            f.Add("u4", new uint[] { 1, uint.MaxValue }).Dispose();
            f.Add("i8", new long[] { long.MinValue, 2 }).Dispose();
            f.Add("u8", new ulong[] { 1, ulong.MaxValue }).Dispose();
            f.Add("f2", new Half[] { (Half)1.5, (Half)(-2) }).Dispose();
            f.Add("f4", new float[] { 1.5f, -2 }).Dispose();
            f.Add("f8", new double[] { 1.5, -2 }).Dispose();
            f.Add("b", new bool[] { true, false, true }).Dispose();
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps({k: [str(f[k].dtype), [str(x) for x in f[k][()].tolist()]] for k in f}))
            """, path);
        void Check(string name, string dtype, params string[] values)
        {
            var entry = json.GetProperty(name);
            Assert.Equal(dtype, entry[0].GetString());
            Assert.Equal(values, entry[1].EnumerateArray().Select(e => e.GetString()!));
        }
        Check("i1", "int8", "-1", "2");
        Check("u1", "uint8", "1", "255");
        Check("i2", "int16", "-1", "2");
        Check("u2", "uint16", "1", "65535");
        Check("i4", "int32", "-1", "2");
        Check("u4", "uint32", "1", "4294967295");
        Check("i8", "int64", "-9223372036854775808", "2");
        Check("u8", "uint64", "1", "18446744073709551615");
        Check("f2", "float16", "1.5", "-2.0");
        Check("f4", "float32", "1.5", "-2.0");
        Check("f8", "float64", "1.5", "-2.0");
        Check("b", "bool", "True", "False", "True");
    }

    [Fact]
    public void BoolWrittenByH5py_IsReadAsBool()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['b'] = numpy.array([True, False, False, True])
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("b");
        Assert.Equal([true, false, false, true], d.Read<bool>());
    }

    public enum Color : short { Red = 0, Green = 5, Blue = -3 }

    [Fact]
    public void CSharpEnum_IsStoredAsHdf5Enum_ThatH5pyReadsWithNamesAndValues()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (f.Add("c", new[] { Color.Green, Color.Blue, Color.Red })) { }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            d = f['c']
            print(json.dumps({'values': d[()].tolist(), 'dtype': str(d.dtype), 'enum': {k: int(v) for k, v in h5py.check_enum_dtype(d.dtype).items()}}))
            """, path);
        Assert.Equal([5, -3, 0], json.GetProperty("values").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("int16", json.GetProperty("dtype").GetString());
        Assert.Equal(5, json.GetProperty("enum").GetProperty("Green").GetInt32());
        Assert.Equal(-3, json.GetProperty("enum").GetProperty("Blue").GetInt32());

        using var g = H5File.Open(path);
        using var ds = g.OpenDataset("c");
        Assert.Equal([Color.Green, Color.Blue, Color.Red], ds.Read<Color>());
        Assert.Equal([5, -3, 0], ds.Read<short>()); // an enum reads as its base integer, as in h5py
    }

    [Fact]
    public void EnumWrittenByH5py_IsReadAsCSharpEnumByName()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            dt = h5py.enum_dtype({'Red': 0, 'Green': 5, 'Blue': -3}, basetype='i2')
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('c', data=numpy.array([5, 0, -3], dtype='i2'), dtype=dt)
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("c");
        Assert.Equal([Color.Green, Color.Red, Color.Blue], d.Read<Color>());
    }
}
