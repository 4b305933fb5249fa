using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

public enum Quality : byte { Bad = 0, Good = 1, Excellent = 2 }

public struct Reading
{
    public double Time;
    public float Value;
    public Quality Flag;
}

[H5File]
public partial class Survey
{
    [H5Attribute("title")] public string Title { get; set; } = "";
    [H5Attribute("code", FixedLength = 4)] public string Code { get; set; } = "";
    [H5Attribute("version")] public int Version { get; set; }
    [H5Attribute("scale")] public double[] Scale { get; set; } = [];
    [H5Attribute("seed")] public long? Seed { get; set; }
    [H5Dataset("grid", Chunks = new long[] { 2, 3 }, Filter = H5FilterKind.Zstd, FilterLevel = 5)] public float[,] Grid { get; set; } = new float[0, 0];
    [H5Dataset("labels")] public string[] Labels { get; set; } = [];
    [H5Attribute("units", On = nameof(Grid))] public string GridUnits { get; set; } = "";
    [H5Dataset("quality")] public Quality[] QualityFlags { get; set; } = [];
    [H5Dataset("optional/values")] public int[]? Optional { get; set; }
    [H5Dataset("readings")] public Reading[] Readings { get; set; } = [];
    [H5Group("station")] public Station Station { get; set; } = new();
}

[H5Group]
public partial class Station
{
    [H5Attribute("name")] public string Name { get; set; } = "";
    [H5Dataset("temperature", Chunks = new long[] { 4 }, Filter = H5FilterKind.Deflate, FilterLevel = 6, Shuffle = true)] public double[] Temperature { get; set; } = [];
}

/// <summary>Generated readers and writers against h5py, both directions.</summary>
public sealed class MappedTypeTests : H5TestBase
{
    private static Survey Sample() => new()
    {
        Title = "Gauge survey ✓",
        GridUnits = "mm",
        Code = "AB12",
        Version = 3,
        Scale = [0.5, 2.0],
        Grid = new float[,] { { 1, 2, 3 }, { 4, 5, 6 } },
        Labels = ["north", "süd"],
        QualityFlags = [Quality.Good, Quality.Excellent, Quality.Bad],
        Readings = [new Reading { Time = 0.5, Value = 1.25f, Flag = Quality.Good }, new Reading { Time = 1.5, Value = -2f, Flag = Quality.Bad }],
        Station = new Station { Name = "Zugspitze", Temperature = [-3.5, -2.0, 0.25, 1.0, 4.5] },
    };

