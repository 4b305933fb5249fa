using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

[H5File]
public partial class Logbook
{
    [H5Attribute("station")] public string Station { get; set; } = "";
    [H5Dataset("log", Chunks = new long[] { 4 }, MaxShape = new long[] { -1 })] public List<double> Log { get; set; } = [];
    [H5Dataset("grid", Chunks = new long[] { 2, 2 }, MaxShape = new long[] { -1, 2 })] public int[,] Grid { get; set; } = new int[0, 2];
    [H5Dataset("note")] public string? Note { get; set; }
}

/// <summary>Save writes only what changed, into the objects already in the file: unchanged datasets are not written,
/// rows added to unlimited datasets are appended, a recreated dataset keeps its attributes and attachments, and objects
/// the mapping does not know (an h5py-added dataset attached to a mapped scale) stay as they were.</summary>
public sealed class SaveInPlaceTests : H5TestBase
{
    private const string AddForeignDataset = """
        import sys
        f = h5py.File(sys.argv[1], 'r+')
        d = f.create_dataset('extra/pressure', data=numpy.arange(3.0))
        d.dims[0].attach_scale(f['axes/time'])
        d.attrs['units'] = 'dbar'
        f['axes/time'].attrs['axis'] = 'T'
        f['ctd/temperature'].attrs['comment'] = 'kept'
        f.close()
        """;

    private const string Inspect = """
        import sys
        f = h5py.File(sys.argv[1], 'r')
        def addr(n): return h5py.h5o.get_info(f[n].id).addr
        print(json.dumps({
          'attached': bool(h5py.h5ds.is_attached(f['extra/pressure'].id, f['axes/time'].id, 0)),
          'scale_of': [s.name for s in f['extra/pressure'].dims[0].values()],
          'units': f['extra/pressure'].attrs['units'], 'axis': f['axes/time'].attrs['axis'],
          'time': f['axes/time'][()].tolist(), 'ctd': f['ctd/temperature'][()].tolist(), 'salinity': f['ctd/salinity'][()].tolist(),
          'comment': f['ctd/temperature'].attrs.get('comment', ''),
          'mapped_attached': bool(h5py.h5ds.is_attached(f['ctd/temperature'].id, f['axes/time'].id, 0)),
          'addr': [addr('ctd/temperature'), addr('ctd/salinity'), addr('axes/time')]}))
        """;

    [Fact]
    public void Save_WritesOnlyChangedMembersInPlace_AndKeepsAnH5pyDatasetAttachedToAMappedScale()
    {
        var path = Files.NewPath();
        CrossClassLinkTests.Sample().Write(path);
        Peers.RunPython(AddForeignDataset, path);
        var before = Peers.PythonJson(Inspect, path);
        using (var view = Expedition.Open(path, writable: true))
        {
            // Written behind the mapping's back: a save that rewrote this unchanged member would put the old values back.
            using (var direct = view.File.OpenDataset("ctd/temperature")) direct.Write<double>(new double[,] { { -1, -1 }, { -1, -1 }, { -1, -1 } });
            view.Value.Ctd.Salinity[0] = 99;
            view.Save();
        }
        var after = Peers.PythonJson(Inspect, path);
        Assert.True(after.GetProperty("attached").GetBoolean());
        Assert.Equal(["/axes/time"], after.GetProperty("scale_of").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("dbar", after.GetProperty("units").GetString());
        Assert.Equal("T", after.GetProperty("axis").GetString());
        Assert.Equal("kept", after.GetProperty("comment").GetString());
        Assert.All(after.GetProperty("ctd").EnumerateArray().SelectMany(r => r.EnumerateArray()), v => Assert.Equal(-1, v.GetDouble()));
        Assert.Equal([99.0, 35.1f, 35.2f], after.GetProperty("salinity").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(before.GetProperty("addr").ToString(), after.GetProperty("addr").ToString()); // the same objects, written in place
        Assert.True(Expedition.Validate(path).IsValid);
    }

    [Fact]
    public void Save_OfAScaleThatMustBeRecreated_KeepsItsAttributesAndEveryAttachment()
    {
        var path = Files.NewPath();
        CrossClassLinkTests.Sample().Write(path);
        Peers.RunPython(AddForeignDataset, path);
        using (var view = Expedition.Open(path, writable: true))
        {
            view.Value.Time = [0, 1, 2, 3]; // a contiguous dataset cannot grow: it is recreated
            view.Value.Everywhere[2] = new(view.Value.Time, H5Region.Block([0], [2])); // the region names the new array
            view.Save();
        }
        var after = Peers.PythonJson(Inspect, path);
        Assert.Equal([0.0, 1, 2, 3], after.GetProperty("time").EnumerateArray().Select(e => e.GetDouble()));
        Assert.True(after.GetProperty("attached").GetBoolean());
        Assert.True(after.GetProperty("mapped_attached").GetBoolean());
        Assert.Equal(["/axes/time"], after.GetProperty("scale_of").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("T", after.GetProperty("axis").GetString());
        var reread = Expedition.Read(path);
        Assert.Equal([0.0, 1, 2, 3], reread.Time);
    }

    [Fact]
    public void Save_AppendsRowsAddedToUnlimitedDatasets_WithoutRewritingTheRowsRead()
    {
        var path = Files.NewPath();
        new Logbook { Station = "A", Log = [1, 2, 3], Grid = new[,] { { 1, 2 }, { 3, 4 } } }.Write(path);
        using (var view = Logbook.Open(path, writable: true))
        {
            using (var direct = view.File.OpenDataset("log")) direct[0].WriteScalar(-7.0); // the mapping still holds 1
            view.Value.Log.AddRange([4, 5]);
            var grid = new int[3, 2];
            Array.Copy(view.Value.Grid, grid, 4);
            grid[2, 0] = 5;
            grid[2, 1] = 6;
            view.Value.Grid = grid;
            view.Value.Note = "added";
            view.Save();
            view.Value.Note = null;
            view.Value.Station = "B";
            view.Save();
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps({'log': f['log'][()].tolist(), 'grid': f['grid'][()].tolist(), 'keys': sorted(f.keys()), 'station': f.attrs['station']}))
            """, path);
        Assert.Equal([-7.0, 2, 3, 4, 5], json.GetProperty("log").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1, 2, 3, 4, 5, 6], json.GetProperty("grid").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetInt32()));
        Assert.Equal(["grid", "log"], json.GetProperty("keys").EnumerateArray().Select(e => e.GetString())); // the nulled note is removed
        Assert.Equal("B", json.GetProperty("station").GetString());
    }

    [Fact]
    public void ALazyMemberOfAWritableView_Appends_AsH5pySees()
    {
        var path = Files.NewPath();
        Peers.RunPython("import sys\nf = h5py.File(sys.argv[1], 'w'); f.attrs['title'] = 't'; f.create_dataset('big', data=numpy.arange(4.0), maxshape=(None,), chunks=(4,))", path);
        using (var view = LazyView.Open(path, writable: true))
        {
            view.Value.Big!.Append([4.0, 5.0]);
            view.Value.Title = "grown";
            view.Save();
        }
        var json = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1], 'r')\nprint(json.dumps([f['big'][()].tolist(), f.attrs['title']]))", path);
        Assert.Equal([0.0, 1, 2, 3, 4, 5], json[0].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("grown", json[1].GetString());
    }
}
