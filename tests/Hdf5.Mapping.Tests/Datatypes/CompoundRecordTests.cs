using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>Compounds whose members are not blittable (strings of both kinds, sequences, arrays, nested compounds,
/// references, enums, bools) read and written through an explicitly built element type, both ways with h5py.</summary>
public sealed class CompoundRecordTests : H5TestBase
{
    public enum Quality : byte { Bad = 0, Good = 1 }

    public sealed class Site
    {
        public string Code { get; set; } = "";
        public int Level { get; set; }
    }

    public sealed class Station
    {
        public string Name { get; set; } = "";
        public string Tag { get; set; } = "";
        public double[] Samples { get; set; } = [];
        public float[] Position { get; set; } = [];
        public Site Site { get; set; } = new();
        public Quality Quality { get; set; }
        public bool Active { get; set; }
        public H5ObjectReference Origin { get; set; }
    }

    public record struct Label(string Text, short Weight);

    private static readonly H5ElementType<Site> SiteType = H5ElementType.Compound<Site>()
        .Field("code", s => s.Code, (ref Site s, string v) => s.Code = v)
        .Field("level", s => s.Level, (ref Site s, int v) => s.Level = v)
        .Build();

    private static readonly H5ElementType<Station> StationType = H5ElementType.Compound<Station>()
        .Field("name", s => s.Name, (ref Station s, string v) => s.Name = v)
        .Field("tag", s => s.Tag, (ref Station s, string v) => s.Tag = v, H5ElementType.FixedString(4))
        .Field("samples", s => s.Samples, (ref Station s, double[] v) => s.Samples = v, H5ElementType.Sequence<double>())
        .Field("position", s => s.Position, (ref Station s, float[] v) => s.Position = v, H5ElementType.Array<float>(3))
        .Field("site", s => s.Site, (ref Station s, Site v) => s.Site = v, SiteType)
        .Field("quality", s => s.Quality, (ref Station s, Quality v) => s.Quality = v)
        .Field("active", s => s.Active, (ref Station s, bool v) => s.Active = v)
        .Field("origin", s => s.Origin, (ref Station s, H5ObjectReference v) => s.Origin = v)
        .Build();

    private static readonly H5ElementType<Label> LabelType = H5ElementType.Compound<Label>()
        .Field("text", l => l.Text, (ref Label l, string v) => l.Text = v)
        .Field("weight", l => l.Weight, (ref Label l, short v) => l.Weight = v)
        .Build();

    private const string H5pyStations = """
        import sys
        f = h5py.File(sys.argv[1], 'w')
        site = numpy.dtype([('code', h5py.string_dtype()), ('level', '>i4')])
        dt = numpy.dtype([('name', h5py.string_dtype()), ('tag', 'S4'), ('samples', h5py.vlen_dtype(numpy.dtype('f8'))),
                          ('position', ('f4', (3,))), ('site', site),
                          ('quality', h5py.enum_dtype({'Bad': 0, 'Good': 1}, basetype='u1')), ('active', '?'), ('origin', h5py.ref_dtype)])
        f['target'] = numpy.arange(3)
        data = numpy.array([('Zürich', b'ZRH', numpy.array([1.5, 2.5]), [1, 2, 3], ('CH-1', 7), 1, True, f['target'].ref),
                            ('', b'', numpy.array([], 'f8'), [0, 0, -1], ('', -1), 0, False, h5py.Reference())], dtype=dt)
        f['stations'] = data
        # h5py 3.7 crashes writing an attribute of the full record (free(): invalid pointer): a smaller one.
        brief = numpy.dtype([('name', h5py.string_dtype()), ('samples', h5py.vlen_dtype(numpy.dtype('f8')))])
        f['stations'].attrs.create('first', numpy.array([('Zürich', numpy.array([1.5, 2.5]))], dtype=brief))
        f.close()
        """;

    [Fact]
    public void RecordsWrittenByH5py_AreReadValueByValue()
    {
        var path = Files.NewPath();
        Peers.RunPython(H5pyStations, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("stations");
        var s = d.Read(StationType);
        Assert.Equal(2, s.Length);
        Assert.Equal(("Zürich", "ZRH", 7, "CH-1", Quality.Good, true), (s[0].Name, s[0].Tag, s[0].Site.Level, s[0].Site.Code, s[0].Quality, s[0].Active));
        Assert.Equal([1.5, 2.5], s[0].Samples);
        Assert.Equal([1f, 2, 3], s[0].Position);
        Assert.Equal("/target", d.GetReferenceTargetName(s[0].Origin));
        Assert.Equal(("", "", -1, Quality.Bad, false), (s[1].Name, s[1].Tag, s[1].Site.Level, s[1].Quality, s[1].Active));
        Assert.Empty(s[1].Samples);
        Assert.True(s[1].Origin.IsNull);
        Assert.Equal("Zürich", d[0..1].Read(StationType)[0].Name);
        var brief = H5ElementType.Compound<Station>()
            .Field("name", s => s.Name, (ref Station s, string v) => s.Name = v)
            .Field("samples", s => s.Samples, (ref Station s, double[] v) => s.Samples = v, H5ElementType.Sequence<double>())
            .Build();
        var first = d.Attrs.Get("first", brief);
        Assert.Equal("Zürich", first.Name);
        Assert.Equal([1.5, 2.5], first.Samples);
    }

    [Fact]
    public void RecordsWeWrite_AreReadByH5pyValueByValue()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using var target = f.Add("target", new[] { 1, 2, 3 });
            var stations = new[]
            {
                new Station { Name = "Zürich", Tag = "ZRH", Samples = [1.5, 2.5], Position = [1, 2, 3], Site = new Site { Code = "CH-1", Level = 7 },
                              Quality = Quality.Good, Active = true, Origin = target.Reference },
                new Station { Position = [0, 0, -1], Site = new Site { Level = -1 } },
            };
            f.Add("stations", stations, StationType).Dispose();
            f.Attrs.Set("label", new Label("hi", 3), LabelType);
            f.Attrs.Set("labels", [new Label("a", 1), new Label("bé", -2)], LabelType);
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            d = f['stations']
            rows = []
            for r in d[()]:
                rows.append([r['name'].decode(), r['tag'].decode(), r['samples'].tolist(), r['position'].tolist(), [r['site']['code'].decode(), int(r['site']['level'])],
                             int(r['quality']), bool(r['active']), f[r['origin']].name if r['origin'] else None])
            print(json.dumps({'names': list(d.dtype.names), 'tag': str(d.dtype['tag']), 'quality': h5py.check_enum_dtype(d.dtype['quality']),
                              'rows': rows, 'label': [f.attrs['label']['text'].decode(), int(f.attrs['label']['weight'])],
                              'labels': [[x['text'].decode(), int(x['weight'])] for x in f.attrs['labels']]}))
            """, path);
        Assert.Equal("[\"name\",\"tag\",\"samples\",\"position\",\"site\",\"quality\",\"active\",\"origin\"]", json.GetProperty("names").GetRawText().Replace(" ", ""));
        Assert.Equal("|S4", json.GetProperty("tag").GetString());
        Assert.Equal(1, json.GetProperty("quality").GetProperty("Good").GetInt32());
        Assert.Equal("[[\"Zürich\",\"ZRH\",[1.5,2.5],[1.0,2.0,3.0],[\"CH-1\",7],1,true,\"/target\"],[\"\",\"\",[],[0.0,0.0,-1.0],[\"\",-1],0,false,null]]",
            System.Text.RegularExpressions.Regex.Unescape(json.GetProperty("rows").GetRawText()).Replace(" ", ""));
        Assert.Equal("[\"hi\",3]", json.GetProperty("label").GetRawText().Replace(" ", ""));
        Assert.Equal("[[\"a\",1],[\"bé\",-2]]", System.Text.RegularExpressions.Regex.Unescape(json.GetProperty("labels").GetRawText()).Replace(" ", ""));
        var dump = Peers.H5Dump("-H", "-d", "stations", path);
        Assert.Contains("H5T_VLEN { H5T_IEEE_F64LE}", dump);
        Assert.Contains("H5T_ARRAY { [3] H5T_IEEE_F32LE }", dump);
    }

    [Fact]
    public void SequencesOfRecordsWithStrings_RoundTrip_AndH5dumpReadsThem()
    {
        var path = Files.NewPath();
        var type = H5ElementType.Sequence(LabelType);
        Label[][] rows = [[new Label("a", 1), new Label("bé", 2)], [], [new Label("", -1)]];
        using (var f = H5File.Create(path))
        {
            f.Add("rows", rows, type).Dispose();
            f.Attrs.Set("rows", rows, type);
        }
        using (var f = H5File.Open(path))
        using (var d = f.OpenDataset("rows"))
        {
            var back = d.Read(type);
            Assert.Equal(rows.Select(r => r.ToArray()), back);
            Assert.Equal(rows, f.Attrs.GetArray("rows", type));
            using var t = d.DType;
            Assert.Equal("variable-length sequence of compound {text: string (variable length, UTF-8), weight: int16}", t.ToString());
        }
        var dump = Peers.H5Dump("-d", "rows", path);
        Assert.Contains("\"a\",", dump);
        Assert.Contains("-1", dump);
    }

    [Fact]
    public void StringMembersStoredFixedOrVariable_AreReadEitherWay()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['fixed'] = numpy.array([(b'abc', 1)], dtype=[('text', 'S6'), ('weight', 'i2')])
                f['variable'] = numpy.array([('abc', 1)], dtype=[('text', h5py.string_dtype()), ('weight', 'i2')])
            """, path);
        using var f = H5File.Open(path);
        foreach (var name in new[] { "fixed", "variable" })
        {
            using var d = f.OpenDataset(name);
            Assert.Equal([new Label("abc", 1)], d.Read(LabelType));
            d.Dispose();
        }
    }

    [Fact]
    public void MissingMembersAndBadValues_AreErrors_ThatChangeNothing()
    {
        var path = Files.NewPath();
        Peers.RunPython(H5pyStations, path);
        var partial = H5ElementType.Compound<Label>()
            .Field("name", l => l.Text, (ref Label l, string v) => l.Text = v)
            .Field("missing", l => l.Weight, (ref Label l, short v) => l.Weight = v)
            .Build();
        using var f = H5File.Open(path, H5FileMode.ReadWrite);
        using (var d = f.OpenDataset("stations"))
        {
            var e = Assert.Throws<H5TypeMismatchException>(() => d.Read(partial));
            Assert.Contains("member 'missing' is not in the file", e.Message);
            var tooLong = new Station { Tag = "TOOLONG", Position = [0, 0, 0] };
            var bad = Assert.Throws<ArgumentException>(() => d[1..2].Write([tooLong], StationType));
            Assert.Contains("Member 'tag'", bad.Message);
            Assert.Throws<ArgumentException>(() => d[1..2].Write([new Station { Position = [1, 2] }], StationType));
            Assert.Equal("", d.Read(StationType)[1].Tag);
        }
        f.Attrs.Set("label", new Label("kept", 1), LabelType);
        Assert.Throws<ArgumentException>(() => f.Attrs.Set("label", new Label("xyz", 1), H5ElementType.Compound<Label>()
            .Field("text", l => l.Text, (ref Label l, string v) => l.Text = v, H5ElementType.FixedString(2, padding: H5StringPadding.NullTerminated))
            .Build()));
        Assert.Equal("kept", f.Attrs.Get("label", LabelType).Text);
    }
}
