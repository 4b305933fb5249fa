using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>The typed datatype model (<see cref="H5TypeDescriptor"/>, <see cref="H5Datatype"/>'s properties) answers
/// what h5py's low-level TypeID answers, for every class h5py writes, in both byte orders.</summary>
public sealed class DatatypeModelTests : H5TestBase
{
    private const string EveryClassScript = """
        import sys
        f = h5py.File(sys.argv[1], 'w')
        for t in ['i1', 'u1', '<i2', '>i2', '<u4', '>u4', '>i8', 'u8', '<f2', '>f2', '<f4', '>f4', '<f8', '>f8']:
            f.create_dataset('n/' + t.replace('<', 'le').replace('>', 'be'), data=numpy.arange(3), dtype=t)
        f['bool'] = numpy.array([True, False])
        f['s/vlen_utf8'] = ['a', 'bé']
        f['s/vlen_ascii'] = numpy.array([b'ab'], dtype=h5py.string_dtype('ascii'))
        f['s/fixed'] = numpy.array([b'abc'], dtype='S5')
        nullterm = h5py.h5t.C_S1.copy(); nullterm.set_size(6); nullterm.set_strpad(h5py.h5t.STR_NULLTERM)
        h5py.h5d.create(f.id, b's/nullterm', nullterm, h5py.h5s.create_simple((2,)))
        spacepad = h5py.h5t.C_S1.copy(); spacepad.set_size(4); spacepad.set_strpad(h5py.h5t.STR_SPACEPAD); spacepad.set_cset(h5py.h5t.CSET_UTF8)
        h5py.h5d.create(f.id, b's/spacepad', spacepad, h5py.h5s.create_simple((2,)))
        f.create_dataset('e/le', data=[1, 258], dtype=h5py.enum_dtype({'A': 1, 'B': 258, 'NEG': -3}, basetype='<i2'))
        f.create_dataset('e/be', data=[1, 258], dtype=h5py.enum_dtype({'A': 1, 'B': 258, 'NEG': -3}, basetype='>i2'))
        f.create_dataset('e/be_u4', data=[7], dtype=h5py.enum_dtype({'SEVEN': 7, 'BIG': 4000000000}, basetype='>u4'))
        inner = numpy.dtype([('x', '>f4'), ('y', 'i1')])
        nested = numpy.dtype([('id', '<i8'), ('pos', inner), ('m', ('f8', (2, 3))), ('label', h5py.string_dtype())])
        f['c/nested'] = numpy.array([(1, (0.5, 2), numpy.zeros((2, 3)), 'x')], dtype=nested)
        f['c/complex64'] = numpy.array([1 + 2j], dtype='c8')
        f['c/complex128_be'] = numpy.array([1 + 2j], dtype='>c16')
        f.create_dataset('a/f8_2x3', (4,), dtype=numpy.dtype(('f8', (2, 3))))
        f.create_dataset('a/be_i2_5', (2,), dtype=numpy.dtype(('>i2', (5,))))
        f.create_dataset('v/i4', (2,), dtype=h5py.vlen_dtype(numpy.dtype('i4')))
        f.create_dataset('v/be_f8', (2,), dtype=h5py.vlen_dtype(numpy.dtype('>f8')))
        f['o/void'] = numpy.array([b'abcd'], dtype='V4')
        f['o/tagged'] = numpy.array(['2020-01-01'], dtype='M8[ns]').astype(h5py.opaque_dtype(numpy.dtype('M8[ns]')))
        f.create_dataset('r/obj', (1,), dtype=h5py.ref_dtype)
        f.create_dataset('r/region', (1,), dtype=h5py.regionref_dtype)
        h5py.h5d.create(f.id, b'bitfield', h5py.h5t.STD_B16BE, h5py.h5s.create_simple((2,)))
        f.attrs['be_attr'] = numpy.array([1.5], dtype='>f8')
        f.attrs['enum_attr'] = numpy.array([258], dtype=h5py.enum_dtype({'A': 1, 'B': 258}, basetype='>i2'))
        f.close()
        """;

    [Fact]
    public void EveryTypeH5pyWrites_IsDescribedAsH5pysTypeIdDescribesIt()
    {
        var path = Files.NewPath();
        Peers.RunPython(EveryClassScript, path);
        PeerTypes.AssertSameAsH5py(path);
    }

    [Fact]
    public void DatatypeProperties_AnswerWithoutParsingStrings()
    {
        var path = Files.NewPath();
        Peers.RunPython(EveryClassScript, path);
        using var f = H5File.Open(path);

        using (var t = Type(f, "n/bei2"))
        {
            Assert.Equal(H5TypeClass.Integer, t.Class);
            Assert.Equal(H5ByteOrder.BigEndian, t.ByteOrder);
            Assert.True(t.IsSigned);
            Assert.Equal(16, t.Precision);
            Assert.Equal(0, t.BitOffset);
            Assert.Equal(2, t.Size);
            Assert.Null(t.FloatLayout);
            Assert.Equal("int16 (big-endian)", t.ToString());
        }
        using (var t = Type(f, "n/lef2"))
        {
            Assert.Equal(H5FloatLayout.Binary16, t.FloatLayout);
            Assert.True(((H5FloatType)t.Description).IsIeee);
            Assert.Equal("float16", t.ToString());
        }
        using (var t = Type(f, "n/bef8")) Assert.Equal("float64 (big-endian)", t.ToString());
        using (var t = Type(f, "s/nullterm"))
        {
            Assert.Equal(6, t.StringLength);
            Assert.Equal(H5StringPadding.NullTerminated, t.Padding);
            Assert.Equal(H5CharSet.Ascii, t.CharSet);
            Assert.Equal("string (fixed, 6 bytes, ASCII, NUL-terminated)", t.ToString());
        }
        using (var t = Type(f, "s/spacepad")) Assert.Equal("string (fixed, 4 bytes, UTF-8, space-padded)", t.ToString());
        using (var t = Type(f, "s/vlen_utf8"))
        {
            Assert.True(t.IsVariableString);
            Assert.Null(t.StringLength);
            Assert.Equal("string (variable length, UTF-8)", t.ToString());
        }
        using (var t = Type(f, "bool")) Assert.Equal("bool", t.ToString());
        using (var t = Type(f, "a/f8_2x3"))
        {
            Assert.Equal([2L, 3L], t.ArrayDims!);
            Assert.Equal(48, t.Size);
            Assert.Equal("array (2, 3) of float64", t.ToString());
        }
        using (var t = Type(f, "v/i4")) Assert.Equal("variable-length sequence of int32", t.ToString());
        using (var t = Type(f, "o/tagged"))
        {
            Assert.Equal("NUMPY:<M8[ns]", t.OpaqueTag);
            Assert.Equal("opaque (8 bytes, tag \"NUMPY:<M8[ns]\")", t.ToString());
        }
        using (var t = Type(f, "r/region")) Assert.Equal(H5ReferenceKind.DatasetRegion, t.ReferenceKind);
        using (var t = Type(f, "c/complex128_be"))
        {
            var c = (H5CompoundType)t.Description;
            Assert.True(c.IsComplex);
            Assert.Equal(["r", "i"], t.CompoundMembers.Select(m => m.Name));
            Assert.Equal("compound {r: float64 (big-endian), i: float64 (big-endian)}", t.ToString());
        }
        using (var t = Type(f, "c/nested"))
        {
            var pos = t.CompoundMembers[1];
            Assert.Equal(("pos", 8L), (pos.Name, pos.Offset));
            Assert.Equal("compound {x: float32 (big-endian), y: int8}", pos.Type.ToString());
            Assert.True(t.Description.HasVariableLengthData);
        }
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var t = Type(f, "n/i1");
            return t.CharSet;
        });
    }

    [Fact]
    public void BigEndianEnumMembers_HaveTheirValues_AsH5pyReportsThem()
    {
        var path = Files.NewPath();
        Peers.RunPython(EveryClassScript, path);
        using var f = H5File.Open(path);
        foreach (var name in new[] { "e/le", "e/be" })
        {
            using var t = Type(f, name);
            Assert.Equal([new H5EnumMember("A", 1), new H5EnumMember("B", 258), new H5EnumMember("NEG", -3)], t.EnumMembers);
            Assert.Equal(name == "e/be" ? H5ByteOrder.BigEndian : H5ByteOrder.LittleEndian, t.ByteOrder);
        }
        using var u = Type(f, "e/be_u4");
        Assert.Equal([new H5EnumMember("BIG", 4_000_000_000), new H5EnumMember("SEVEN", 7)], u.EnumMembers); // h5py inserts members by name
        Assert.Equal(false, u.IsSigned);
        Assert.Equal("enum of uint32 (big-endian) {BIG = 4000000000, SEVEN = 7}", u.ToString());
    }

    [Fact]
    public void AttributeTypes_AreDescribedLikeDatasetTypes()
    {
        var path = Files.NewPath();
        Peers.RunPython(EveryClassScript, path);
        using var f = H5File.Open(path);
        using var a = f.Attrs.Open("enum_attr");
        using var t = a.DType;
        Assert.Equal([new H5EnumMember("A", 1), new H5EnumMember("B", 258)], t.EnumMembers);
        using var d = f.Attrs.Open("be_attr");
        using var dt = d.DType;
        Assert.Equal(H5ByteOrder.BigEndian, dt.ByteOrder);
        Assert.Equal([1.5], f.Attrs.GetArray<double>("be_attr"));
    }

    [Fact]
    public void TypesWeCreate_AreDescribedByH5pyAsWeDescribeThem()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using (var be = H5Datatype.Native<int>().WithByteOrder(H5ByteOrder.BigEndian))
            using (var ds = f.CreateDataset("be_i4", be, [3]))
                ds.Write<int>([1, -2, 300]);
            using (var opaque = H5Datatype.Opaque(3, "bytes of three"))
                f.CreateDataset("opaque", opaque, [2]).Dispose();
            using (var seq = H5Datatype.Sequence<short>())
                f.CreateDataset("seq", seq, [2]).Dispose();
            using (var arr = H5Datatype.Array<float>(2, 2))
                f.CreateDataset("arr", arr, [1]).Dispose();
            using (var s = H5Datatype.FixedString(7, H5CharSet.Utf8, H5StringPadding.SpacePad))
                f.CreateDataset("spaced", s, [1]).Dispose();
        }
        PeerTypes.AssertSameAsH5py(path);
        var dump = Peers.H5Dump("-d", "be_i4", path);
        Assert.Contains("H5T_STD_I32BE", dump);
        Assert.Contains("1, -2, 300", dump);
    }

    private static H5Datatype Type(H5File f, string path)
    {
        using var d = f.OpenDataset(path);
        return d.DType;
    }
}
