namespace Hdf5.Mapping.Generators.Tests;

/// <summary>Partitioned datasets: the generated Write/Read by every rank of a communicator, each rank's rows written
/// and read through the context (arrays of rank 1 and 2, a list of structs, filtered, in the file class and in a child
/// group), beside members every rank holds whole; the source compiles and matches its approved snapshots.</summary>
public sealed class ParallelSnapshotTests
{
    private const string Input = """
        using System.Collections.Generic;
        using Hdf5.Mapping;
        namespace Runs;

        [H5File(LibverLow = H5LibraryVersion.V18)]
        public partial class Ensemble
        {
            [H5Attribute("seed")] public long Seed { get; set; }
            [H5Dataset("time")] public double[] Time { get; set; } = [];
            [H5Dataset("paths", Partitioned = true)] public double[,] Paths { get; set; } = new double[0, 0];
            [H5Attribute("units", On = nameof(Paths))] public string Units { get; set; } = "";
            [H5Dataset("compressed/zstd", Partitioned = true, Chunks = new long[] { 20, 250 }, Filter = H5FilterKind.Zstd, FilterLevel = 10)]
            public double[,] Compressed { get; set; } = new double[0, 0];
            [H5Dataset("events", Partitioned = true)] public List<Event> Events { get; set; } = [];
            [H5Group("stats")] public Stats Stats { get; set; } = new();
        }

        public struct Event { public double Time; public int Path; }

        [H5Group]
        public partial class Stats
        {
            [H5Dataset("means", Partitioned = true)] public float[]? Means { get; set; }
        }
        """;

    [Fact]
    public void PartitionedDatasets_GenerateTheApprovedSource_ThatCompiles()
    {
        var (diagnostics, sources, errors) = GeneratorHarness.Run(Input);
        Assert.Empty(diagnostics);
        Assert.Empty(errors);
        Assert.Equal(["Hdf5.Mapping.CompoundTypes.g.cs", "Runs.Ensemble.H5Mapping.g.cs", "Runs.Stats.H5Mapping.g.cs"], sources.Select(s => s.HintName).Order());
        foreach (var source in sources.Where(s => s.HintName.StartsWith("Runs.", StringComparison.Ordinal)))
            SnapshotTests.Verify(source.HintName, source.SourceText.ToString());
    }
}
