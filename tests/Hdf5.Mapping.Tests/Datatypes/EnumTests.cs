using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>Enums of every base width and sign, in both byte orders; values that are not members are refused.</summary>
public sealed class EnumTests : H5TestBase
{
    public enum Huge : ulong { One = 1, Top = ulong.MaxValue, High = 0x8000_0000_0000_0001 }

    public enum Color : short { Red = 1, Green = 258, Blue = -3 }

    public enum Traffic : short { Red = 1, Green = 258 }

    public struct Pixel
    {
        public Color Color;
        public float Weight;
    }

    [Fact]
    public void UnsignedEnumsAboveLongMaxValue_AreWritten_AndH5dumpShowsTheirValues()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (f.Add("huge", new[] { Huge.Top, Huge.One, Huge.High }))
            f.Attrs.Set("top", Huge.Top);
        var dump = Peers.H5Dump(path);
        Assert.Contains("H5T_STD_U64LE", dump);
        Assert.Contains("\"Top\"              18446744073709551615", dump);
        Assert.Contains("\"High\"             9223372036854775809", dump);
        Assert.Contains("Top, One, High", dump);
        // h5py cannot build a numpy enum of such values (its enum_dtype stops at int64): read the raw elements.
        var raw = Peers.RunPython("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['huge']
            a = numpy.empty(3, 'u8')
            d.id.read(h5py.h5s.ALL, h5py.h5s.ALL, a, mtype=d.id.get_type())
            print(a.tolist())
            """, path).Trim();
        Assert.Equal("[18446744073709551615, 1, 9223372036854775809]", raw);
        using var r = H5File.Open(path);
        using var d = r.OpenDataset("huge");
        Assert.Equal([Huge.Top, Huge.One, Huge.High], d.Read<Huge>());
        Assert.Equal([ulong.MaxValue, 1UL, 0x8000_0000_0000_0001], d.Read<ulong>());
        Assert.Equal(Huge.Top, r.Attrs.Get<Huge>("top"));
        using var t = d.DType;
        Assert.Equal(new H5EnumMember("Top", ulong.MaxValue), t.EnumMembers.Single(m => m.Name == "Top"));
    }

    [Fact]
    public void BigEndianEnumsWrittenByH5py_AreReadAsCSharpEnums()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            dt = h5py.enum_dtype({'Red': 1, 'Green': 258, 'Blue': -3}, basetype='>i2')
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('c', data=numpy.array([258, -3, 1], dtype='>i2'), dtype=dt)
                f.attrs.create('c', numpy.array([-3], dtype='>i2'), dtype=dt)
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("c");
        Assert.Equal([Color.Green, Color.Blue, Color.Red], d.Read<Color>());
        Assert.Equal([(short)258, (short)-3, (short)1], d.Read<short>());
        Assert.Equal([Color.Blue], f.Attrs.GetArray<Color>("c"));
    }

    [Fact]
    public void BigEndianEnumsWeWrite_AreReadByH5pyWithTheirValues()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var native = H5Datatype.Enum<Color>())
        using (var be = native.WithByteOrder(H5ByteOrder.BigEndian))
        using (var ds = f.CreateDataset("c", be, [3]))
            ds.Write<Color>([Color.Blue, Color.Green, Color.Red]);
        var json = Peers.PythonJson("""
            import sys
            d = h5py.File(sys.argv[1], 'r')['c']
            print(json.dumps({'dtype': d.dtype.str, 'members': h5py.check_enum_dtype(d.dtype), 'values': d[()].tolist()}))
            """, path);
        Assert.Equal(">i2", json.GetProperty("dtype").GetString());
        Assert.Equal(258, json.GetProperty("members").GetProperty("Green").GetInt32());
        Assert.Equal(-3, json.GetProperty("members").GetProperty("Blue").GetInt32());
        Assert.Equal("[-3,258,1]", json.GetProperty("values").GetRawText().Replace(" ", ""));
    }

    [Fact]
    public void WritingAValueThatIsNotAMember_IsAnError_AndLeavesNoDataset()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        var e = Assert.Throws<ArgumentException>(() => f.Add("c", new[] { Color.Red, (Color)7 }));
        Assert.Contains("Element 1", e.Message);
        Assert.Contains("the value 7", e.Message);
        Assert.False(f.ContainsKey("c"));
        var inStruct = Assert.Throws<ArgumentException>(() => f.Add("p", new[] { new Pixel { Color = (Color)99, Weight = 1 } }));
        Assert.Contains("member 'Color'", inStruct.Message);
        Assert.Throws<ArgumentException>(() => f.Attrs.Set("c", (Color)8));
    }

    [Fact]
    public void ReadingAnEnumWhoseMembersAreNotAllInTheCSharpEnum_IsAnErrorNamingThem()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            dt = h5py.enum_dtype({'Red': 1, 'Green': 258, 'Blue': -3}, basetype='i2')
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('c', data=[1, 258], dtype=dt)
                f.attrs.create('c', [1], dtype=dt)
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("c");
        var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<Traffic>());
        Assert.Contains("enum member Blue of the file type has no counterpart", e.Message);
        Assert.Equal([(short)1, (short)258], d.Read<short>()); // the raw values stay readable
        Assert.Throws<H5TypeMismatchException>(() => f.Attrs.GetArray<Traffic>("c"));
    }

    [Fact]
    public void ReadingAStoredValueThatIsNotAMember_IsAnError_NotAllOnes()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            dt = h5py.enum_dtype({'Red': 1, 'Green': 258}, basetype='>i2')
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('c', data=numpy.array([1, 7], '>i2'), dtype=dt)
                f.attrs.create('c', numpy.array([7], '>i2'), dtype=dt)
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("c");
        var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<Color>());
        Assert.Contains("enum value without a counterpart", e.Message);
        Assert.Throws<H5TypeMismatchException>(() => f.Attrs.GetArray<Color>("c"));
    }
}
