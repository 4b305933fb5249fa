namespace Hdf5.Mapping.Generators.Tests;

/// <summary>A file type with unlimited members gets a SWMR reader view, a refresh that reads only appended rows, and a
/// writer with one typed append per unlimited member; the source is compared with its approved snapshot.</summary>
public sealed class LiveSnapshotTests
{
    private const string Input = """
        using Hdf5.Mapping;
        namespace Samples;

        [H5File]
        public partial class Telemetry
        {
            [H5Attribute("rate_hz")] public double RateHz { get; set; }
            [H5Dataset("calibration")] public double[] Calibration { get; set; } = [];
            [H5Dataset("samples", Chunks = new long[] { 1024 }, MaxShape = new long[] { -1 })] public double[] Samples { get; set; } = [];
            [H5Dataset("frames", Chunks = new long[] { 16, 3 }, MaxShape = new long[] { -1, 3 }, Filter = H5FilterKind.Deflate)]
            public float[,] Frames { get; set; } = new float[0, 3];
            [H5Dataset("events", MaxShape = new long[] { -1 })] public System.Collections.Generic.List<int> Events { get; set; } = [];
            [H5Dataset("cubes", MaxShape = new long[] { -1, 2, 2, 2 })] public byte[,,,]? Cubes { get; set; }
            [H5Dataset("raw")] public H5Dataset<short>? Raw { get; set; }
            [H5Group("meta")] public Meta Meta { get; set; } = new();
        }

        [H5Group]
        public partial class Meta
        {
            [H5Dataset("log", MaxShape = new long[] { -1 })] public double[] Log { get; set; } = [];
        }
        """;

    [Fact]
    public void FileTypeWithUnlimitedMembers_GeneratesSwmrReaderRefreshAndWriter_ThatCompile()
    {
        var (diagnostics, sources, errors) = GeneratorHarness.Run(Input);
        Assert.Empty(diagnostics);
        Assert.Empty(errors);
        var telemetry = sources.Single(s => s.HintName == "Samples.Telemetry.H5Mapping.g.cs").SourceText.ToString();
        SnapshotTests.Verify("Samples.Telemetry.H5Mapping.g.cs", telemetry);
        // Groups do not get the file-level members (their own unlimited datasets are not followed).
        var meta = sources.Single(s => s.HintName == "Samples.Meta.H5Mapping.g.cs").SourceText.ToString();
        Assert.DoesNotContain("SwmrWriter", meta);
        Assert.DoesNotContain("RefreshFrom", meta);
    }

    [Fact]
    public void FileTypeWithoutUnlimitedMembers_GetsNoSwmrMembers()
    {
        var (_, sources, errors) = GeneratorHarness.Run("""
            using Hdf5.Mapping;
            [H5File] public partial class Fixed { [H5Dataset("x", MaxShape = new long[] { 10 })] public double[] X { get; set; } = []; }
            """);
        Assert.Empty(errors);
        var source = sources.Single().SourceText.ToString();
        Assert.DoesNotContain("OpenSwmrReader", source);
        Assert.DoesNotContain("SwmrWriter", source);
    }
}
