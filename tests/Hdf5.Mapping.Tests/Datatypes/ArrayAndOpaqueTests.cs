using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>HDF5 array element types read and write with h5py's extra axes; opaque elements are their bytes and tag.</summary>
public sealed class ArrayAndOpaqueTests : H5TestBase
{
    [Fact]
    public void ArrayElementsWrittenByH5py_ReadWithTheExtraAxesH5pyAdds()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                d = f.create_dataset('a', (4,), dtype=numpy.dtype(('f8', (2, 3))))
                d[...] = numpy.arange(24, dtype='f8').reshape(4, 2, 3)
                b = f.create_dataset('be', (2,), dtype=numpy.dtype(('>i2', (3,))))
                b[...] = [[1, -2, 3], [400, 500, -600]]
                f.attrs.create('a', numpy.arange(6).reshape(1, 2, 3), dtype=numpy.dtype(('i4', (2, 3))))
                f.create_dataset('empty', (0,), dtype=numpy.dtype(('f4', (2,))))
            """, path);
        using var f = H5File.Open(path);
        using (var d = f.OpenDataset("a"))
        {
            Assert.Equal([4L], d.Shape);
            Assert.Equal([4L, 2, 3], d.ShapeOf<double>());
            using (var t = d.DType) Assert.Equal([2L, 3L], t.ArrayDims!);
            Assert.Equal(Enumerable.Range(0, 24).Select(i => (double)i), d.Read<double>());
            var cube = d.Read3D<double>();
            Assert.Equal(17.0, cube[2, 1, 2]);
            var slice = d[1..3].Read3D<double>();
            Assert.Equal(new[] { 9f, 10f, 11f }, d.ReadPoints<float>(new long[,] { { 1 } }).AsSpan(3).ToArray()); // converted per value too
            Assert.Equal(6.0, slice[0, 0, 0]);
            Assert.Equal([18.0, 19, 20, 21, 22, 23], d[3].Read<double>());
            Assert.Equal(new[] { 9f, 10f, 11f }, d.ReadPoints<float>(new long[,] { { 1 } })[3..]); // converted per value too
            Assert.Throws<H5SelectionException>(() => d.ReadScalar<double>());
        }
        using (var d = f.OpenDataset("be")) Assert.Equal([1, -2, 3, 400, 500, -600], d.Read<int>());
        using (var d = f.OpenDataset("empty")) Assert.Empty(d.Read<float>());
        Assert.Equal([0, 1, 2, 3, 4, 5], f.Attrs.GetArray<int>("a"));
        using var a = f.Attrs.Open("a");
        Assert.Equal([1L, 2, 3], a.ShapeOf<long>());
    }

    [Fact]
    public void ArrayElementsWeWrite_AreReadByH5pyAsItsSubarrayDtype()
    {
        var path = Files.NewPath();
        var data = new double[3, 2, 2];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) data[i, j, k] = i * 100 + j * 10 + k;
        using (var f = H5File.Create(path))
        {
            using (var d = f.AddArray<double>("a", data, elementRank: 2))
            {
                Assert.Equal([3L], d.Shape);
                d[1].Write<double>([-1, -2, -3, -4]);
            }
            using var be = H5Datatype.Native<int>().WithByteOrder(H5ByteOrder.BigEndian);
            using var arr = H5Datatype.Array(be, 2);
            f.Attrs.Set<int>("be", arr, [2], [1, 2, 3, 4]);
            Assert.Throws<H5SelectionException>(() => f.Attrs.Set<int>("bad", arr, [2], [1, 2, 3]));
            Assert.False(f.Attrs.ContainsKey("bad"));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            d = f['a']
            print(json.dumps({'shape': d.shape, 'sub': [str(d.dtype.subdtype[0]), d.dtype.subdtype[1]], 'values': d[()].tolist(),
                              'be': [str(f.attrs['be'].dtype), f.attrs['be'].tolist()]}))
            """, path);
        Assert.Equal("[3]", json.GetProperty("shape").GetRawText());
        Assert.Equal("[\"float64\",[2,2]]", json.GetProperty("sub").GetRawText().Replace(" ", ""));
        Assert.Equal("[[[0.0,1.0],[10.0,11.0]],[[-1.0,-2.0],[-3.0,-4.0]],[[200.0,201.0],[210.0,211.0]]]", json.GetProperty("values").GetRawText().Replace(" ", ""));
        Assert.Equal("[\">i4\",[[1,2],[3,4]]]", json.GetProperty("be").GetRawText().Replace(" ", "").Replace("int32", ">i4"));
        Assert.Contains("H5T_ARRAY { [2][2] H5T_IEEE_F64LE }", Peers.H5Dump("-H", path));
        // PureHDF 2.2 cannot read HDF5 array element types ("Unable to decode values types of different type size"): its limit, not checked here.
    }

    [Fact]
    public void OpaqueElements_AreTheirBytesAndTag_BothWays()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['void'] = numpy.array([b'abcd', b'\x00\x01\x02\xff'], dtype='V4')
                f['tagged'] = numpy.array(['2020-01-01T00:00:00.000000001'], dtype='M8[ns]').astype(h5py.opaque_dtype(numpy.dtype('M8[ns]')))
                f.attrs['void'] = numpy.void(b'xyz')
            """, path);
        using (var f = H5File.Open(path))
        {
            using (var d = f.OpenDataset("void"))
            {
                Assert.Equal("abcd"u8.ToArray().Concat(new byte[] { 0, 1, 2, 255 }), d.Read<byte>());
                using var t = d.DType;
                Assert.Equal(H5TypeClass.Opaque, t.Class);
                Assert.Equal(4, t.Size);
            }
            using (var d = f.OpenDataset("tagged"))
            {
                using var t = d.DType;
                Assert.Equal("NUMPY:<M8[ns]", t.OpaqueTag);
                Assert.Equal(1577836800000000001L, BitConverter.ToInt64(d.Read<byte>()));
                Assert.Throws<H5TypeMismatchException>(() => d.Read<long>());
            }
            Assert.Equal("xyz"u8.ToArray(), f.Attrs.GetArray<byte>("void"));
        }

        var written = Files.NewPath();
        using (var f = H5File.Create(written))
        {
            f.AddOpaque("o", [1, 2, 3, 4, 5, 6], elementSize: 3, tag: "rgb pixel").Dispose();
            f.AddOpaque("plain", [7, 8], elementSize: 1).Dispose();
            f.Attrs.SetOpaque("o", [9, 8], elementSize: 2);
            Assert.Throws<ArgumentException>(() => f.AddOpaque("bad", [1, 2, 3], elementSize: 2));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            d = f['o']
            # h5py's own reads convert to an untagged opaque type, which libhdf5 refuses for a tagged one: read in the stored type.
            a = numpy.empty(d.shape, d.dtype)
            d.id.read(h5py.h5s.ALL, h5py.h5s.ALL, a, mtype=d.id.get_type())
            print(json.dumps({'dtype': str(d.dtype), 'tag': d.id.get_type().get_tag().decode(), 'bytes': a.tobytes().hex(),
                              'plain': f['plain'][()].tobytes().hex(), 'attr': f.attrs['o'].tobytes().hex()}))
            """, written);
        Assert.Equal("|V3", json.GetProperty("dtype").GetString());
        Assert.Equal("rgb pixel", json.GetProperty("tag").GetString());
        Assert.Equal("010203040506", json.GetProperty("bytes").GetString());
        Assert.Equal("0908", json.GetProperty("attr").GetString());
        Assert.Equal("0708", json.GetProperty("plain").GetString());
        Assert.Contains("OPAQUE_TAG \"rgb pixel\"", Peers.H5Dump("-H", written));
    }
}
