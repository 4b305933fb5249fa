using Hdf5.Mapping.Schema;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Schema;

/// <summary>A small data product: the schema the generator emits for it is what the validation tests check files against.</summary>
[H5File]
public partial class Granule
{
    [H5Attribute("title")] public string Title { get; set; } = "";
    [H5Attribute("version")] public int Version { get; set; }

    [H5Dataset("time"), DimensionScale("time")] public double[] Time { get; set; } = [];

    [H5Dataset("temperature", Chunks = new long[] { 4, 4 }, Filter = H5FilterKind.Deflate, FilterLevel = 4)]
    [AttachScale(0, nameof(Time), Label = "t")]
    public float[,] Temperature { get; set; } = new float[0, 0];

    [H5Attribute("units", On = nameof(Temperature))] public string TemperatureUnits { get; set; } = "";

    [H5Dataset("station_code", FixedLength = 8)] public string[] StationCode { get; set; } = [];

    [H5Group("instrument")] public Instrument Instrument { get; set; } = new();

    [H5Dataset("notes")] public string[]? Notes { get; set; }
}

[H5Group]
public partial class Instrument
{
    [H5Attribute("name")] public string Name { get; set; } = "";
    [H5Dataset("gain", Shape = new long[] { 3 })] public double[] Gain { get; set; } = [];
}

/// <summary>One h5py-written file per kind of difference, checked against <see cref="Granule.H5Schema"/>.</summary>
public sealed class ValidationTests : H5TestBase
{
    // Writes the conforming product with h5py, then applies one change named by argv[2].
    internal const string Writer = """
import sys
path, change = sys.argv[1], sys.argv[2]
with h5py.File(path, 'w') as f:
    f.attrs['title'] = 'granule 7'
    f.attrs['version'] = numpy.int32(3)
    t = f.create_dataset('time', data=numpy.arange(8, dtype='f8'))
    t.make_scale('time')
    if change == 'not_a_scale':
        del f['time']; f['time'] = numpy.arange(8, dtype='f8')
    if change == 'missing_dataset':
        pass
    elif change == 'wrong_type':
        f.create_dataset('temperature', data=numpy.ones((8, 4), 'i4'), chunks=(4, 4), compression='gzip')
    elif change == 'wrong_rank':
        f.create_dataset('temperature', data=numpy.ones(32, 'f4'), chunks=(4,), compression='gzip')
    elif change == 'missing_filter':
        f.create_dataset('temperature', data=numpy.ones((8, 4), 'f4'), chunks=(4, 4))
    elif change == 'not_chunked':
        f.create_dataset('temperature', data=numpy.ones((8, 4), 'f4'))
    else:
        f.create_dataset('temperature', data=numpy.ones((8, 4), 'f4'), chunks=(4, 4), compression='gzip')
    if 'temperature' in f:
        f['temperature'].attrs['units'] = 'K'
        if change not in ('unattached_scale', 'not_a_scale', 'wrong_rank'):
            f['temperature'].dims[0].attach_scale(f['time'])
        if change != 'wrong_rank':
            f['temperature'].dims[0].label = 'time' if change == 'wrong_label' else 't'
    codes = [b'ABC', b'DEFGH', b'XY']
    if change == 'wrong_string_kind':
        f.create_dataset('station_code', data=[c.decode() for c in codes], dtype=h5py.string_dtype())
    else:
        f.create_dataset('station_code', data=numpy.array(codes, dtype='S8'))
    if change == 'wrong_object_kind':
        f['instrument'] = numpy.zeros(3)
    else:
        g = f.create_group('instrument')
        if change != 'missing_attribute':
            g.attrs['name'] = 'radiometer'
        g['gain'] = numpy.array([1.0, 2.0, 3.0, 4.0] if change == 'wrong_shape' else [1.0, 2.0, 3.0])
    if change == 'extra_object':
        f['extra'] = numpy.arange(3)
        f.attrs['history'] = 'made by hand'
    if change == 'several':
        del f['instrument/gain']
        f.attrs['version'] = 'three'
        del f['station_code']; f['station_code'] = ['ABC']
""";

    private string Write(string change)
    {
        var path = Files.NewPath(change + ".h5");
        Peers.RunPython(Writer, path, change);
        return path;
    }

