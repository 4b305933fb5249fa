using System.Reflection;
using Hdf5.Mapping.Design.Scaffolding;
using Hdf5.Mapping.Schema;
using Hdf5.Mapping.Tests.Infrastructure;
using static Hdf5.Mapping.Tests.Scaffolding.ScaffoldRoundTrip;

namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>
/// Scaffolds classes from h5py-written files, compiles them with Roslyn and the generator (as a user's build would),
/// reads the file with them and compares every dataset and attribute value with h5py's reading of the same file;
/// then writes the object back and lets h5py compare the two files' storage, types, scales and values.
/// </summary>
public sealed class ScaffoldingTests : H5TestBase
{
    [Fact]
    public void AFileWithEveryKindOfObject_ScaffoldsCompilesAndReadsBackEveryValue()
    {
        var path = Files.NewPath("kitchen.h5");
        Peers.RunPython(PeerFiles.KitchenSink, path);
        var s = ScaffoldAndCompile(path, new H5ScaffoldOptions { Namespace = "Scaffolded.Kitchen", RootClassName = "KitchenSink" });
        Assert.Empty(s.Result.Skipped);

        var sources = string.Join("\n", s.Result.Files.Select(f => f.Source));
        // HDF5 names are kept in the attributes, C# names follow C# conventions.
        Assert.Contains("[H5Dataset(\"signal\")]", sources);
        Assert.Contains("[H5Field(\"Temp K\")]", sources);
        Assert.Contains("public float TempK;", sources);
        Assert.Contains("[H5Field(\"code\", FixedLength = 4)]\n    public string Code;", sources); // a record: strings and sequences
        Assert.Contains("public double[] Samples;", sources);
        Assert.Contains("[H5Attribute(\"scale_factors\")]\n    public double[] ScaleFactors { get; set; } = [];", sources);
        Assert.Contains("[H5Attribute(\"institution\", FixedLength = 9)]", sources);
        Assert.Contains("[H5Dataset(\"codes\", FixedLength = 5)]", sources);
        Assert.Contains("[H5Dataset(\"packed\", Chunks = new long[] { 10 }, Shuffle = true, Filter = H5FilterKind.Deflate, FilterLevel = 6)]", sources);
        Assert.Contains("MaxShape = new long[] { -1 }", sources);
        Assert.Contains("FillValue = -9999", sources);
        Assert.Contains("Layout = H5DatasetLayout.Compact", sources);
        Assert.Contains("[DimensionScale(\"time\")]", sources);
        Assert.Contains("[AttachScale(0, nameof(Time), Label = \"t\")]", sources);
        Assert.Contains("[H5Dataset(\"regions\", RegionOf = nameof(Data))]\n    public H5Region[] Regions", sources);
        Assert.Contains("[H5Reference(\"objects\")]\n    public object[] Objects { get; set; } = [];", sources);
        Assert.Contains("public enum ColorKind : sbyte", sources);
        Assert.Contains("    RED = 0,", sources);
        Assert.Contains("public System.Half[] F2", sources);
        Assert.Contains("public long Answer { get; set; }", sources);
        Assert.Contains("public string Comment { get; set; } = \"\";", sources);

        var copy = AssertReadsValidatesAndWritesBack(s, path);
        AssertSameValues(Read(s.Root, copy), copy);
    }

    private string AssertReadsValidatesAndWritesBack(ScaffoldRoundTrip.Scaffolded s, string path)
    {
        var copy = Files.NewPath("copy.h5");
        ScaffoldRoundTrip.AssertReadsValidatesAndWritesBack(s, path, copy);
        return copy;
    }

