using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

/// <summary>A mapped file whose members point at each other: dimension scales, region references into a mapped
/// dataset, object references to mapped groups and datasets, plus the storage options of [H5Dataset].</summary>
[H5File]
public partial class Campaign
{
    [H5Dataset("time"), DimensionScale("Time")] public double[] Time { get; set; } = [];
    [H5Dataset("channel"), DimensionScale("Channel")] public int[] Channel { get; set; } = [];

    [H5Dataset("signal", Chunks = new long[] { 2, 4 }, MaxShape = new long[] { -1, 4 }, Filter = H5FilterKind.Deflate, FilterLevel = 3)]
    [AttachScale(0, nameof(Time), Label = "t"), AttachScale(1, nameof(Channel), Label = "ch")]
    public double[,] Signal { get; set; } = new double[0, 0];

    [H5Dataset("mask", Layout = H5DatasetLayout.Compact, FillValue = -1)] public short[] Mask { get; set; } = [];

    [H5Dataset("regrefs/rrefs", RegionOf = nameof(Signal))] public H5Region[] Regions { get; set; } = [];

    [H5Group("probe")] public Probe Probe { get; set; } = new();
    [H5Group("spares")] public List<Probe> Spares { get; set; } = [];

    [H5Reference("objrefs/refs")] public object[] Refs { get; set; } = [];
    [H5Reference("objrefs/best")] public Probe? Best { get; set; }
}

[H5Group]
public partial class Probe
{
    [H5Attribute("serial")] public string Serial { get; set; } = "";
    [H5Dataset("gain")] public float[] Gain { get; set; } = [];
    [H5Reference("home")] public Campaign? Home { get; set; }
}