    [Fact]
    public void TheGeneratedSchema_DescribesTheMappedClass()
    {
        var schema = Granule.H5Schema;
        Assert.Equal("Granule", schema.TypeName);
        Assert.Equal(["title", "version"], schema.Attributes.Select(a => a.Name));
        Assert.Equal(H5TypeSchema.VariableString, schema.Attributes[0].Type);
        Assert.Equal(H5ValueKind.SignedInteger, schema.Attributes[1].Type.Kind);
        Assert.Equal(4, schema.Attributes[1].Type.Size);

        var temperature = schema.Datasets.Single(d => d.Name == "temperature");
        Assert.Equal(2, temperature.Rank);
        Assert.Equal("float32", temperature.Type.ToString());
        Assert.Equal([4L, 4L], temperature.Chunks!);
        Assert.Equal([1], temperature.Filters);
        Assert.Equal(new H5ScaleAttachmentSchema(0, "time", "t"), Assert.Single(temperature.Scales));
        Assert.Equal("units", Assert.Single(temperature.Attributes).Name);
        Assert.Equal("time", schema.Datasets.Single(d => d.Name == "time").ScaleName);
        Assert.Equal(H5TypeSchema.FixedString(8), schema.Datasets.Single(d => d.Name == "station_code").Type);
        Assert.False(schema.Datasets.Single(d => d.Name == "notes").IsRequired);

        var instrument = Assert.Single(schema.Groups);
        Assert.Same(Instrument.H5Schema, instrument.Schema);
        Assert.Equal([3L], instrument.Schema.Datasets.Single().Shape!);
    }

