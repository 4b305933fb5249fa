namespace Hdf5.Mapping.Generators.Tests;

/// <summary>Records, init and required members, get-only collections filled in place, classes nested in partial types
/// and in the global namespace, any HDF5 name (quotes, backslashes, line breaks, unicode, spaces), string kinds, and
/// links across classes: the generated source compiles and matches its approved snapshots.</summary>
public sealed class ModernShapesSnapshotTests
{
    internal const string Input = """
        using System.Collections.Generic;
        using Hdf5.Mapping;

        [H5File]
        public partial record class Survey
        {
            [H5Attribute("title")] public required string Title { get; init; }
            [H5Attribute("quote\"double")] public int Quoted { get; init; }
            [H5Attribute("back\\slash")] public double Slashed { get; set; }
            [H5Attribute("line\nbreak\ttab")] public string Lines { get; set; } = "";
            [H5Attribute(" spaced name ")] public long Spaced { get; set; }
            [H5Attribute("ünïcødé ✓")] public short Unicode { get; set; }
            [H5Attribute("sep\u2028arator")] public byte Separator { get; set; }
            [H5Attribute("units", FixedLength = H5FixedLength.OfValue)] public string Units { get; set; } = "K";
            [H5Attribute("code", FixedLength = 6, CharSet = H5CharSet.Utf8, Padding = H5StringPadding.SpacePad)] public string Code { get; set; } = "";
            [H5Dataset("time.s"), DimensionScale("time")] public double[] Time { get; init; } = [];
            [H5Dataset("names", FixedLength = 8, Padding = H5StringPadding.NullTerminated)] public List<string> Names { get; } = new();
            [H5Dataset("counts")] public List<int> Counts { get; } = new();
            [H5Group("stations")] public Dictionary<string, Station> Stations { get; } = new();
            [H5Group("outer")] public Outer.Nested Nested { get; set; } = new();
            [H5Reference("objrefs/data")] public List<object> Refs { get; } = new();
            [H5Reference("regrefs/all")] public H5MappedRegion[] Regions { get; set; } = [];
        }

        [H5Group]
        public partial class Station
        {
            [H5Attribute("name")] public string Name { get; init; } = "";
            [H5Dataset("temperature")]
            [AttachScale(0, nameof(Survey.Time), Label = "t")]
            public float[] Temperature { get; set; } = [];
            [H5Dataset("local regions", RegionOf = nameof(Temperature))] public H5Region[] Local { get; set; } = [];
        }

        namespace Deep.Inside
        {
            public static partial class Holder
            {
                [H5Group]
                public partial class Leaf { [H5Dataset("values")] public double[] Values { get; set; } = []; }
            }
        }

        public partial class Outer
        {
            [H5Group]
            public partial class Nested
            {
                [H5Dataset("series", RegionOf = "/time.s")] public H5Region[] Series { get; set; } = [];
                [H5Group("leaf")] public Deep.Inside.Holder.Leaf Leaf { get; set; } = new();
                [H5Dataset("grid")] [AttachScale(0, "/time.s")] public double[,] Grid { get; set; } = new double[0, 0];
            }
        }
        """;

    [Fact]
    public void ModernShapesAndAnyNames_GenerateTheApprovedSource_ThatCompiles()
    {
        var (diagnostics, sources, errors) = GeneratorHarness.Run(Input);
        Assert.Empty(diagnostics);
        Assert.Empty(errors);
        Assert.Equal(["Deep.Inside.Holder.Leaf.H5Mapping.g.cs", "Outer.Nested.H5Mapping.g.cs", "Station.H5Mapping.g.cs", "Survey.H5Mapping.g.cs"],
            sources.Select(s => s.HintName).Order());
        foreach (var source in sources) SnapshotTests.Verify(source.HintName, source.SourceText.ToString());
    }

    [Fact]
    public void AStructStoredByTwoClasses_IsRegisteredOnce()
    {
        var (_, sources, errors) = GeneratorHarness.Run("""
            using Hdf5.Mapping;
            public struct Point { public double X; public double Y; }
            [H5File] public partial class A { [H5Dataset] public Point[] P { get; set; } = []; [H5Group] public B Child { get; set; } = new(); }
            [H5Group] public partial class B { [H5Dataset] public Point[] Q { get; set; } = []; }
            """);
        Assert.Empty(errors);
        var registration = sources.Single(s => s.HintName == "Hdf5.Mapping.CompoundTypes.g.cs").SourceText.ToString();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(registration, "H5TypeRegistry.Register<global::Point>"));
        Assert.DoesNotContain(sources.Where(s => s.HintName != "Hdf5.Mapping.CompoundTypes.g.cs"), s => s.SourceText.ToString().Contains("H5TypeRegistry"));
    }
}
