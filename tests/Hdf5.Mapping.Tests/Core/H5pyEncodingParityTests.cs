using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>
/// The same content written by h5py and by us must give the same file: the same <c>h5dump -p -H</c> (types, spaces,
/// layouts, chunk shapes, filters, fill values and times, allocation times, data offsets) and the same object
/// headers at the same addresses, name character sets and filter flags.
/// </summary>
public sealed class H5pyEncodingParityTests : H5TestBase
{
    // Each step closes what it opened, as our `using` blocks do: an h5py dataset left open keeps its chunks in the
    // chunk cache until the file closes, which moves them to the end of the file.
    private const string H5pyWrites = """
        import sys
        with h5py.File(sys.argv[1], "w") as f:
            f.attrs["f64"] = 1.5
            f.attrs["i32"] = numpy.int32(7)
            f.attrs["title"] = "hello"
            f.attrs["arr"] = numpy.array([1.0, 2, 3])
            f.attrs["fixed"] = numpy.array(b"abc", dtype="S8")
            f.create_group("g")
            f.create_group("\u00e9t\u00e9")
            f["d"] = numpy.arange(100, dtype="f8")
            f["i2"] = numpy.array([[1, 2, 3], [4, 5, 6]], dtype="i4")
            c = f.create_dataset("c", data=numpy.arange(1000, dtype="f4"), chunks=(100,), shuffle=True,
                                 compression="gzip", compression_opts=4, fillvalue=-1)
            c.attrs["units"] = "m"
            del c
            f.create_dataset("r", data=numpy.array([1, 2, 3], dtype="i8"), maxshape=(None,))
            f["s"] = ["a", "bb", "ccc"]
            f["sf"] = numpy.array([b"a", b"bb", b"ccc"], dtype="S4")
            f["sc"] = 2.5
            f["ss"] = "text"
            f.create_dataset("z", data=numpy.arange(10), compression="lzf")
            f["b"] = numpy.array([True, False, True])
            f["h"] = numpy.array([1.5, -2], dtype="f2")
            f["u8"] = numpy.arange(5, dtype="u1")
            f["e"] = numpy.zeros(0, dtype="f8")
            f.create_dataset("gz2", data=numpy.arange(60000, dtype="i2").reshape(200, 300), compression="gzip", fletcher32=True)
            t = f.create_group("t", track_order=True)
            t.attrs["b_attr"] = 1.0
            t.attrs["a_attr"] = 2.0
            t["second"] = numpy.arange(3)
            t["first"] = numpy.arange(2)
            del t
            f["refs"] = numpy.array([f["d"].ref, f["g"].ref], dtype=h5py.ref_dtype)
            f["g"].attrs["strs"] = ["x", "yy"]
        """;

    private static void WeWrite(string path)
    {
        using var f = H5File.Create(path);
        f.Attrs.Set("f64", 1.5);
        f.Attrs.Set("i32", 7);
        f.Attrs.Set("title", "hello");
        f.Attrs.Set("arr", new[] { 1.0, 2, 3 });
        f.Attrs.SetFixedString("fixed", "abc", 8);
        using (f.CreateGroup("g")) { }
        using (f.CreateGroup("été")) { }
        using (f.Add("d", Enumerable.Range(0, 100).Select(i => (double)i).ToArray())) { }
        using (f.Add("i2", new[,] { { 1, 2, 3 }, { 4, 5, 6 } })) { }
        using (var c = f.Add("c", Enumerable.Range(0, 1000).Select(i => (float)i).ToArray(),
                   new H5DatasetOptions { Chunks = [100] }.With(H5Filter.Shuffle(), H5Filter.Deflate(4)).WithFillValue(-1f)))
            c.Attrs.Set("units", "m");
        using (f.Add("r", new long[] { 1, 2, 3 }, new H5DatasetOptions { MaxShape = [H5Dataset.Unlimited] })) { }
        using (f.Add("s", ["a", "bb", "ccc"])) { }
        using (f.Add("sf", ["a", "bb", "ccc"], 4)) { }
        using (f.CreateScalarDataset("sc", 2.5)) { }
        using (f.CreateScalarDataset("ss", "text")) { }
        using (f.Add("z", Enumerable.Range(0, 10).Select(i => (long)i).ToArray(), new H5DatasetOptions().With(H5Filter.Lzf()))) { }
        using (f.Add("b", new[] { true, false, true })) { }
        using (f.Add("h", new[] { (Half)1.5, (Half)(-2) })) { }
        using (f.Add("u8", new byte[] { 0, 1, 2, 3, 4 })) { }
        using (f.Add("e", Array.Empty<double>())) { }
        var gz = new short[200, 300];
        for (int i = 0; i < 200; i++) for (int j = 0; j < 300; j++) gz[i, j] = (short)(i * 300 + j);
        using (f.Add("gz2", gz, new H5DatasetOptions().With(H5Filter.Deflate(4), H5Filter.Fletcher32()))) { }
        using (var t = f.CreateGroup("t", trackOrder: true))
        {
            t.Attrs.Set("b_attr", 1.0);
            t.Attrs.Set("a_attr", 2.0);
            using (t.Add("second", new long[] { 0, 1, 2 })) { }
            using (t.Add("first", new long[] { 0, 1 })) { }
        }
        using var d = f.OpenDataset("d");
        using var g = f.OpenGroup("g");
        using (f.Add("refs", new[] { d.Reference, g.Reference })) { }
        g.Attrs.Set("strs", new[] { "x", "yy" });
    }