    [Fact]
    public void AConformingH5pyFile_HasNoDifference_AndReads()
    {
        var path = Write("none");
        var result = Granule.Validate(path);
        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result);
        var granule = Granule.Read(path);
        Assert.Equal(["ABC", "DEFGH", "XY"], granule.StationCode);
        Assert.Equal([1.0, 2.0, 3.0], granule.Instrument.Gain);
    }

    [Fact]
    public void WhatWeWrite_ConformsToOurOwnSchema_AndH5pyAgreesOnTheStringKind()
    {
        var path = Files.NewPath();
        new Granule
        {
            Title = "t", Version = 1, Time = [0, 1, 2, 3, 4, 5, 6, 7], Temperature = new float[8, 4], TemperatureUnits = "K",
            StationCode = ["A", "BCDEFGH"], Instrument = new Instrument { Name = "n", Gain = [1, 2, 3] },
        }.Write(path);
        var result = Granule.Validate(path);
        Assert.True(result.IsValid && result.Count == 0, result.ToString());
        var dtype = Peers.RunPython("f = h5py.File(sys.argv[1]); d = f['station_code']; print(d.dtype, h5py.check_string_dtype(d.dtype).length, list(d[:]))".Replace("f = ", "import sys\nf = "), path).Trim();
        Assert.Equal("|S8 8 [b'A', b'BCDEFGH']", dtype);
    }

    [Theory]
    [InlineData("missing_dataset", "/temperature", H5DifferenceKind.MissingObject)]
    [InlineData("wrong_type", "/temperature", H5DifferenceKind.WrongType)]
    [InlineData("wrong_rank", "/temperature", H5DifferenceKind.WrongRank)]
    [InlineData("wrong_shape", "/instrument/gain", H5DifferenceKind.WrongShape)]
    [InlineData("wrong_string_kind", "/station_code", H5DifferenceKind.WrongStringKind)]
    [InlineData("missing_filter", "/temperature", H5DifferenceKind.MissingFilter)]
    [InlineData("not_chunked", "/temperature", H5DifferenceKind.NotChunked)]
    [InlineData("unattached_scale", "/temperature", H5DifferenceKind.UnattachedScale)]
    [InlineData("not_a_scale", "/time", H5DifferenceKind.NotAScale)]
    [InlineData("wrong_label", "/temperature", H5DifferenceKind.WrongLabel)]
    [InlineData("missing_attribute", "/instrument@name", H5DifferenceKind.MissingAttribute)]
    [InlineData("wrong_object_kind", "/instrument", H5DifferenceKind.WrongObjectKind)]
    public void EachKindOfDifference_IsReportedWithItsPath(string change, string path, H5DifferenceKind kind)
    {
        var file = Write(change);
        var result = Granule.Validate(file);
        Assert.False(result.IsValid);
        var difference = Assert.Single(result.Errors);
        Assert.Equal(kind, difference.Kind);
        Assert.Equal(path, difference.Path);
        Assert.False(string.IsNullOrWhiteSpace(difference.Message));
    }

    [Fact]
    public void ExtraObjectsAndAttributes_AreWarnings_AndCanBeTurnedOff()
    {
        var file = Write("extra_object");
        var result = Granule.Validate(file);
        Assert.True(result.IsValid);
        Assert.Equal([("/extra", H5DifferenceKind.ExtraObject), ("/@history", H5DifferenceKind.ExtraAttribute)],
            result.Select(d => (d.Path, d.Kind)).OrderBy(p => p.Kind));
        Assert.All(result, d => Assert.Equal(H5DifferenceSeverity.Warning, d.Severity));
        Assert.Empty(Granule.Validate(file, new H5ValidationOptions { ReportExtras = false }));
    }

    [Fact]
    public void EveryDifference_IsReportedNotJustTheFirst_AndReadExplainsItsFailureWithThem()
    {
        var file = Write("several");
        var result = Granule.Validate(file);
        Assert.Equal(
            [("/@version", H5DifferenceKind.WrongType), ("/instrument/gain", H5DifferenceKind.MissingObject), ("/station_code", H5DifferenceKind.WrongStringKind)],
            result.Errors.Select(d => (d.Path, d.Kind)).OrderBy(p => p.Path));

        var e = Assert.Throws<H5MappingException>(() => Granule.Read(file));
        Assert.Equal(3, e.Differences.Count);
        Assert.Contains("3 errors", e.Message);
        Assert.Contains("/instrument/gain [MissingObject]", e.Message);
        Assert.Contains("/@version [WrongType] expected int32, found string (variable length, UTF-8)", e.Message);
        Assert.NotNull(e.InnerException); // what the read itself hit first
        Assert.Throws<H5MappingException>(() => result.ThrowIfInvalid());
    }

    [Fact]
    public void AFailureTheSchemaDoesNotExplain_PropagatesUnchanged()
    {
        // Any group can be checked against the schema of its class, and a failure in a conforming file is not
        // "explained" away: Explain returns null, so the original exception propagates.
        var path = Write("none");
        using var file = H5File.Open(path);
        using var instrument = file.OpenGroup("instrument");
        var result = H5SchemaValidator.Validate(instrument, Instrument.H5Schema);
        Assert.Empty(result);
        var explained = H5SchemaValidator.Explain(file, Granule.H5Schema, new InvalidOperationException("unrelated"));
        Assert.Null(explained); // the file conforms, so the original failure stands
    }
    [Fact]
    public void ASubgroupValidatedOnItsOwn_FindsAScaleNamedFromTheRoot_AndReportsOneThatIsNotAttached()
    {
        var path = Files.NewPath("root-scale.h5");
        Peers.RunPython("""
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "w") as f:
    t = f.create_dataset("axes/time", data=np.arange(4.0)); t.make_scale("time")
    f.create_dataset("axes/other", data=np.arange(4.0)).make_scale("other")
    d = f.create_dataset("data/temperature", data=np.zeros(4, "f4")); d.dims[0].attach_scale(t)
""", path);
        H5DatasetSchema Temperature(string scale)
        {
            var d = new H5DatasetSchema("temperature", H5TypeSchema.Of<float>(), 1);
            d.Scales.Add(new H5ScaleAttachmentSchema(0, scale));
            return d;
        }
        using var file = H5File.Open(path);
        using var data = file.OpenGroup("data");

        var attached = new H5GroupSchema();
        attached.Datasets.Add(Temperature("/axes/time"));
        var result = H5SchemaValidator.Validate(data, attached);
        Assert.True(result.IsValid, result.ToString());

        var other = new H5GroupSchema();
        other.Datasets.Add(Temperature("/axes/other"));
        var difference = Assert.Single(H5SchemaValidator.Validate(data, other));
        Assert.Equal(H5DifferenceKind.UnattachedScale, difference.Kind);
        Assert.Contains("the scale /axes/other is not attached to dimension 0", difference.Message);

        var missing = new H5GroupSchema();
        missing.Datasets.Add(Temperature("/axes/none"));
        Assert.Contains("/axes/none for dimension 0 does not exist", Assert.Single(H5SchemaValidator.Validate(data, missing)).Message);
    }
}