    [Fact]
    public void GeneratedWriter_ProducesWhatH5pyReads_ValueByValue()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var json = Peers.PythonJson("""
            import sys, zstandard
            f = h5py.File(sys.argv[1], 'r')
            a = f.attrs
            g = f['grid']
            raw = g.id.read_direct_chunk((0, 0))[1]
            print(json.dumps({
              'title': a['title'], 'code': a['code'].decode(), 'code_len': h5py.check_string_dtype(a.get_id('code').dtype).length,
              'version': int(a['version']), 'scale': a['scale'].tolist(), 'has_seed': 'seed' in a,
              'grid_chunks': list(g.chunks), 'grid_units': g.attrs['units'], 'grid_filter': g.id.get_create_plist().get_filter(0)[0],
              'grid_chunk0': numpy.frombuffer(zstandard.ZstdDecompressor().decompress(raw), dtype='<f4').tolist(),
              'labels': f['labels'].asstr()[()].tolist(), 'quality': f['quality'][()].tolist(),
              'quality_enum': h5py.check_enum_dtype(f['quality'].dtype),
              'has_optional': 'optional' in f,
              'readings': [list(f['readings'].dtype.names), f['readings']['Time'].tolist(), f['readings']['Value'].tolist(), f['readings']['Flag'].tolist()],
              'station': [f['station'].attrs['name'], f['station/temperature'][()].tolist(), f['station/temperature'].compression,
                          f['station/temperature'].shuffle]}, default=str))
            """, path);
        Assert.Equal("Gauge survey ✓", json.GetProperty("title").GetString());
        Assert.Equal("AB12", json.GetProperty("code").GetString());
        Assert.Equal(4, json.GetProperty("code_len").GetInt32());
        Assert.Equal(3, json.GetProperty("version").GetInt32());
        Assert.Equal([0.5, 2.0], json.GetProperty("scale").EnumerateArray().Select(e => e.GetDouble()));
        Assert.False(json.GetProperty("has_seed").GetBoolean());
        Assert.Equal([2, 3], json.GetProperty("grid_chunks").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("mm", json.GetProperty("grid_units").GetString());
        Assert.Equal(32015, json.GetProperty("grid_filter").GetInt32());
        Assert.Equal([1.0, 2, 3, 4, 5, 6], json.GetProperty("grid_chunk0").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["north", "süd"], json.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([1, 2, 0], json.GetProperty("quality").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, json.GetProperty("quality_enum").GetProperty("Excellent").GetInt32());
        Assert.False(json.GetProperty("has_optional").GetBoolean());
        var readings = json.GetProperty("readings");
        Assert.Equal(["Time", "Value", "Flag"], readings[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0.5, 1.5], readings[1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1.25, -2.0], readings[2].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1, 0], readings[3].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Sample().Readings, Survey.Read(path).Readings); // and back through the generated reader
        var station = json.GetProperty("station");
        Assert.Equal("Zugspitze", station[0].GetString());
        Assert.Equal([-3.5, -2.0, 0.25, 1.0, 4.5], station[1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("gzip", station[2].GetString());
        Assert.True(station[3].GetBoolean());
    }

    [Fact]
    public void GeneratedReader_ReadsAFileThatH5pyWrote()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f.attrs['title'] = 'from h5py'
                f.attrs['code'] = numpy.bytes_(b'XY')
                f.attrs['version'] = numpy.int32(7)
                f.attrs['scale'] = [1.0, 2.0, 3.0]
                f.attrs['seed'] = numpy.int64(42)
                f['grid'] = numpy.arange(6, dtype='f4').reshape(2, 3)
                f['grid'].attrs['units'] = 'cm'
                f['labels'] = ['a', 'b']
                f.create_dataset('quality', data=numpy.array([2, 0], dtype='u1'), dtype=h5py.enum_dtype({'Bad': 0, 'Good': 1, 'Excellent': 2}, basetype='u1'))
                f['optional/values'] = numpy.array([5, 6], dtype='i4')
                q = h5py.enum_dtype({'Bad': 0, 'Good': 1, 'Excellent': 2}, basetype='u1')
                f['readings'] = numpy.array([(2.5, 3.0, 2)], dtype=[('Time', 'f8'), ('Value', 'f4'), ('Flag', q)])
                s = f.create_group('station')
                s.attrs['name'] = 'Brocken'
                s['temperature'] = [1.5, 2.5]
            """, path);
        var survey = Survey.Read(path);
        Assert.Equal("from h5py", survey.Title);
        Assert.Equal("XY", survey.Code);
        Assert.Equal(7, survey.Version);
        Assert.Equal([1.0, 2.0, 3.0], survey.Scale);
        Assert.Equal(42L, survey.Seed);
        Assert.Equal(new float[,] { { 0, 1, 2 }, { 3, 4, 5 } }, survey.Grid);
        Assert.Equal("cm", survey.GridUnits);
        Assert.Equal(["a", "b"], survey.Labels);
        Assert.Equal([Quality.Excellent, Quality.Bad], survey.QualityFlags);
        Assert.Equal([5, 6], survey.Optional);
        Assert.Equal([new Reading { Time = 2.5, Value = 3f, Flag = Quality.Excellent }], survey.Readings);
        Assert.Equal("Brocken", survey.Station.Name);
        Assert.Equal([1.5, 2.5], survey.Station.Temperature);
    }

    [Fact]
    public void CompoundWithAPlainIntegerWhereTheStructHasAnEnum_IsATypeMismatch()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['readings'] = numpy.array([(2.5, 3.0, 2)], dtype=[('Time', 'f8'), ('Value', 'f4'), ('Flag', 'u1')])
            """, path);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("readings");
        Assert.Throws<H5TypeMismatchException>(() => ds.Read<Reading>());
    }

    [Fact]
    public void MissingRequiredMember_IsAMappingErrorNamingThePath()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
            f.Remove("station/temperature");
        var e = Assert.Throws<H5MappingException>(() => Survey.Read(path));
        Assert.Equal("/station/temperature", e.Path);
    }

    [Fact]
    public void Write_ReplacesAnExistingFileAtomically_AndLeavesNoTemporaryFile()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var second = Sample();
        second.Version = 4;
        second.Write(path);
        Assert.Equal(4, Survey.Read(path).Version);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!), p => p.Contains(Path.GetFileName(path)));

        // A write that fails half way (a required member is null) leaves the old file whole.
        var broken = Sample();
        broken.Station.Temperature = null!;
        Assert.Throws<H5MappingException>(() => broken.Write(path));
        Assert.Equal(4, Survey.Read(path).Version);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!), p => p.Contains(Path.GetFileName(path)));
    }
}
