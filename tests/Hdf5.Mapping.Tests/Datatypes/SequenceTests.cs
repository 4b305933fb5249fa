using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>Variable-length sequences (h5py's <c>vlen_dtype</c>) as <c>T[][]</c> and as <see cref="H5Ragged{T}"/>, for
/// datasets and attributes, of numbers (either byte order), enums, compounds and object references.</summary>
public sealed class SequenceTests : H5TestBase
{
    public struct Point
    {
        public int X;
        public float Y;
    }

    public enum Mode : sbyte { Off = 0, On = 1 }

    [Fact]
    public void SequencesWrittenByH5py_AreReadAsArraysAndRagged()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                d = f.create_dataset('i4', (3,), dtype=h5py.vlen_dtype(numpy.dtype('i4')))
                d[0] = [1, 2, 3]; d[1] = []; d[2] = [-7]
                b = f.create_dataset('be', (2,), dtype=h5py.vlen_dtype(numpy.dtype('>f8')))
                b[0] = [1.5, -2.5]; b[1] = [1e300]
                pt = numpy.dtype([('X', 'i4'), ('Y', 'f4')])
                c = f.create_dataset('points', (2,), dtype=h5py.vlen_dtype(pt))
                c[0] = numpy.array([(1, 0.5), (2, 1.5)], dtype=pt); c[1] = numpy.array([], dtype=pt)
                e = f.create_dataset('modes', (1,), dtype=h5py.vlen_dtype(h5py.enum_dtype({'Off': 0, 'On': 1}, basetype='i1')))
                e[0] = [1, 0, 1]
                f.create_dataset('none', (0,), dtype=h5py.vlen_dtype(numpy.dtype('i2')))
                f.attrs.create('seq', [numpy.array([1, 2], 'u2'), numpy.array([3], 'u2')], dtype=h5py.vlen_dtype(numpy.dtype('u2')))
            """, path);
        using var f = H5File.Open(path);
        using (var d = f.OpenDataset("i4"))
        {
            var rows = d.ReadSequences<int>();
            Assert.Equal(3, rows.Length);
            Assert.Equal([1, 2, 3], rows[0]);
            Assert.Empty(rows[1]);
            Assert.Equal([-7], rows[2]);
            var ragged = d.ReadRagged<int>();
            Assert.Equal([1, 2, 3, -7], ragged.Values);
            Assert.Equal([0L, 3, 3, 4], ragged.Offsets);
            Assert.Equal([-7], ragged[2].ToArray());
            Assert.Equal([-7L], d.ReadSequences<long>()[2]); // converted per element
            Assert.Equal([-7], d[2..3].ReadSequences<int>()[0]);
            using var t = d.DType;
            Assert.Equal("variable-length sequence of int32", t.ToString());
            var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<int>());
            Assert.Contains("variable-length sequence of int32", e.Message);
        }
        using (var d = f.OpenDataset("be")) Assert.Equal([[1.5, -2.5], [1e300]], d.ReadSequences<double>());
        using (var d = f.OpenDataset("be")) Assert.Throws<H5TypeMismatchException>(() => d.ReadSequences<float>()); // 1e300 does not fit
        using (var d = f.OpenDataset("points"))
        {
            var rows = d.ReadSequences<Point>();
            Assert.Equal([new Point { X = 1, Y = 0.5f }, new Point { X = 2, Y = 1.5f }], rows[0]);
            Assert.Empty(rows[1]);
        }
        using (var d = f.OpenDataset("modes")) Assert.Equal([Mode.On, Mode.Off, Mode.On], d.ReadSequences<Mode>()[0]);
        using (var d = f.OpenDataset("none"))
        {
            Assert.Empty(d.ReadSequences<short>());
            Assert.Equal(0, d.ReadRagged<short>().Count);
        }
        Assert.Equal([[(ushort)1, (ushort)2], [(ushort)3]], f.Attrs.GetSequences<ushort>("seq"));
    }

    [Fact]
    public void SequencesWeWrite_AreReadByH5pyAndH5dump()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.AddSequences("i4", [[1, 2, 3], [], [-7]]).Dispose();
            f.AddRagged("ragged", new H5Ragged<double>([0.5, 1.5, 2.5], [0, 1, 3])).Dispose();
            // No empty sequence of compounds here: h5py 3.7 cannot read one, not even from a file it wrote itself.
            f.AddSequences("points", [[new Point { X = 1, Y = 0.5f }], [new Point { X = -2, Y = 4 }, new Point { X = 3, Y = -1 }]]).Dispose();
            f.AddSequences<Mode>("modes", [[Mode.On, Mode.Off]]).Dispose();
            f.AddSequences<int>("none", []).Dispose();
            f.Attrs.SetSequences<ushort>("seq", [[1, 2], [3], []]);
            Assert.Throws<ArgumentException>(() => f.AddSequences<Mode>("bad", [[(Mode)5]]));
            Assert.False(f.ContainsKey("bad"));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            def rows(d): return [r.tolist() for r in d]
            print(json.dumps({'i4': [str(h5py.check_vlen_dtype(f['i4'].dtype)), rows(f['i4'][()])],
                              'ragged': rows(f['ragged'][()]),
                              'points': [[list(p) for p in r.tolist()] for r in f['points'][()]],
                              'points_fields': list(h5py.check_vlen_dtype(f['points'].dtype).names),
                              'modes': [h5py.check_enum_dtype(h5py.check_vlen_dtype(f['modes'].dtype)), rows(f['modes'][()])],
                              'none': f['none'].shape,
                              'seq': rows(f.attrs['seq'])}))
            """, path);
        Assert.Equal("[\"int32\",[[1,2,3],[],[-7]]]", json.GetProperty("i4").GetRawText().Replace(" ", ""));
        Assert.Equal("[[0.5],[1.5,2.5]]", json.GetProperty("ragged").GetRawText().Replace(" ", ""));
        Assert.Equal("[[[1,0.5]],[[-2,4.0],[3,-1.0]]]", json.GetProperty("points").GetRawText().Replace(" ", ""));
        Assert.Equal("[\"X\",\"Y\"]", json.GetProperty("points_fields").GetRawText().Replace(" ", ""));
        Assert.Equal("[{\"Off\":0,\"On\":1},[[1,0]]]", json.GetProperty("modes").GetRawText().Replace(" ", ""));
        Assert.Equal("[0]", json.GetProperty("none").GetRawText());
        Assert.Equal("[[1,2],[3],[]]", json.GetProperty("seq").GetRawText().Replace(" ", ""));
        var dump = Peers.H5Dump("-d", "i4", path);
        Assert.Contains("H5T_VLEN { H5T_STD_I32LE}", dump);
        Assert.Contains("(1, 2, 3), (), (-7)", dump);
    }

    [Fact]
    public void DimensionListsWrittenByH5py_AreReadAsSequencesOfReferences()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['x'] = numpy.arange(3.0); f['y'] = numpy.arange(2.0)
                f['data'] = numpy.zeros((3, 2))
                f['x'].make_scale('x'); f['y'].make_scale('y')
                f['data'].dims[0].attach_scale(f['x']); f['data'].dims[1].attach_scale(f['y'])
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("data");
        var lists = d.Attrs.GetSequences<H5ObjectReference>("DIMENSION_LIST");
        Assert.Equal(2, lists.Length);
        Assert.Equal(["/x", "/y"], lists.Select(l => d.GetReferenceTargetName(l.Single())));
        using var a = d.Attrs.Open("DIMENSION_LIST");
        using var t = a.DType;
        Assert.Equal("variable-length sequence of object reference", t.ToString());
    }
}
