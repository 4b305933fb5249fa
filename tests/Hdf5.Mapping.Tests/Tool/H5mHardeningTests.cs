using System.Text.Json;
using System.Text.RegularExpressions;
using Hdf5.Mapping.Design.Scaffolding;
using Hdf5.Mapping.Tests.Infrastructure;
using Hdf5.Mapping.Tests.Scaffolding;

namespace Hdf5.Mapping.Tests.Tool;

/// <summary>h5m on files that are valid but unusual: a group linked into itself and an object behind two hard links
/// (each described once, later links say "same as" as h5ls does), groups nested deeper than JSON writers allow by
/// default, values of enum, compound and region-reference datasets in dumps, floats printed in their own precision as
/// h5ls prints them, and a dataset whose filter is missing (its values say why; the dump goes on).</summary>
public sealed class H5mHardeningTests : H5TestBase
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "h5m.dll");

    private static (int Code, string Stdout, string Stderr) H5m(params string[] args)
    {
        var result = Peers.Run("dotnet", ["exec", Tool, .. args], timeout: TimeSpan.FromMinutes(2));
        Assert.DoesNotContain("   at ", result.Stderr); // never a stack trace
        return result;
    }

    private string Cycle()
    {
        var path = Files.NewPath("cycle.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                g = f.create_group('g')
                g['self'] = g
                g['d'] = numpy.arange(3, dtype='i4')
                f['d2'] = g['d']
                g.attrs['note'] = 'loops'
            """, path);
        return path;
    }

    [Fact]
    public void AGroupLinkedIntoItself_IsListedOnce_WithSameAsWhereH5lsSaysIt()
    {
        var path = Cycle();
        var (code, stdout, stderr) = H5m("ls", "-r", path);
        Assert.True(code == 0, stderr);
        // h5ls -r: "/g/self   Group, same as /g"; the path h5ls names first is the one we name.
        var h5ls = Peers.Run("h5ls", ["-r", path]).Stdout;
        var sameAs = Regex.Matches(h5ls, @"^(\S+)\s+(Group|Dataset), same as (\S+)$", RegexOptions.Multiline)
            .Select(m => (Leaf: m.Groups[1].Value.Split('/')[^1], Kind: m.Groups[2].Value.ToLowerInvariant(), First: m.Groups[3].Value)).ToList();
        Assert.Equal(2, sameAs.Count);
        foreach (var (leaf, kind, first) in sameAs)
            Assert.Matches($@"── {Regex.Escape(leaf)}/?  {kind}, same as {Regex.Escape(first)}\n", stdout);
        Assert.Equal(5, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // /, d2, g, d, self: nothing more
    }

    [Fact]
    public void AGroupLinkedIntoItself_IsDumpedOnce_AndScaffoldedWithANote()
    {
        var path = Cycle();
        var (code, stdout, stderr) = H5m("dump", path);
        Assert.True(code == 0, stderr);
        var all = new Dictionary<string, JsonElement>();
        void Index(JsonElement e)
        {
            all[e.GetProperty("path").GetString()!] = e;
            if (e.TryGetProperty("members", out var members)) foreach (var m in members.EnumerateArray()) Index(m);
        }
        Index(JsonDocument.Parse(stdout).RootElement);
        Assert.Equal(["/", "/d2", "/g", "/g/d", "/g/self"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/g", all["/g/self"].GetProperty("sameAs").GetString());
        Assert.Equal("group", all["/g/self"].GetProperty("kind").GetString());
        Assert.Equal("/d2", all["/g/d"].GetProperty("sameAs").GetString());
        Assert.Equal([0, 1, 2], all["/d2"].GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));

        var outDir = Path.Combine(Files.Folder, "cycle");
        var scaffold = H5m("scaffold", path, "-n", "Cycles", "-o", outDir);
        Assert.True(scaffold.Code == 0, scaffold.Stderr);
        Assert.Contains("/g/self: another hard link to /g", scaffold.Stdout);
        Assert.Contains("// Not mapped: /g/self: another hard link to /g", File.ReadAllText(Path.Combine(outDir, "G.cs")));

        // The scaffolded classes compile and read every object once, as h5py's visititems does.
        var s = ScaffoldRoundTrip.ScaffoldAndCompile(path, new H5ScaffoldOptions { Namespace = "Cycles", RootClassName = "Cycle" });
        Assert.Equal(2, s.Result.Skipped.Count);
        ScaffoldRoundTrip.AssertSameValues(ScaffoldRoundTrip.Read(s.Root, path), path);
    }

    [Fact]
    public void GroupsNestedDeeperThanJsonWritersAllow_AreListedDumpedAndScaffolded()
    {
        var path = Files.NewPath("deep.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                g = f
                for i in range(520):
                    g = g.create_group('n')
                g['leaf'] = numpy.arange(2, dtype='i2')
            """, path);
        var ls = H5m("ls", "-r", path);
        Assert.True(ls.Code == 0, ls.Stderr);
        Assert.Contains("leaf  int16 (2)", ls.Stdout);
        var dump = H5m("dump", path);
        Assert.True(dump.Code == 0, dump.Stderr);
        var node = JsonDocument.Parse(dump.Stdout, new JsonDocumentOptions { MaxDepth = 4096 }).RootElement;
        for (int i = 0; i < 520; i++) node = node.GetProperty("members")[0];
        Assert.Equal("/" + string.Join("/", Enumerable.Repeat("n", 520)) + "/leaf", node.GetProperty("members")[0].GetProperty("path").GetString());
        var scaffold = H5m("scaffold", path, "-n", "Deep", "-o", Path.Combine(Files.Folder, "deep"));
        Assert.True(scaffold.Code == 0, scaffold.Stderr);
    }

    [Fact]
    public void Dump_WritesEnumCompoundAndRegionReferenceValues_AsH5pyReadsThem()
    {
        var path = Files.NewPath("values.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                color = h5py.enum_dtype({'RED': 0, 'GREEN': 1, 'BLUE': 2}, basetype='u1')
                f['colors'] = numpy.array([2, 0, 1, 7], dtype=color)
                dt = numpy.dtype([('id', 'i4'), ('x', 'f4'), ('name', 'S6'), ('color', color), ('pair', 'i2', (2,))])
                f['table'] = numpy.array([(1, 0.5, b'one', 1, (3, 4)), (2, 1e20, b'two', 2, (5, 6))], dtype=dt)
                data = f.create_dataset('data', data=numpy.arange(20, dtype='f8').reshape(4, 5))
                f.create_dataset('regions', data=[data.regionref[1:3, 0:2], data.regionref[0:1, 4:5]], dtype=h5py.regionref_dtype)
                f.attrs['mood'] = numpy.array(1, dtype=color)
                f.attrs['point'] = numpy.array((7, 2.5, b'pt', 0, (1, 2)), dtype=dt)
                f.attrs['where'] = data.regionref[3:4, 1:3]
                ragged = f.create_dataset('ragged', (3,), dtype=h5py.vlen_dtype('i4'))
                ragged[0] = [1, 2, 3]; ragged[1] = []; ragged[2] = [4]
                labelled = numpy.dtype([('n', 'u2'), ('label', h5py.string_dtype())])
                f['labelled'] = numpy.array([(1, 'ünï'), (2, '')], dtype=labelled)
            """, path);
        var (code, stdout, stderr) = H5m("dump", path);
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        JsonElement Member(string p) => root.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("path").GetString() == p);
        JsonElement Attribute(string n) => root.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == n);

        var peer = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            names = {v: k for k, v in h5py.check_enum_dtype(f['colors'].dtype).items()}
            # x as the float32's shortest text reads it: what "own precision" means
            def row(r): return {'id': int(r['id']), 'x': float(str(r['x'])), 'name': r['name'].decode(), 'color': names[int(r['color'])], 'pair': [int(p) for p in r['pair']]}
            def region(ref):
                blocks = h5py.h5r.get_region(ref, f.id).get_select_hyper_blocklist()
                return {'dataset': f[ref].name, 'blocks': [{'start': [int(x) for x in b[0]], 'count': [int(e - s + 1) for s, e in zip(b[0], b[1])]} for b in blocks]}
            print(json.dumps({
                'colors': [names.get(int(v), int(v)) for v in f['colors'][:]],
                'table': [row(r) for r in f['table'][:]],
                'regions': [region(r) for r in f['regions'][:]],
                'mood': names[int(f.attrs['mood'])], 'point': row(f.attrs['point']), 'where': region(f.attrs['where']),
            }))
            """, path);
        static string Canon(JsonElement e) => MappedValues.Canonical(e);
        Assert.Equal(Canon(peer.GetProperty("colors")), Canon(Member("/colors").GetProperty("values")));
        Assert.Equal(Canon(peer.GetProperty("table")), Canon(Member("/table").GetProperty("values")));
        var regions = Member("/regions").GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(Canon(peer.GetProperty("regions")), MappedValues.Canonical(JsonDocument.Parse(
            "[" + string.Join(",", regions.Select(r => $"{{\"dataset\": {r.GetProperty("dataset").GetRawText()}, \"blocks\": {r.GetProperty("blocks").GetRawText()}}}")) + "]").RootElement));
        Assert.Equal("[1:3, 0:2]", regions[0].GetProperty("selection").GetString());
        Assert.Equal(peer.GetProperty("mood").GetString(), Attribute("mood").GetProperty("values")[0].GetString());
        Assert.Equal(Canon(peer.GetProperty("point")), Canon(Attribute("point").GetProperty("values")[0]));
        Assert.Equal("/data", Attribute("where").GetProperty("values")[0].GetProperty("dataset").GetString());
        // Variable-length members are read, decoded and freed (H5Dvlen_reclaim or H5Treclaim, by version).
        Assert.Equal("[[1,2,3],[],[4]]", Canon(Member("/ragged").GetProperty("values")));
        var labelled = Member("/labelled").GetProperty("values");
        Assert.Equal(["ünï", ""], labelled.EnumerateArray().Select(r => r.GetProperty("label").GetString()));
        Assert.Equal([1, 2], labelled.EnumerateArray().Select(r => r.GetProperty("n").GetInt32()));
        Assert.Equal("1E+20", Member("/table").GetProperty("values")[1].GetProperty("x").GetRawText()); // float32, not 1.0000000200408773E+20

        var ls = H5m("ls", "-v", path);
        Assert.True(ls.Code == 0, ls.Stderr);
        Assert.Contains("@mood: enum of uint8 {BLUE = 2, GREEN = 1, RED = 0} = \"GREEN\"", ls.Stdout);
        Assert.Contains("@where: region reference = /data[3:4, 1:3]", ls.Stdout);
        Assert.Contains("@point: compound {id: int32, x: float32, name: string (fixed, 6 bytes, ASCII), color: enum of uint8 {BLUE = 2, GREEN = 1, RED = 0}, pair: array (2,) of int16} = {id: 7, x: 2.5, name: \"pt\", color: \"RED\", pair: [1, 2]}", ls.Stdout);
    }

    [Fact]
    public void LsVerbose_PrintsFloatsInTheirOwnPrecision_AsH5lsDoes()
    {
        var path = Files.NewPath("floats.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                d = f.create_dataset('x', data=numpy.zeros(1, 'f4'))
                d.attrs['f_big'] = numpy.float32(1e20)
                d.attrs['f_tenth'] = numpy.float32(0.1)
                d.attrs['f_small'] = numpy.float32(1e-5)
                d.attrs['d_tenth'] = 0.1
                d.attrs['d_int'] = 123456789.0
                d.attrs['f_nan'] = numpy.float32('nan')
                d.attrs['d_inf'] = -numpy.inf
            """, path);
        var (code, stdout, stderr) = H5m("ls", "-v", path + "/x");
        Assert.True(code == 0, stderr);
        // h5ls prints these exactly (its %g precision is enough for them): our text is h5ls's.
        var h5ls = Peers.Run("h5ls", ["-v", "-d", path + "/x"]).Stdout;
        var theirs = Regex.Matches(h5ls, @"Attribute: (\w+) scalar\s+Type:\s+[^\n]+\n\s+Data:\s*\n\s+(\S+)")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(7, theirs.Count);
        foreach (var (name, text) in theirs)
            Assert.Contains($"@{name}: {(name[0] == 'f' ? "float32" : "float64")} = {text}\n", stdout);
        Assert.Equal("1e+20", theirs["f_big"]);
    }

    [Fact]
    public void ADatasetWhoseFilterIsMissing_SaysWhyInTheDump_AndTheDumpGoesOn()
    {
        var path = Files.NewPath("sz.h5");
        // SZ (32017) is registered nowhere on this machine: its chunk cannot be decoded.
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                ds = f.create_dataset('packed', shape=(10,), chunks=(10,), dtype='f8', compression=32017, compression_opts=(1,), allow_unknown_filter=True)
                ds.id.write_direct_chunk((0,), b'not really compressed')
                f['plain'] = numpy.arange(3, dtype='i4')
            """, path);
        var (code, stdout, stderr) = H5m("dump", path);
        Assert.True(code == 0, stderr);
        var members = JsonDocument.Parse(stdout).RootElement.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("path").GetString()!);
        Assert.False(members["/packed"].TryGetProperty("values", out _));
        Assert.Contains("32017", members["/packed"].GetProperty("valuesError").GetString()); // the SZ filter id
        Assert.Equal([0, 1, 2], members["/plain"].GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
    }
}