public sealed class LinkedMappingTests : H5TestBase
{
    private static Campaign Sample()
    {
        var c = new Campaign
        {
            Time = [0.0, 0.5, 1.0],
            Channel = [10, 20, 30, 40],
            Signal = new double[,] { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } },
            Mask = [1, 0, 1],
            Regions =
            [
                H5Region.Block([0, 1], [2, 2]),
                H5Region.Points(new long[,] { { 2, 3 }, { 0, 0 } }),
                H5Region.Blocks([([0, 0], [1, 1]), ([2, 2], [1, 2])]),
            ],
            Probe = new Probe { Serial = "P-1", Gain = [1.5f, 2.5f] },
            Spares = [new Probe { Serial = "S-0", Gain = [0.25f] }],
        };
        c.Refs = [c.Signal, c.Probe, c.Spares[0].Gain, c.Spares[0]];
        c.Best = c.Spares[0];
        c.Probe.Home = c;
        return c;
    }

    [Fact]
    public void LinkedMembers_AreWhatH5pyReads()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            s = f['signal']
            rr = f['regrefs/rrefs'][()]
            out = {
              'is_scale': [bool(h5py.h5ds.is_scale(f['time'].id)), bool(h5py.h5ds.is_scale(f['channel'].id)), bool(h5py.h5ds.is_scale(s.id))],
              'scale_names': [h5py.h5ds.get_scale_name(f['time'].id).decode(), h5py.h5ds.get_scale_name(f['channel'].id).decode()],
              'dims': [[d.label, [sc.name for sc in d.values()]] for d in s.dims],
              'dim0_data': s.dims[0][0][()].tolist(),
              'maxshape': [-1 if m is None else m for m in s.maxshape], 'chunks': list(s.chunks), 'compression': [s.compression, s.compression_opts],
              'mask_layout': f['mask'].id.get_create_plist().get_layout(), 'mask_fill': int(f['mask'].fillvalue), 'mask': f['mask'][()].tolist(),
              'regions': [f[r].name for r in rr] + [s[r].tolist() for r in rr],
              'refs': [f[r].name for r in f['objrefs/refs'][()]],
              'best': f[f['objrefs/best'][()]].name,
              'home': f[f['probe/home'][()]].name,
            }
            print(json.dumps(out))
            """, path);
        Assert.Equal([true, true, false], json.GetProperty("is_scale").EnumerateArray().Select(e => e.GetBoolean()));
        Assert.Equal(["Time", "Channel"], json.GetProperty("scale_names").EnumerateArray().Select(e => e.GetString()));
        var dims = json.GetProperty("dims");
        Assert.Equal("t", dims[0][0].GetString());
        Assert.Equal(["/time"], dims[0][1].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("ch", dims[1][0].GetString());
        Assert.Equal(["/channel"], dims[1][1].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0.0, 0.5, 1.0], json.GetProperty("dim0_data").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([-1, 4], json.GetProperty("maxshape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([2, 4], json.GetProperty("chunks").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("gzip", json.GetProperty("compression")[0].GetString());
        Assert.Equal(3, json.GetProperty("compression")[1].GetInt32());
        Assert.Equal(0, json.GetProperty("mask_layout").GetInt32()); // H5D_COMPACT
        Assert.Equal(-1, json.GetProperty("mask_fill").GetInt32());
        Assert.Equal([1, 0, 1], json.GetProperty("mask").EnumerateArray().Select(e => e.GetInt32()));
        var regions = json.GetProperty("regions");
        Assert.Equal("/signal", regions[0].GetString());
        Assert.Equal("[[2.0,3.0],[6.0,7.0]]", regions[3].GetRawText().Replace(" ", ""));   // rows 0..1, columns 1..2
        Assert.Equal("[12.0,1.0]", regions[4].GetRawText().Replace(" ", ""));              // points in the order given
        Assert.Equal("[1.0,11.0,12.0]", regions[5].GetRawText().Replace(" ", ""));         // two blocks, row-major
        Assert.Equal(["/signal", "/probe", "/spares/0/gain", "/spares/0"], json.GetProperty("refs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/spares/0", json.GetProperty("best").GetString());
        Assert.Equal("/", json.GetProperty("home").GetString());
    }

    [Fact]
    public void LinkedMembers_ReadBackAsTheSameObjectGraph()
    {
        var path = Files.NewPath();
        var written = Sample();
        written.Write(path);
        var read = Campaign.Read(path);
        Assert.Equal(written.Regions, read.Regions);
        Assert.Equal(4, read.Refs.Length);
        Assert.Same(read.Signal, read.Refs[0]);
        Assert.Same(read.Probe, read.Refs[1]);
        Assert.Same(read.Spares[0].Gain, read.Refs[2]);
        Assert.Same(read.Spares[0], read.Refs[3]);
        Assert.Same(read.Spares[0], read.Best);
        Assert.Same(read, read.Probe.Home);
        Assert.Null(read.Spares[0].Home);
        Assert.Equal(written.Signal, read.Signal);
    }

    [Fact]
    public void RegionsAndReferencesThatH5pyWrote_ResolveToMappedObjects()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['time'] = [0.0, 1.0]
                f['channel'] = numpy.array([7, 8], dtype='i4')
                s = f.create_dataset('signal', data=numpy.arange(8.0).reshape(2, 4))
                f['mask'] = numpy.zeros(2, dtype='i2')
                p = f.create_group('probe'); p.attrs['serial'] = 'hp'; p['gain'] = numpy.array([3.0], dtype='f4')
                f.create_group('spares')
                f.create_dataset('regrefs/rrefs', data=[s.regionref[0:2, 1:3], s.regionref[1, ::2]], dtype=h5py.regionref_dtype)
                f.create_dataset('objrefs/refs', data=[p.ref, s.ref, p['gain'].ref], dtype=h5py.ref_dtype)
                f['objrefs/best'] = p.ref
                p['home'] = f.ref
            """, path);
        var read = Campaign.Read(path);
        Assert.Equal(H5Region.Block([0, 1], [2, 2]), read.Regions[0]);
        Assert.Equal(H5Region.Blocks([([1, 0], [1, 1]), ([1, 2], [1, 1])]), read.Regions[1]);
        Assert.Same(read.Probe, read.Refs[0]);
        Assert.Same(read.Signal, read.Refs[1]);
        Assert.Same(read.Probe.Gain, read.Refs[2]);
        Assert.Same(read.Probe, read.Best);
        Assert.Same(read, read.Probe.Home);
        using var file = H5File.Open(path, H5FileMode.ReadWrite); // a region reference's selection is stored in the file
        using var signal = file.OpenDataset("signal");
        Assert.Equal([1.0, 2.0, 5.0, 6.0], signal.ReadRegion<double>(signal.CreateRegionReference(read.Regions[0])));
        using var readOnly = H5File.Open(path);
        using var again = readOnly.OpenDataset("signal");
        Assert.Throws<H5ReadOnlyFileException>(() => again.CreateRegionReference(read.Regions[0]));
    }

    [Fact]
    public void AReferenceToAnObjectOutsideTheGraph_FailsWithThePath_AndLeavesNoFile()
    {
        var path = Files.NewPath();
        var c = Sample();
        c.Best = new Probe { Serial = "not stored" };
        var e = Assert.Throws<H5MappingException>(() => c.Write(path));
        Assert.Equal("/objrefs/best", e.Path);
        Assert.Contains("not stored by this mapping", e.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void AReferenceToAnUnmappedObject_FailsOnRead_WithThePath()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'r+') as f:
                f['extra'] = [1, 2]
                del f['objrefs/best']
                f['objrefs/best'] = f['extra'].ref
            """, path);
        var e = Assert.Throws<H5MappingException>(() => Campaign.Read(path));
        Assert.Equal("/objrefs/best", e.Path);
        Assert.Contains("'/extra'", e.Message);
    }

    [Fact]
    public void LiveView_KeepsTheFileOpen_AndSavesChangesInPlace()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        using (var view = Campaign.Open(path, writable: true))
        {
            Assert.True(view.File.IsOpen);
            view.Value.Probe.Serial = "P-2";
            view.Value.Mask = [4, 5, 6, 7];
            view.Value.Best = view.Value.Probe;
            view.Save();
        }
        var read = Campaign.Read(path);
        Assert.Equal("P-2", read.Probe.Serial);
        Assert.Equal([(short)4, 5, 6, 7], read.Mask);
        Assert.Same(read.Probe, read.Best);
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps([f['mask'][()].tolist(), f[f['objrefs/best'][()]].name, [sc.name for sc in f['signal'].dims[0].values()]]))
            """, path);
        Assert.Equal("[[4,5,6,7],\"/probe\",[\"/time\"]]", json.GetRawText().Replace(" ", ""));

        using var readOnly = Campaign.Open(path);
        Assert.Throws<H5ReadOnlyFileException>(readOnly.Save);
    }

    [Fact]
    public void MappedGraph_RoundTripsThroughMemory_AndH5pyReadsTheBytes()
    {
        byte[] image;
        using (var f = H5File.CreateInMemory())
        {
            Sample().WriteTo(f);
            image = f.GetImage();
        }
        var bin = Files.NewPath("image.bin");
        File.WriteAllBytes(bin, image);
        var json = Peers.PythonJson("""
            import sys, io
            f = h5py.File(io.BytesIO(open(sys.argv[1], 'rb').read()), 'r')
            print(json.dumps([f['probe'].attrs['serial'], f['signal'][()].tolist()[2], f[f['objrefs/best'][()]].name]))
            """, bin);
        Assert.Equal("P-1", json[0].GetString());
        Assert.Equal([9.0, 10, 11, 12], json[1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("/spares/0", json[2].GetString());

        using var back = H5File.OpenImage(image);
        var read = Campaign.ReadFrom(back);
        Assert.Equal("S-0", read.Spares[0].Serial);
        Assert.Same(read.Spares[0], read.Best);
    }

    [Fact]
    public void BadRegions_RaiseClearErrors_AndTheFileIsUnchanged()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => H5Region.Block([0, -1], [1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => H5Region.Block([0, 0], [1, 0]));
        Assert.Throws<ArgumentException>(() => H5Region.Blocks([([0, 0], [1, 1]), ([0], [1])]));
        Assert.Throws<ArgumentException>(() => H5Region.Points(new long[0, 2]));

        var path = Files.NewPath();
        Sample().Write(path);
        var before = Peers.H5Dump(path);
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        using (var signal = f.OpenDataset("signal"))
        using (var time = f.OpenDataset("time"))
        {
            var past = Assert.Throws<H5SelectionException>(() => signal.CreateRegionReference(H5Region.Block([2, 3], [2, 1])));
            Assert.Contains("reaches past dimension 0", past.Message);
            Assert.Throws<H5SelectionException>(() => signal.CreateRegionReference(H5Region.Block([0], [1])));
            Assert.Throws<H5SelectionException>(() => signal.CreateRegionReference(H5Region.Points(new long[,] { { 0, 4 } })));
            var other = Assert.Throws<ArgumentException>(() => time.GetRegion(signal.CreateRegionReference(H5Region.Block([0, 0], [1, 1]))));
            Assert.Contains("Region reference must point to this dataset", other.Message);
        }
        Assert.Equal(before, Peers.H5Dump(path));
    }
}
