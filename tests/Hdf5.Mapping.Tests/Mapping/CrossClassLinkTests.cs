using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

/// <summary>A file whose members point into other classes: scales of the root attached to datasets of child groups
/// (by a nameof chain from the [H5File] class and by a path), regions of a child's dataset named by a chain from the
/// root, and regions of several datasets as H5MappedRegion values.</summary>
[H5File]
public partial class Expedition
{
    [H5Dataset("axes/time"), DimensionScale("time")] public double[] Time { get; set; } = [];
    [H5Dataset("axes/depth"), DimensionScale("depth")] public double[] Depth { get; set; } = [];
    [H5Group("ctd")] public Cast Ctd { get; set; } = new();
    [H5Group("adcp")] public Cast Adcp { get; set; } = new();
    [H5Dataset("highlights", RegionOf = nameof(Ctd.Temperature))] public H5Region[] Highlights { get; set; } = [];
    [H5Reference("regrefs/all")] public H5MappedRegion[] Everywhere { get; set; } = [];
    [H5Reference("objrefs/casts")] public Cast[] Casts { get; set; } = [];
}

[H5Group]
public partial class Cast
{
    [H5Dataset("temperature")]
    [AttachScale(0, nameof(Expedition.Time), Label = "t"), AttachScale(1, "/axes/depth", Label = "z")]
    public double[,] Temperature { get; set; } = new double[0, 0];
    [H5Dataset("salinity"), AttachScale(0, nameof(Expedition.Time))] public float[] Salinity { get; set; } = [];
}

public sealed class CrossClassLinkTests : H5TestBase
{
    internal static Expedition Sample()
    {
        var e = new Expedition
        {
            Time = [0, 1, 2],
            Depth = [5, 10],
            Ctd = new Cast { Temperature = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, Salinity = [35, 35.1f, 35.2f] },
            Adcp = new Cast { Temperature = new double[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } }, Salinity = [34, 34.1f, 34.2f] },
            Highlights = [H5Region.Block([1, 0], [2, 1]), H5Region.Points(new long[,] { { 0, 1 } })],
        };
        e.Everywhere = [new(e.Adcp.Temperature, H5Region.Block([0, 1], [3, 1])), new(e.Ctd.Salinity, H5Region.Block([2], [1])), new(e.Time, H5Region.Block([0], [2]))];
        e.Casts = [e.Adcp, e.Ctd];
        return e;
    }

    [Fact]
    public void ScalesRegionsAndReferencesAcrossClasses_AreWhatH5pyReads_AndReadBackAsTheSameInstances()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            t, z = f['axes/time'], f['axes/depth']
            out = {'attached': [bool(h5py.h5ds.is_attached(f[g + '/' + d].id, s.id, i)) for g in ['ctd', 'adcp']
                                for d, s, i in [('temperature', t, 0), ('temperature', z, 1), ('salinity', t, 0)]],
                   'labels': [f['ctd/temperature'].dims[0].label, f['ctd/temperature'].dims[1].label],
                   'scale_of': [f['adcp/salinity'].dims[0][0].name],
                   'highlights': [[f[r].name, numpy.ravel(f[r][r]).tolist()] for r in f['highlights'][()]],
                   'everywhere': [[f[r].name, numpy.ravel(f[r][r]).tolist()] for r in f['regrefs/all'][()]],
                   'casts': [f[r].name for r in f['objrefs/casts'][()]]}
            print(json.dumps(out))
            """, path);
        Assert.All(json.GetProperty("attached").EnumerateArray(), a => Assert.True(a.GetBoolean()));
        Assert.Equal(["t", "z"], json.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/axes/time", json.GetProperty("scale_of")[0].GetString());
        var highlights = json.GetProperty("highlights");
        Assert.Equal("/ctd/temperature", highlights[0][0].GetString());
        Assert.Equal([3.0, 5.0], highlights[0][1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([2.0], highlights[1][1].EnumerateArray().Select(e => e.GetDouble()));
        var everywhere = json.GetProperty("everywhere");
        Assert.Equal(["/adcp/temperature", "/ctd/salinity", "/axes/time"], everywhere.EnumerateArray().Select(e => e[0].GetString()));
        Assert.Equal([8.0, 10, 12], everywhere[0][1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["/adcp", "/ctd"], json.GetProperty("casts").EnumerateArray().Select(e => e.GetString()));

        var back = Expedition.Read(path);
        Assert.Equal(H5Region.Block([1, 0], [2, 1]), back.Highlights[0]);
        Assert.Same(back.Adcp.Temperature, back.Everywhere[0].Dataset);
        Assert.Same(back.Ctd.Salinity, back.Everywhere[1].Dataset);
        Assert.Same(back.Time, back.Everywhere[2].Dataset);
        Assert.Equal(H5Region.Block([0, 1], [3, 1]), back.Everywhere[0].Region);
        Assert.Same(back.Adcp, back.Casts[0]);
        Assert.Same(back.Ctd, back.Casts[1]);
        Assert.True(Expedition.Validate(path).IsValid);
    }

    [Fact]
    public void AttachmentsH5pyMakes_AreCheckedByTheSchema_AndAMissingOneIsReported()
    {
        // h5py builds the same layout, attaching the scales itself; our schema accepts it, then flags the one it drops.
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'w')
            t = f.create_dataset('axes/time', data=[0.0, 1, 2]); t.make_scale('time')
            z = f.create_dataset('axes/depth', data=[5.0, 10]); z.make_scale('depth')
            for g in ['ctd', 'adcp']:
                d = f.create_dataset(g + '/temperature', data=numpy.zeros((3, 2)))
                d.dims[0].attach_scale(t); d.dims[0].label = 't'; d.dims[1].attach_scale(z); d.dims[1].label = 'z'
                s = f.create_dataset(g + '/salinity', data=numpy.zeros(3, dtype='f4')); s.dims[0].attach_scale(t)
            rt = f['ctd/temperature']
            f.create_dataset('highlights', data=[rt.regionref[1:3, 0]], dtype=h5py.regionref_dtype)
            f.create_dataset('regrefs/all', data=[rt.regionref[0:1, 0:1]], dtype=h5py.regionref_dtype)
            f.create_dataset('objrefs/casts', data=[f['adcp'].ref], dtype=h5py.ref_dtype)
            f.close()
            """, path);
        Assert.True(Expedition.Validate(path).IsValid, Expedition.Validate(path).ToString());
        var back = Expedition.Read(path);
        Assert.Same(back.Ctd.Temperature, back.Everywhere[0].Dataset);
        Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r+')
            f['adcp/salinity'].dims[0].detach_scale(f['axes/time'])
            """, path);
        var difference = Assert.Single(Expedition.Validate(path).Errors);
        Assert.Equal(Hdf5.Mapping.Schema.H5DifferenceKind.UnattachedScale, difference.Kind);
        Assert.Equal("/adcp/salinity", difference.Path);
    }

    [Fact]
    public void AReferenceToAnArrayStoredTwice_IsRefused_NamingBothPaths()
    {
        var path = Files.NewPath();
        var e = Sample();
        e.Adcp.Salinity = e.Ctd.Salinity; // one array in two members: a reference to it would be ambiguous
        e.Everywhere = [new(e.Ctd.Salinity, H5Region.Block([0], [1]))];
        var failure = Assert.Throws<H5MappingException>(() => e.Write(path));
        Assert.Equal("/regrefs/all", failure.Path);
        Assert.Contains("'/ctd/salinity' and '/adcp/salinity'", failure.Message);
        Assert.False(File.Exists(path));
    }
}
