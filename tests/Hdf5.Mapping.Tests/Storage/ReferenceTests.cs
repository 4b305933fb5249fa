using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Storage;

public sealed class ReferenceTests : H5TestBase
{
    [Fact]
    public void ObjectReferences_InDatasetsAndAttributes_AreDereferencedByH5py()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using var g = f.CreateGroup("compressed");
            using var a = g.Add("zfp-fa", new[] { 1.0, 2.0 });
            using var b = g.Add("defl", new[] { 3.0 });
            using var t = H5Datatype.Native<int>();
            t.Commit(f, "mytype");
            using var named = f.OpenObject("mytype");
            using var refs = f.Add("objrefs/refs", new[] { a.Reference, b.Reference, g.Reference, named.Reference, default });
            refs.Attrs.Set("first", a.Reference);
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            r = f['objrefs/refs']
            print(json.dumps({'dtype_is_ref': h5py.check_ref_dtype(r.dtype) is h5py.Reference,
                              'names': [f[x].name if x else None for x in r[()]],
                              'attr': f[r.attrs['first']].name,
                              'values': f[r[0]][()].tolist()}))
            """, path);
        Assert.True(json.GetProperty("dtype_is_ref").GetBoolean());
        Assert.Equal(["/compressed/zfp-fa", "/compressed/defl", "/compressed", "/mytype", null],
            json.GetProperty("names").EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.Null ? null : e.GetString()));
        Assert.Equal("/compressed/zfp-fa", json.GetProperty("attr").GetString());
        Assert.Equal([1.0, 2.0], json.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));

        using var f2 = H5File.Open(path);
        using var ds = f2.OpenDataset("objrefs/refs");
        var read = ds.Read<H5ObjectReference>();
        Assert.True(read[4].IsNull);
        Assert.Equal("/compressed/defl", f2.GetReferenceTargetName(read[1]));
        using (var grp = f2.OpenGroup("objrefs"))
        using (var target = grp.Dereference(read[0])) // from any group of the file
            Assert.Equal([1.0, 2.0], Assert.IsType<H5Dataset>(target).Read<double>());
        using (var target = f2.Dereference(ds.Attrs.Get<H5ObjectReference>("first")))
            Assert.Equal("/compressed/zfp-fa", target.Name);
        Assert.Throws<ArgumentException>(() => f2.Dereference(read[4]));
    }

    [Fact]
    public void ObjectReferencesWrittenByH5py_AreDereferencedByUs()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                d = f.create_dataset('a/b', data=[5, 6])
                g = f['a']
                r = f.create_dataset('refs', (2,), dtype=h5py.ref_dtype)
                r[0] = d.ref
                r[1] = g.ref
            """, path);
        using var f = H5File.Open(path);
        using var refs = f.OpenDataset("refs");
        var r = refs.Read<H5ObjectReference>();
        using (var d = (H5Dataset)f.Dereference(r[0])) Assert.Equal([5L, 6L], d.Read<long>());
        using (var g = f.Dereference(r[1])) Assert.IsType<H5Group>(g);
    }

    [Fact]
    public void RegionReferences_SelectExactlyTheSlice_ForUsAndForH5py()
    {
        var path = Files.NewPath();
        var data = new double[100, 1000];
        for (int i = 0; i < 100; i++) for (int j = 0; j < 1000; j++) data[i, j] = i * 1000 + j;
        using (var f = H5File.Create(path))
        {
            using var zfp = f.Add("zfp", data);
            using var defl = f.Add("defl", data);
            var rrefs = new[] { zfp.RegionRef[.., 512..567], defl.RegionRef[19..67, 348..412], zfp.CreateRegionReference(new long[,] { { 3, 4 }, { 99, 999 } }) };
            using var ds = f.Add("regrefs/rrefs", rrefs);

            Assert.Equal(zfp[.., 512..567].Read<double>(), zfp.ReadRegion<double>(rrefs[0]));
            Assert.Equal([100L, 55L], zfp.GetRegionShape(rrefs[0]));
            Assert.Equal(defl[19..67, 348..412].Read<double>(), defl.ReadRegion<double>(rrefs[1]));
            Assert.Equal([data[3, 4], data[99, 999]], zfp.ReadRegion<double>(rrefs[2]));
            var e = Assert.Throws<ArgumentException>(() => defl.ReadRegion<double>(rrefs[0]));
            Assert.Contains("Region reference must point to this dataset", e.Message);
            Assert.Equal("/zfp", defl.GetRegionTargetName(rrefs[0]));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            rr = f['regrefs/rrefs']
            r0, r1 = rr[0], rr[1]
            print(json.dumps({'is_regref': h5py.check_ref_dtype(rr.dtype) is h5py.RegionReference,
                              'ok0': bool((f[r0][r0] == f['zfp'][:, 512:567]).all()), 'shape0': list(f[r0][r0].shape),
                              'ok1': bool((f[r1][r1] == f['defl'][19:67, 348:412]).all()), 'name1': f[r1].name}))
            """, path);
        Assert.True(json.GetProperty("is_regref").GetBoolean());
        Assert.True(json.GetProperty("ok0").GetBoolean());
        Assert.Equal([100, 55], json.GetProperty("shape0").EnumerateArray().Select(x => x.GetInt32()));
        Assert.True(json.GetProperty("ok1").GetBoolean());
        Assert.Equal("/defl", json.GetProperty("name1").GetString());
    }

    [Fact]
    public void RegionReferencesWrittenByH5py_AreReadByUs()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                d = f.create_dataset('d', data=numpy.arange(200.0).reshape(10, 20))
                r = f.create_dataset('r', (1,), dtype=h5py.regionref_dtype)
                r[0] = d.regionref[4:17 // 2, 9:]
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("d");
        using var r = f.OpenDataset("r");
        var region = r.Read<H5RegionReference>()[0];
        Assert.Equal(d[4..8, 9..].Read<double>(), d.ReadRegion<double>(region));
    }
}