    // Per object: address, message count, header size; per link and attribute: character set; per filter: id and flags.
    private const string DescribeLayout = """
        import sys
        from h5py import h5o, h5a
        f = h5py.File(sys.argv[1], "r")
        objects, names, filters = [], [], []
        def describe(name, obj):
            i = h5o.get_info(obj.id)
            objects.append([name, i.addr, i.hdr.nmesgs, i.hdr.space.total])
            for a in obj.attrs:
                names.append(["@" + name + "/" + a, h5a.get_info(obj.id, a.encode()).cset])
            if isinstance(obj, h5py.Group):
                for link in obj.id:
                    names.append([name + "/" + link.decode(), obj.id.links.get_info(link).cset])
            if isinstance(obj, h5py.Dataset):
                pl = obj.id.get_create_plist()
                filters.append([name, [[pl.get_filter(k)[0], pl.get_filter(k)[1], pl.get_filter(k)[3].decode()] for k in range(pl.get_nfilters())],
                                pl.get_fill_time(), pl.get_alloc_time()])
        describe("", f)
        f.visititems(describe)
        print(json.dumps({"objects": sorted(objects), "names": sorted(names), "filters": sorted(filters)}))
        """;

    [Fact]
    public void SameContent_WrittenByH5pyAndByUs_GivesTheSameH5dumpHeaderAndObjectLayout()
    {
        var theirs = Files.NewPath("h5py.h5");
        var ours = Files.NewPath("ours.h5");
        Peers.RunPython(H5pyWrites, theirs);
        WeWrite(ours);

        static string Header(string path) => string.Join('\n', Peers.H5Dump("-p", "-H", path).Split('\n').Skip(1)); // line 1 names the file
        Assert.Equal(Header(theirs), Header(ours));

        var expected = Peers.PythonJson(DescribeLayout, theirs);
        var actual = Peers.PythonJson(DescribeLayout, ours);
        foreach (var part in new[] { "objects", "names", "filters" })
            Assert.Equal(expected.GetProperty(part).GetRawText(), actual.GetProperty(part).GetRawText());
        Assert.Equal(new FileInfo(theirs).Length, new FileInfo(ours).Length);
    }

