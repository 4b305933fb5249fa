using System.Text.Json;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>
/// The runtime on whichever libhdf5 is loaded (the test script runs the suite on Debian's 1.10.8 and again on 1.14.5):
/// the version the run asked for is the one in use, objects are told apart by address or token as that version does,
/// format bounds newer than the library are refused by name, and what this library writes stays readable by h5py on
/// libhdf5 1.10.
/// </summary>
public sealed class LibraryVersionTests : H5TestBase
{
    /// <summary>Set by tests/run-tests.sh to the version each pass loads.</summary>
    private const string ExpectedVersionVariable = "HDF5_MAPPING_EXPECTED_VERSION";

    [Fact]
    public void TheLoadedLibrary_IsTheVersionTheRunAskedFor_AndItsEntryPointsFollowIt()
    {
        H5Library.EnsureInitialized();
        var version = H5Library.Version;
        var expected = Environment.GetEnvironmentVariable(ExpectedVersionVariable);
        if (!string.IsNullOrEmpty(expected)) Assert.Equal(Version.Parse(expected), version);
        Assert.True(version >= H5Library.MinimumVersion);
        Assert.Equal(version >= new Version(1, 12, 0), H5Api.UsesTokens);
        Assert.Equal(version >= new Version(1, 10, 3), H5Api.HasObjectInfoFields);
        Assert.Equal(version >= new Version(2, 0, 0), H5Api.HasReadChunk2);
    }