    [Fact]
    public void AnIcesat2LikeProduct_ScaffoldsOneClassPerLayout_AndReadsBackEveryValue()
    {
        var path = Files.NewPath("atl03.h5");
        Peers.RunPython(PeerFiles.IceSat2Like, path);
        var s = ScaffoldAndCompile(path, new H5ScaffoldOptions { Namespace = "Scaffolded.Atl03", RootClassName = "Atl03" });
        Assert.Empty(s.Result.Skipped);

        // Groups of one layout share a class: six heights and six geolocation groups. The strong and weak beams differ in the
        // fixed length of one string attribute ("strong" vs "weak"), so they get a class each.
        var names = s.Result.Files.Select(f => f.FileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["AcquisitionInformation.cs", "Anc19.cs", "AncillaryData.cs", "Atl03.cs", "DatasetIdentification.cs", "Geolocation.cs", "Gt1l.cs",
            "Gt1r.cs", "Heights.cs", "Lidar.cs", "Lineage.cs", "Metadata.cs", "OrbitInfo.cs", "Platform.cs"], names);
        var heights = s.Result.Files.Single(f => f.FileName == "Heights.cs").Source;
        Assert.Contains("/// <summary>Photon WGS84 Height of each received photon.</summary>", heights);
        Assert.Contains("[H5Attribute(\"standard_name\", On = nameof(HPh), FixedLength = 6)]\n    public string HPhStandardName { get; set; } = \"\";", heights);
        Assert.Contains("[AttachScale(0, nameof(DeltaTime))]", heights);
        Assert.Contains("public sbyte[,] SignalConfPh", heights);
        Assert.Contains("The groups <c>/gt1l/heights</c>, <c>/gt1r/heights</c>", heights);
        var root = s.Result.Files.Single(f => f.FileName == "Atl03.cs").Source;
        Assert.Contains("public Gt1l Gt3l { get; set; } = new();", root);
        Assert.Contains("public Gt1r Gt3r { get; set; } = new();", root);

        AssertReadsValidatesAndWritesBack(s, path);
    }

