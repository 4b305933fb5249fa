using System.Runtime.CompilerServices;

namespace Hdf5.Mapping.Generators.Tests;

/// <summary>
/// The generated source is compared with approved files in Snapshots/ (*.verified.cs); any difference fails.
/// To accept a change, run the tests with H5M_ACCEPT_SNAPSHOTS=1 and review the diff of the approved files.
/// </summary>
public sealed class SnapshotTests
{
    private const string Input = """
        using Hdf5.Mapping;
        namespace Samples;

        [H5File]
        public partial class Experiment
        {
            [H5Attribute("theta")] public float Theta { get; set; }
            [H5Attribute("mu", FixedLength = 8)] public string Mu { get; set; } = "";
            [H5Attribute] public double[,,] Sigma { get; set; } = new double[1, 1, 1];
            [H5Attribute] public int[]? Flags { get; set; }
            [H5Attribute] public long? Seed { get; set; }
            [H5Dataset("dataset")] public double[,] Paths { get; set; } = new double[0, 0];
            [H5Attribute("units", On = nameof(Paths))] public string Units { get; set; } = "";
            [H5Attribute("version", On = nameof(Paths))] public int? Version { get; set; }
            [H5Dataset("compressed/defl", Chunks = new long[] { 20, 250 }, Filter = H5FilterKind.Deflate, FilterLevel = 6, Shuffle = true)]
            public double[,] Deflated { get; set; } = new double[0, 0];
            [H5Dataset] public string[] Names { get; set; } = [];
            [H5Dataset] public byte[,,,]? Cube { get; set; }
            [H5Dataset] public Sample[] Samples { get; set; } = [];
            [H5Group("meta")] public Metadata Meta { get; set; } = new();
            [H5Group("runs")] public System.Collections.Generic.List<Metadata> Runs { get; set; } = [];
            [H5Group("named")] public System.Collections.Generic.Dictionary<string, Metadata>? Named { get; set; }
            [H5Dataset("series")] public System.Collections.Generic.List<double> Series { get; set; } = [];
            [H5Dataset("x"), DimensionScale("X")] public double[] X { get; set; } = [];
            [H5Dataset("grow", MaxShape = new long[] { -1 }, FillValue = -1), AttachScale(0, nameof(X), Label = "x")] public float[] Grow { get; set; } = [];
            [H5Dataset("small", Layout = H5DatasetLayout.Compact)] public short[] Small { get; set; } = [];
            [H5Dataset("regrefs/rrefs", RegionOf = nameof(Paths))] public H5Region[] Regions { get; set; } = [];
            [H5Reference("objrefs/refs")] public object[] Refs { get; set; } = [];
            [H5Reference("objrefs/meta")] public Metadata? MetaRef { get; set; }
        }

        public struct Sample { public double Time; public int Count; }

        [H5Group]
        public partial class Metadata
        {
            [H5Attribute("units")] public string Units { get; set; } = "";
            [H5Dataset("x", Chunks = new long[] { 10 }, Filter = H5FilterKind.Zstd, FilterLevel = 10)] public float[] X { get; set; } = [];
        }
        """;

    [Fact]
    public void FileAndGroupTypes_GenerateTheApprovedSource_ThatCompiles()
    {
        var (diagnostics, sources, errors) = GeneratorHarness.Run(Input);
        Assert.Empty(diagnostics);
        Assert.Empty(errors);
        Assert.Equal(["Hdf5.Mapping.CompoundTypes.g.cs", "Samples.Experiment.H5Mapping.g.cs", "Samples.Metadata.H5Mapping.g.cs"], sources.Select(s => s.HintName).Order());
        foreach (var source in sources) Verify(source.HintName, source.SourceText.ToString());
    }

    private const string RecordInput = """
        using Hdf5.Mapping;
        namespace Samples;

        public sealed class Observation
        {
            public string Site { get; set; } = "";
            [H5Field("code", FixedLength = 4)] public string Code { get; set; } = "";
            public double[] Samples { get; set; } = [];
            public int Level;
        }

        [H5File]
        public partial class Catalog
        {
            [H5Dataset("observations")] public Observation[] Observations { get; set; } = [];
            [H5Dataset] public System.Collections.Generic.List<Observation> More { get; set; } = [];
        }
        """;

    [Fact]
    public void RecordDatasets_GenerateTheApprovedSource_ThatCompiles()
    {
        var (diagnostics, sources, errors) = GeneratorHarness.Run(RecordInput);
        Assert.Empty(diagnostics);
        Assert.Empty(errors);
        Assert.Equal(["Hdf5.Mapping.CompoundTypes.g.cs", "Samples.Catalog.H5Mapping.g.cs"], sources.Select(s => s.HintName).Order());
        // The one registration file of the compilation holds the record's element type; its snapshot is this test's.
        foreach (var source in sources)
            Verify(source.HintName.Replace("Hdf5.Mapping.CompoundTypes", "Samples.Catalog.RecordTypes"), source.SourceText.ToString());
    }

    internal static void Verify(string hintName, string actual, [CallerFilePath] string caller = "")
    {
        var file = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots", hintName.Replace(".g.cs", ".verified.cs"));
        if (Environment.GetEnvironmentVariable("H5M_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(file, actual);
            return;
        }
        Assert.True(File.Exists(file), $"No approved snapshot {file}: run with H5M_ACCEPT_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
