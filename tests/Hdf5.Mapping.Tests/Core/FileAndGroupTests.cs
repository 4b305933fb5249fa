using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class FileAndGroupTests : H5TestBase
{
    [Fact]
    public void FileModes_BehaveLikeH5pyModes()
    {
        var path = Files.NewPath();
        Assert.Throws<H5FileNotFoundException>(() => H5File.Open(path, H5FileMode.ReadOnly));
        Assert.Throws<H5FileNotFoundException>(() => H5File.Open(path, H5FileMode.ReadWrite));

        using (var f = H5File.Open(path, H5FileMode.Append)) // "a" creates
        {
            Assert.Equal(H5FileMode.CreateExclusive, f.Mode);
            f.CreateGroup("g").Dispose();
        }
        Assert.Throws<H5AlreadyExistsException>(() => H5File.Open(path, H5FileMode.CreateExclusive));
        using (var f = H5File.Open(path, H5FileMode.Append)) // "a" opens read/write
        {
            Assert.Equal(H5FileMode.ReadWrite, f.Mode);
            Assert.True(f.ContainsKey("g"));
            f.CreateGroup("h").Dispose();
        }
        using (var f = H5File.Open(path))
        {
            Assert.Equal(["g", "h"], f.Keys);
            Assert.Equal("/", f.Name);
            Assert.Equal(path, f.Filename);
            Assert.Throws<H5ReadOnlyFileException>(() => f.CreateGroup("readonly-file"));
        }
        using (var f = H5File.Create(path)) // "w" truncates
            Assert.Empty(f.Keys);
    }

    [Fact]
    public void Groups_HaveDictionarySemantics_WithNestedPaths()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using (var c = f.CreateGroup("a/b/c")) Assert.Equal("/a/b/c", c.Name);
            using (var b = f.OpenGroup("a/b"))
            {
                Assert.True(b.ContainsKey("c"));
                Assert.True(b.ContainsKey("/a/b/c"));
            }
            Assert.True(f.ContainsKey("a/b/c"));
            Assert.False(f.ContainsKey("a/x/c"));  // missing intermediate: false, not an error
            Assert.False(f.ContainsKey("nothing"));
            Assert.Equal(H5ObjectKind.Group, f.GetKind("a/b"));
            Assert.Equal(H5ObjectKind.Missing, f.GetKind("a/zz"));

            using (var again = f.RequireGroup("a/b")) Assert.Equal("/a/b", again.Name);
            using (var fresh = f.RequireGroup("new/one")) Assert.Equal("/new/one", fresh.Name);
            Assert.Throws<H5AlreadyExistsException>(() => f.CreateGroup("a/b"));

            Assert.True(f.TryGetValue("a", out var obj));
            using (obj) Assert.IsType<H5Group>(obj);
            Assert.False(f.TryGetValue("zz", out var none));
            Assert.Null(none);
            var ex = Assert.Throws<H5LinkNotFoundException>(() => f["zz/top"]);
            Assert.IsAssignableFrom<KeyNotFoundException>(ex);
            Assert.Equal("zz/top", ex.Path);

            Assert.Equal(2, f.Count);
            Assert.True(f.Remove("new"));
            Assert.False(f.Remove("new"));
            Assert.Equal(["a"], f.ToList());
        }
        var keys = Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            out = []
            f.visit(out.append)
            print(','.join(out))
            """, path).Trim();
        Assert.Equal("a,a/b,a/b/c", keys);
    }

    [Fact]
    public void TrackOrder_KeepsCreationOrder_AsH5pyReportsIt()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var g = f.CreateGroup("g", trackOrder: true))
        {
            foreach (var n in new[] { "zeta", "alpha", "mid" }) g.CreateGroup(n).Dispose();
            g.Attrs.Set("z", 1);
            g.Attrs.Set("a", 2);
            Assert.Equal(["zeta", "alpha", "mid"], g.Keys);
            Assert.Equal(["z", "a"], g.Attrs.Keys);
        }
        using (var f = H5File.Open(path))
        using (var g = f.OpenGroup("g"))
            Assert.Equal(["zeta", "alpha", "mid"], g.Keys);
        var h5pyKeys = Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(','.join(f['g'].keys()) + ';' + ','.join(f['g'].attrs.keys()))
            """, path).Trim();
        Assert.Equal("zeta,alpha,mid;z,a", h5pyKeys);
    }

    [Fact]
    public void Links_SoftHardAndExternal_AreSeenByH5py()
    {
        var path = Files.NewPath();
        var other = Files.NewPath("other.h5");
        using (var o = H5File.Create(other))
        using (o.Add("data", new[] { 7, 8, 9 })) { }
        using (var f = H5File.Create(path))
        {
            using (var ds = f.Add("target/ds", new[] { 1.5, 2.5 }))
                f.CreateHardLink("hard", ds);
            f.CreateSoftLink("soft", "/target/ds");
            f.CreateSoftLink("dangling", "/nowhere");
            f.CreateExternalLink("ext", other, "/data");
            Assert.Equal(new H5LinkInfo(H5LinkKind.Soft, "/target/ds", null), f.GetLink("soft"));
            Assert.Equal(new H5LinkInfo(H5LinkKind.External, "/data", other), f.GetLink("ext"));
            Assert.Equal(H5LinkKind.Hard, f.GetLink("hard").Kind);
            Assert.True(f.ContainsKey("dangling")); // as in h5py: the link is "in" the group, though its target is missing
            Assert.Equal(H5ObjectKind.DanglingLink, f.GetKind("dangling"));
            using (var viaSoft = f.OpenDataset("soft")) Assert.Equal([1.5, 2.5], viaSoft.Read<double>());
            using (var viaExt = f.OpenDataset("ext")) Assert.Equal([7, 8, 9], viaExt.Read<int>());
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps({
              'soft': f.get('soft', getlink=True).path,
              'ext': [f.get('ext', getlink=True).filename, f.get('ext', getlink=True).path],
              'hard_same': f['hard'] == f['target/ds'],
              'dangling_in': 'dangling' in f,
              'ext_values': f['ext'][()].tolist(),
              'soft_values': f['soft'][()].tolist()}))
            """, path);
        Assert.Equal("/target/ds", json.GetProperty("soft").GetString());
        Assert.Equal(other, json.GetProperty("ext")[0].GetString());
        Assert.True(json.GetProperty("hard_same").GetBoolean());
        Assert.True(json.GetProperty("dangling_in").GetBoolean());
        Assert.Equal([7, 8, 9], json.GetProperty("ext_values").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1.5, 2.5], json.GetProperty("soft_values").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void InMemoryFile_HoldsDataWithoutTouchingDisk_AndItsImageOpensInH5py()
    {
        byte[] image;
        using (var f = H5File.CreateInMemory("scratch.h5"))
        {
            using (f.Add("x", new[] { 1, 2, 3 })) { }
            image = f.GetImage();
        }
        Assert.False(File.Exists("scratch.h5"));
        var path = Files.NewPath();
        File.WriteAllBytes(path, image);
        Assert.Equal("[1, 2, 3]", Peers.RunPython("import sys\nprint(h5py.File(sys.argv[1], 'r')['x'][()].tolist())", path).Trim());
    }

    [Fact]
    public void LibverBounds_AreApplied_AndTheLowLevelIdsExposeLibhdf5State()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path, options: new H5FileOptions { LibverLow = H5LibraryVersion.V18, LibverHigh = H5LibraryVersion.Latest });
        Assert.Equal((H5LibraryVersion.V18, H5LibraryVersion.V110), f.LibverBounds);
        var mdc = f.GetMetadataCacheConfig();
        Assert.Equal(1, mdc.Version);
        Assert.True(mdc.MaxSize > 0 && mdc.MinSize > 0 && mdc.MaxSize >= mdc.MinSize);
        Assert.True(f.Id.IsValid);
        Assert.Equal(Hdf5.Mapping.Native.H5I.Type.File, f.Id.Kind);
        Assert.True(H5LibraryInfo.Version >= new Version(1, 10, 0));
    }
}

file static class H5LibraryInfo
{
    public static Version Version
    {
        get
        {
            Hdf5.Mapping.LowLevel.H5Library.EnsureInitialized();
            return Hdf5.Mapping.LowLevel.H5Library.Version;
        }
    }
}