    [Fact]
    public void HardLinksToOneObject_ShareItsToken_WhichHoldsTheAddressH5pyReports()
    {
        var path = Files.NewPath("links.h5");
        using (var f = H5File.Create(path))
        {
            using var a = f.CreateGroup("a");
            f.CreateHardLink("b", a);
            using (f.Add("d", new[] { 1, 2, 3 })) { }
            f.CreateSoftLink("s", "/a");
        }

        using var file = H5File.Open(path);
        var a1 = file.GetInfo("a");
        var b1 = file.GetInfo("b");
        var s1 = file.GetInfo("s"); // a soft link resolves to its target
        var d1 = file.GetInfo("d");
        Assert.True(a1.IsSameObject(b1));
        Assert.True(a1.IsSameObject(s1));
        Assert.False(a1.IsSameObject(d1));
        Assert.Equal(2u, a1.ReferenceCount);
        Assert.Equal(Native.H5O.Type.Group, a1.Type);
        Assert.Equal(Native.H5O.Type.Dataset, d1.Type);
        using (var opened = file.OpenGroup("b")) Assert.True(opened.Info.IsSameObject(a1));

        var h5py = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], "r")
            print(json.dumps({k: h5py.h5o.get_info(f[k].id).addr for k in ("a", "b", "d")}))
            """, path);
        Assert.Equal(h5py.GetProperty("a").GetUInt64(), a1.Token.Address);
        Assert.Equal(h5py.GetProperty("b").GetUInt64(), b1.Token.Address);
        Assert.Equal(h5py.GetProperty("d").GetUInt64(), d1.Token.Address);
    }

    [Fact]
    public void LinkDetails_GiveTheTargetOfHardLinks_AndTheValueSizeOfSoftAndExternalOnes()
    {
        var path = Files.NewPath("kinds.h5");
        using var f = H5File.Create(path);
        using (f.CreateGroup("g")) { }
        f.CreateSoftLink("soft", "/g");
        f.CreateExternalLink("ext", "other.h5", "/x");
        using var scope = H5Library.Enter();
        var hard = H5LinkDetails.Get(f.Id, "g");
        var soft = H5LinkDetails.Get(f.Id, "soft");
        var ext = H5LinkDetails.Get(f.Id, "ext");
        Assert.Equal(Native.H5L.Type.Hard, hard.Type);
        Assert.Equal(f.GetInfo("g").Token, hard.Token);
        Assert.Equal(Native.H5L.Type.Soft, soft.Type);
        Assert.Equal((ulong)"/g".Length + 1, soft.ValueSize);
        Assert.Equal(Native.H5L.Type.External, ext.Type);
        Assert.Equal(1 + (ulong)"other.h5".Length + 1 + (ulong)"/x".Length + 1, ext.ValueSize); // flags byte, file, path
        Assert.Equal(new H5LinkInfo(H5LinkKind.External, "/x", "other.h5"), f.GetLink("ext"));
    }

    [Fact]
    public void FormatBoundsNewerThanTheLoadedLibrary_AreRefusedNamingTheVersionNeeded()
    {
        H5Library.EnsureInitialized();
        var path = Files.NewPath("bounds.h5");
        if (H5Library.Version < new Version(1, 12, 0))
        {
            var e = Assert.Throws<ArgumentException>(() => H5File.Create(path, options: new H5FileOptions { LibverHigh = H5LibraryVersion.V112 }));
            Assert.Contains("needs libhdf5 1.12 or later", e.Message);
            Assert.Contains(H5Library.Version.ToString(), e.Message);
            Assert.False(File.Exists(path));
        }
        else
        {
            using var f = H5File.Create(path, options: new H5FileOptions { LibverHigh = H5LibraryVersion.V112 });
            Assert.Equal((H5LibraryVersion.Earliest, H5LibraryVersion.V112), f.LibverBounds);
        }
        if (H5Library.Version < new Version(2, 0, 0))
        {
            var e = Assert.Throws<ArgumentException>(() => H5File.Create(Files.NewPath("v200.h5"), options: new H5FileOptions { LibverLow = H5LibraryVersion.V200 }));
            Assert.Contains("needs libhdf5 2.0 or later", e.Message);
        }
    }

    [Fact]
    public void AFileWithDenseStorage_RefsAndFilters_WrittenWithTheDefaultBounds_IsReadByH5pyOnLibhdf5_1_10()
    {
        var path = Files.NewPath("every.h5");
        using (var f = H5File.Create(path, options: new H5FileOptions { TrackOrder = true }))
        {
            for (int i = 0; i < 20; i++) f.Attrs.Set($"a{i:00}", i * 1.5); // past the compact limit: dense attribute storage
            using var g = f.CreateGroup("many", trackOrder: true);
            for (int i = 0; i < 20; i++) using (g.Add($"d{i:00}", new[] { i, i + 1 })) { } // dense link storage
            using var z = f.Add("z", Enumerable.Range(0, 1000).Select(i => i * 0.25).ToArray(),
                new H5DatasetOptions { Chunks = [100] }.With(H5Filter.Shuffle()).With(H5Filter.Deflate(4)));
            z.Attrs.Set("title", "zäh");
            using (f.Add("refs", new[] { z.Reference, g.Reference })) { }
            using (f.Add("regions", new[] { z.RegionRef[10..20] })) { }
        }

        var h5py = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], "r")
            z = f["z"]
            print(json.dumps({
                "libver": h5py.version.hdf5_version,
                "attrs": [float(f.attrs["a%02d" % i]) for i in range(20)],
                "order": list(f.attrs)[:3],
                "many": [int(f["many"]["d%02d" % i][1]) for i in range(20)],
                "z": float(z[:].sum()), "filters": [k for k in ("shuffle", "compression") if getattr(z, k)],
                "title": z.attrs["title"],
                "refs": [f[r].name for r in f["refs"][:]],
                "region": f["z"][f["regions"][0]].tolist(),
            }))
            """, path);
        Assert.StartsWith("1.10.", h5py.GetProperty("libver").GetString());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 1.5), h5py.GetProperty("attrs").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["a00", "a01", "a02"], h5py.GetProperty("order").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Enumerable.Range(1, 20), h5py.GetProperty("many").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Enumerable.Range(0, 1000).Sum(i => i * 0.25), h5py.GetProperty("z").GetDouble());
        Assert.Equal(["shuffle", "compression"], h5py.GetProperty("filters").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("zäh", h5py.GetProperty("title").GetString());
        Assert.Equal(["/z", "/many"], h5py.GetProperty("refs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => i * 0.25), h5py.GetProperty("region").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public unsafe void ReferencesOfThe1_12Kind_AreRefused_NotReadAsEmptyPaths()
    {
        H5Library.EnsureInitialized();
        if (!H5Api.UsesTokens)
        {
            Assert.Equal(-1, H5Globals.ReadIdOrInvalid("H5T_STD_REF_g")); // libhdf5 1.10 has no H5R_ref_t
            return;
        }
        var path = Files.NewPath("newrefs.h5");
        using (var f = H5File.Create(path, options: new H5FileOptions { LibverHigh = H5LibraryVersion.V112 })) // the type needs it
        {
            using (f.CreateGroup("g")) { }
            using var scope = H5Library.Enter();
            var refs = stackalloc Native.H5R.Ref[2];
            H5Call.Check(Native.H5R.CreateObject(f.Id, "g", PropertyListId.Default, &refs[0]));
            H5Call.Check(Native.H5R.CreateObject(f.Id, "/", PropertyListId.Default, &refs[1]));
            ulong n = 2;
            using var space = new DataspaceId(H5Call.Check(Native.H5S.CreateSimple(1, &n, null)));
            using var ds = new DatasetId(H5Call.Check(Native.H5D.Create2(f.Id, "refs", H5Globals.StdRef, space,
                PropertyListId.Default, PropertyListId.Default, PropertyListId.Default)));
            H5Call.Check(Native.H5D.Write(ds, H5Globals.StdRef, DataspaceId.All, DataspaceId.All, PropertyListId.Default, refs));
            H5Call.Check(Native.H5R.Destroy(&refs[0]));
            H5Call.Check(Native.H5R.Destroy(&refs[1]));
        }

        using var file = H5File.Open(path);
        using var d = file.OpenDataset("refs");
        using (var type = d.DType) Assert.Equal("reference (H5R_ref_t of libhdf5 1.12+)", Hdf5.Mapping.Schema.H5TypeSchema.FromDatatype(type).ToString());
        var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<H5ObjectReference>());
        Assert.Contains("H5R_ref_t", e.Message);
        Assert.Throws<H5TypeMismatchException>(() => d.Read<H5RegionReference>());
    }

    [Fact]
    public void AnObjectReference_IsNotReadAsARegionReference()
    {
        var path = Files.NewPath("objrefs.h5");
        using var f = H5File.Create(path);
        using var g = f.CreateGroup("g");
        using var d = f.Add("refs", new[] { g.Reference });
        var e = Assert.Throws<H5TypeMismatchException>(() => d.Read<H5RegionReference>());
        Assert.Contains("object reference", e.Message);
        Assert.Equal("/g", d.GetReferenceTargetName(d.Read<H5ObjectReference>()[0]));
    }

    [Fact]
    public void TheEntryPointProbe_SeesWhatTheBuildExports_AsOpenRemoteUsesItToFindRos3()
    {
        H5Library.EnsureInitialized();
        Assert.Equal(H5Api.Exports("H5Pset_fapl_ros3"), H5Api.HasRos3);
        Assert.True(H5Api.Exports("H5Fopen"));
        Assert.False(H5Api.Exports("H5Pset_fapl_no_such_driver"));
        // A real function one version lacks: the session-token setter of the ROS3 driver came with libhdf5 1.14.4.
        if (H5Library.Version < new Version(1, 12, 0)) Assert.False(H5Api.Exports("H5Pset_fapl_ros3_token"));
        if (H5Library.Version >= new Version(1, 14, 4)) Assert.Equal(H5Api.HasRos3, H5Api.Exports("H5Pset_fapl_ros3_token"));
    }

    [Fact]
    public void OpenRemote_ReadsThroughRos3_OrNamesItsAbsence_BeforeAnyRequest()
    {
        var path = Files.NewPath("remote.h5");
        using (var f = H5File.Create(path)) f.Attrs.Set("short_name", "ATL03");
        using var server = new RangeHttpServer();
        server.Serve("r.h5", File.ReadAllBytes(path));
        if (H5Api.HasRos3) // both libraries the test script runs on
        {
            using var f = H5File.OpenRemote(server.Url("r.h5"));
            Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
            Assert.True(server.Gets > 0);
        }
        else
        {
            var e = Assert.Throws<H5LibraryException>(() => H5File.OpenRemote(server.Url("r.h5")));
            Assert.Contains("without the read-only S3 driver (ROS3)", e.Message);
            Assert.Contains(H5Library.Version.ToString(), e.Message);
            Assert.Equal(0, server.Heads + server.Gets);
        }
    }
}