    [Fact]
    public void LargeDatasets_CanBeLazy_AndASubsetOfPathsCanBeScaffolded()
    {
        var path = Files.NewPath("atl03.h5");
        Peers.RunPython(PeerFiles.IceSat2Like, path);
        var s = ScaffoldAndCompile(path, new H5ScaffoldOptions
        {
            Namespace = "Scaffolded.Subset", RootClassName = "Beam", LazyAboveBytes = 1000, Paths = ["/gt2r/heights", "orbit_info"],
        });
        var sources = string.Join("\n", s.Result.Files.Select(f => f.Source));
        // gt2r has 180 photons: lat_ph (1,440 bytes) is above the limit, h_ph (720 bytes) is not.
        Assert.Contains("public H5Dataset<double> LatPh { get; set; } = null!;", sources);
        Assert.Contains("public float[] HPh { get; set; } = [];", sources);
        Assert.DoesNotContain("Gt1l", sources);
        Assert.DoesNotContain("Metadata", sources);
        Assert.DoesNotContain("atlas_beam_type", sources); // the container group keeps only the path to the selection

        // Lazy members do not split groups of one layout but other lengths into several classes.
        var whole = H5Scaffolder.Scaffold(path, new H5ScaffoldOptions { Namespace = "Scaffolded.Lazy", LazyAboveBytes = 1000 });
        Assert.Equal(14, whole.Files.Count);

        var open = s.Root.GetMethod("Open", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [path, false])!;
        try
        {
            var value = open.GetType().GetProperty("Value")!.GetValue(open)!;
            var gt2r = value.GetType().GetProperty("Gt2r")!.GetValue(value)!;
            var heights = gt2r.GetType().GetProperty("Heights")!.GetValue(gt2r)!;
            var lat = (H5Dataset<double>)heights.GetType().GetProperty("LatPh")!.GetValue(heights)!;
            var peer = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1]); print(json.dumps([float(x) for x in f['/gt2r/heights/lat_ph'][10:13]]))", path);
            Assert.Equal(peer.EnumerateArray().Select(e => e.GetDouble()), lat[10..13]);
            var orbit = value.GetType().GetProperty("OrbitInfo")!.GetValue(value)!;
            Assert.Equal(new ushort[] { 3280 }, (ushort[])orbit.GetType().GetProperty("OrbitNumber")!.GetValue(orbit)!);
        }
        finally
        {
            ((IDisposable)open).Dispose();
        }
    }

    /// <summary>h5py compares two files object by object: links, dtypes (string kinds included), shapes, layouts, chunks,
    /// filters, max shapes, fill values, scales and their attachments and labels, attributes and values. Prints one line per difference.</summary>
    public const string CompareFiles = """
import sys
import faulthandler; faulthandler.enable()
a, b = h5py.File(sys.argv[1], 'r'), h5py.File(sys.argv[2], 'r')
skip = {'CLASS', 'NAME', 'DIMENSION_LIST', 'REFERENCE_LIST', 'DIMENSION_LABELS'}
out = []
def kind(dt):
    s = h5py.check_string_dtype(dt)
    if s is not None: return ('string', s.length)
    if h5py.check_enum_dtype(dt) is not None: return ('enum', dt.itemsize, sorted(h5py.check_enum_dtype(dt).items()))
    if dt.names: return ('compound', sorted((n, kind(dt.fields[n][0])) for n in dt.names))
    v = h5py.check_vlen_dtype(dt)
    if v is not None: return ('vlen', kind(v))
    r = h5py.check_dtype(ref=dt)
    if r is not None: return ('ref', r.__name__)
    return (dt.kind, dt.itemsize)
def canon(v, f):
    if isinstance(v, h5py.RegionReference):
        return None if not v else (f[v].name, str(h5py.h5r.get_region(v, f.id).get_select_hyper_blocklist().tolist()))
    if isinstance(v, h5py.Reference): return f[v].name if v else None
    if isinstance(v, numpy.ndarray): return [canon(x, f) for x in v.tolist()] if v.dtype.kind in 'OV' else v.tolist()
    if isinstance(v, (list, tuple)): return [canon(x, f) for x in v]
    if isinstance(v, bytes): return v.decode()
    if isinstance(v, numpy.generic): return v.tolist()
    return v
def attrs(x, y, path):
    ka, kb = set(x.attrs) - skip, set(y.attrs) - skip
    if ka != kb: out.append(f'{path}: attributes {sorted(ka)} vs {sorted(kb)}')
    for k in ka & kb:
        if kind(x.attrs.get_id(k).dtype) != kind(y.attrs.get_id(k).dtype): out.append(f'{path}@{k}: type {kind(x.attrs.get_id(k).dtype)} vs {kind(y.attrs.get_id(k).dtype)}')
        if x.attrs.get_id(k).shape != y.attrs.get_id(k).shape: out.append(f'{path}@{k}: shape {x.attrs.get_id(k).shape} vs {y.attrs.get_id(k).shape}')
        if canon(x.attrs[k], a) != canon(y.attrs[k], b): out.append(f'{path}@{k}: {x.attrs[k]!r} vs {y.attrs[k]!r}')
def fill(d):  # h5py 3.7 crashes reading the fill value of string and reference datasets: numbers only
    return d.fillvalue.tolist() if d.dtype.kind in 'iufb' and not d.dtype.names else None
def compare(name, x):
    path = '/' + name
    if path not in b: out.append(f'{path}: missing in the copy'); return
    y = b[path]
    attrs(x, y, path)
    if not isinstance(x, h5py.Dataset): return
    checks = {'type': (kind(x.dtype), kind(y.dtype)), 'shape': (x.shape, y.shape), 'chunks': (x.chunks, y.chunks),
              'compression': ((x.compression, x.compression_opts), (y.compression, y.compression_opts)), 'shuffle': (x.shuffle, y.shuffle),
              'maxshape': (x.maxshape, y.maxshape), 'fillvalue': (fill(x), fill(y)), 'is_scale': (h5py.h5ds.is_scale(x.id), h5py.h5ds.is_scale(y.id)),
              'layout': (x.id.get_create_plist().get_layout(), y.id.get_create_plist().get_layout()),
              'labels': ([d.label for d in x.dims], [d.label for d in y.dims]),
              'scales': ([[s.name for s in d.values()] for d in x.dims], [[s.name for s in d.values()] for d in y.dims]),
              'values': (canon(x[()], a), canon(y[()], b))}
    for what, (p, q) in checks.items():
        if p != q and repr(p) != repr(q): out.append(f'{path}: {what} {p!r} vs {q!r}')  # repr: NaN equals NaN
a.visititems(compare)
attrs(a, b, '/')
extra = []
b.visit(lambda n: extra.append(n) if '/' + n not in a else None)
for n in extra: out.append(f'/{n}: only in the copy')
print('\n'.join(out))
""";
}