    [Fact]
    public void Names_AsciiOnesAreStoredAsAscii_OthersAsUtf8_AndH5pyReadsThemBack()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using (var g = f.CreateGroup("plain")) g.Attrs.Set("größe", 1.0);
            using (f.CreateGroup("übung/inner")) { }
            using (f.Add("data", new[] { 1, 2 })) { }
            using (f.Add("daten_ä", new[] { 3, 4 })) { }
            f.Attrs.Set("ascii", 1);
        }
        var json = Peers.PythonJson("""
            import sys
            from h5py import h5a
            f = h5py.File(sys.argv[1], "r")
            cs = lambda g, n: g.id.links.get_info(n.encode()).cset
            print(json.dumps({"plain": cs(f, "plain"), "übung": cs(f, "übung"), "inner": cs(f["übung"], "inner"),
                              "data": cs(f, "data"), "daten_ä": cs(f, "daten_ä"),
                              "attr_ascii": h5a.get_info(f.id, b"ascii").cset,
                              "attr_utf8": h5a.get_info(f["plain"].id, "größe".encode()).cset,
                              "keys": sorted(f.keys()), "attrs": list(f["plain"].attrs.keys()), "values": f["daten_ä"][()].tolist()}))
            """, path);
        const int ascii = 0, utf8 = 1;
        Assert.Equal(ascii, json.GetProperty("plain").GetInt32());
        Assert.Equal(ascii, json.GetProperty("data").GetInt32());
        Assert.Equal(ascii, json.GetProperty("attr_ascii").GetInt32());
        Assert.Equal(utf8, json.GetProperty("inner").GetInt32());
        Assert.Equal(ascii, json.GetProperty("übung").GetInt32()); // libhdf5 marks intermediate groups ASCII, for h5py's create_group too
        Assert.Equal(utf8, json.GetProperty("daten_ä").GetInt32());
        Assert.Equal(utf8, json.GetProperty("attr_utf8").GetInt32());
        Assert.Equal(["data", "daten_ä", "plain", "übung"], json.GetProperty("keys").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["größe"], json.GetProperty("attrs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([3, 4], json.GetProperty("values").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void FillTime_IsAllocForChunkedDatasets_IfSetOtherwise_OrWhatWasAsked_AndResizedChunksReadTheFillValue()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using (var grow = f.Add("grow", new[] { 1.0, 2.0 }, new H5DatasetOptions { MaxShape = [H5Dataset.Unlimited], Chunks = [4] }.WithFillValue(-7.0)))
            {
                Assert.Equal(H5FillTime.Alloc, grow.FillTime);
                grow.Resize([9]);
                Assert.Equal([1.0, 2.0, -7, -7, -7, -7, -7, -7, -7], grow.Read<double>());
            }
            using (var plain = f.Add("plain", new[] { 1.0 })) Assert.Equal(H5FillTime.IfSet, plain.FillTime);
            using (var never = f.Add("never", new[] { 1.0 }, new H5DatasetOptions { Chunks = [1], FillTime = H5FillTime.Never }))
                Assert.Equal(H5FillTime.Never, never.FillTime);
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], "r")
            ft = lambda n: f[n].id.get_create_plist().get_fill_time()
            print(json.dumps({"grow": ft("grow"), "plain": ft("plain"), "never": ft("never"), "values": f["grow"][()].tolist()}))
            """, path);
        Assert.Equal(0, json.GetProperty("grow").GetInt32());  // h5d.FILL_TIME_ALLOC
        Assert.Equal(2, json.GetProperty("plain").GetInt32()); // h5d.FILL_TIME_IFSET
        Assert.Equal(1, json.GetProperty("never").GetInt32()); // h5d.FILL_TIME_NEVER
        Assert.Equal([1.0, 2.0, -7, -7, -7, -7, -7, -7, -7], json.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void FilterFlags_AreThoseH5pyStores_OptionalForCompressorsAndShuffle_MandatoryForFletcher32()
    {
        Assert.True(H5Filter.Deflate(4).Optional);
        Assert.True(H5Filter.Shuffle().Optional);
        Assert.True(H5Filter.Lzf().Optional);
        Assert.True(H5Filter.Zstd(3).Optional);
        Assert.True(H5Filter.Custom(32004, 0).Optional);
        Assert.False(H5Filter.Fletcher32().Optional);
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], "w") as f:
                f.create_dataset("x", data=numpy.arange(100.0), shuffle=True, compression="gzip", fletcher32=True)
            """, path);
        using var file = H5File.Open(path);
        using var x = file.OpenDataset("x");
        Assert.Equal([(H5Filter.Shuffle().Id, true), (H5Filter.Deflate().Id, true), (H5Filter.Fletcher32().Id, false)],
            x.Filters.Select(f => (f.Id, f.Optional)));
        Assert.Equal(H5Filter.Deflate(4), x.Filters[1]);
    }
}
