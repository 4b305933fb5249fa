using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators.Tests;

/// <summary>Each diagnostic for a mistake the compiler can see: reported on the user's line (the text at
/// <c>at</c> in the failing source), with a fix in the message and a help link; the corrected source compiles with no
/// diagnostic and no compiler error (never an error inside a generated file).</summary>
public sealed class DiagnosticLocationTests
{
    private const string Header = "using System.Collections.Generic;\nusing Hdf5.Mapping;\n";

    private static Diagnostic Expect(string id, string failing, string passing, string at, string? says = null)
    {
        var (bad, _, badErrors) = GeneratorHarness.Run(Header + failing);
        var diagnostic = Assert.Single(bad, d => d.Id == id);
        Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(Header.Length + failing.IndexOf(at, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.StartsWith("https://", diagnostic.Descriptor.HelpLinkUri);
        Assert.EndsWith("/diagnostics/" + id.ToLowerInvariant() + ".html", diagnostic.Descriptor.HelpLinkUri);
        if (says is not null) Assert.Contains(says, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(badErrors.Where(e => e.Id.StartsWith("CS", StringComparison.Ordinal)), e => Assert.DoesNotContain(".g.cs", e.Location.GetLineSpan().Path));
        var (good, _, errors) = GeneratorHarness.Run(Header + passing);
        Assert.DoesNotContain(good, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        return diagnostic;
    }

    [Fact]
    public void AFieldWithAMappingAttribute_ReportsH5M015_SayingToWriteAProperty() => Expect("H5M015",
        "[H5File] public partial class A { [H5Attribute] public int Count; }",
        "[H5File] public partial class A { [H5Attribute] public int Count { get; set; } }",
        at: "Count;", says: "write 'public int Count { get; set; }'");

    [Fact]
    public void AnInterfaceCollectionDataset_ReportsH5M002_NamingTheSupportedForms() => Expect("H5M002",
        "[H5File] public partial class A { [H5Dataset] public IReadOnlyList<double> X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset] public List<double> X { get; set; } = []; }",
        at: "H5Dataset]", says: "use T[] (any rank) or List<T>");

    [Fact]
    public void AnIListAttribute_ReportsH5M008_NamingTheSupportedForms() => Expect("H5M008",
        "[H5File] public partial class A { [H5Attribute] public IList<int> X { get; set; } = new List<int>(); }",
        "[H5File] public partial class A { [H5Attribute] public int[] X { get; set; } = []; }",
        at: "H5Attribute]", says: "use T[] or List<T>");

    [Fact]
    public void AFillValueOutOfRange_ReportsH5M016() => Expect("H5M016",
        "[H5File] public partial class A { [H5Dataset(FillValue = 70000)] public ushort[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(FillValue = 65535)] public ushort[] X { get; set; } = []; }",
        at: "H5Dataset(", says: "it holds 0 to 65535");

    [Fact]
    public void AFractionalFillValueOnIntegers_ReportsH5M016() => Expect("H5M016",
        "[H5File] public partial class A { [H5Dataset(FillValue = 1.5)] public int[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(FillValue = 1.5)] public float[] X { get; set; } = []; }",
        at: "H5Dataset(", says: "whole numbers only");

    private const string GroupWithB = "[H5Group] public partial class G { [H5Dataset(\"b\")] public double[] B { get; set; } = []; }";

    [Fact]
    public void ADatasetPathInsideAMappedGroupsMember_ReportsH5M017() => Expect("H5M017",
        GroupWithB + " [H5File] public partial class A { [H5Group(\"a\")] public G Sub { get; set; } = new(); [H5Dataset(\"a/b\")] public int[] Clash { get; set; } = []; }",
        GroupWithB + " [H5File] public partial class A { [H5Group(\"a\")] public G Sub { get; set; } = new(); [H5Dataset(\"a/c\")] public int[] Beside { get; set; } = []; }",
        at: "H5Dataset(\"a/b\")", says: "the dataset 'a/b' ('B' of the group class 'G')");

    [Fact]
    public void ADatasetPathInsideADataset_ReportsH5M017() => Expect("H5M017",
        "[H5File] public partial class A { [H5Dataset(\"a\")] public int[] X { get; set; } = []; [H5Dataset(\"a/b\")] public int[] Y { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(\"a\")] public int[] X { get; set; } = []; [H5Dataset(\"c/b\")] public int[] Y { get; set; } = []; }",
        at: "H5Dataset(\"a/b\")", says: "a dataset holds no links");

    private const string TimeScale = "[H5Dataset(Shape = new long[] { 10 }), DimensionScale(\"t\")] public double[] T { get; set; } = [];";

    [Fact]
    public void AScaleWhoseDeclaredLengthDiffersFromTheDimension_ReportsH5M018() => Expect("H5M018",
        "[H5File] public partial class A { " + TimeScale + " [H5Dataset(Shape = new long[] { 20, 3 }), AttachScale(0, nameof(T))] public double[,] X { get; set; } = new double[0, 0]; }",
        "[H5File] public partial class A { " + TimeScale + " [H5Dataset(Shape = new long[] { 10, 3 }), AttachScale(0, nameof(T))] public double[,] X { get; set; } = new double[0, 0]; }",
        at: "AttachScale(0", says: "declared length is 20, but the scale's declared length is 10");

    [Fact]
    public void AMaxShapeBelowTheShape_ReportsH5M019() => Expect("H5M019",
        "[H5File] public partial class A { [H5Dataset(Shape = new long[] { 10 }, MaxShape = new long[] { 5 })] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(Shape = new long[] { 10 }, MaxShape = new long[] { -1 })] public double[] X { get; set; } = []; }",
        at: "H5Dataset(", says: "raise MaxShape[0]");

    [Fact]
    public void AChunkLargerThanAFixedMaximum_ReportsH5M019() => Expect("H5M019",
        "[H5File] public partial class A { [H5Dataset(Chunks = new long[] { 8 }, MaxShape = new long[] { 4 })] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(Chunks = new long[] { 4 }, MaxShape = new long[] { 4 })] public double[] X { get; set; } = []; }",
        at: "H5Dataset(", says: "make Chunks[0] at most 4");

    [Fact]
    public void ARecordStruct_ReportsH5M020_SayingToDeclareARecordClass() => Expect("H5M020",
        "[H5File] public partial record struct A { [H5Attribute] public int X { get; set; } }",
        "[H5File] public partial record class A { [H5Attribute] public int X { get; set; } }",
        at: "A {", says: "declare a 'partial record class'");

    [Fact]
    public void AGenericClass_ReportsH5M020() => Expect("H5M020",
        "[H5File] public partial class A<T> { [H5Attribute] public int X { get; set; } }",
        "[H5File] public partial class A { [H5Attribute] public int X { get; set; } }",
        at: "A<T>", says: "declare a non-generic class");

    [Fact]
    public void APrivateNestedClass_ReportsH5M020() => Expect("H5M020",
        "public partial class Outer { [H5Group] private partial class G { [H5Attribute] public int X { get; set; } } }",
        "public partial class Outer { [H5Group] internal partial class G { [H5Attribute] public int X { get; set; } } }",
        at: "G {", says: "make it internal or public");

    [Fact]
    public void AClassNestedInATypeThatIsNotPartial_ReportsH5M001_OnTheOuterType() => Expect("H5M001",
        "public class Outer { [H5File] public partial class A { [H5Attribute] public int X { get; set; } } }",
        "public partial class Outer { [H5File] public partial class A { [H5Attribute] public int X { get; set; } } }",
        at: "Outer {", says: "add 'partial' to 'Outer'");

    [Fact]
    public void AFillValueAttributeOfAnotherTypeThanItsDataset_ReportsH5M023() => Expect("H5M023",
        "[H5File] public partial class A { [H5Dataset(\"t\")] public float[] T { get; set; } = []; [H5Attribute(\"_FillValue\", On = nameof(T))] public double Fill { get; set; } }",
        "[H5File] public partial class A { [H5Dataset(\"t\")] public float[] T { get; set; } = []; [H5Attribute(\"_FillValue\", On = nameof(T))] public float Fill { get; set; } }",
        at: "H5Attribute(\"_FillValue\"", says: "declare it as float");

    [Fact]
    public void AGetOnlyArray_ReportsH5M021() => Expect("H5M021",
        "[H5File] public partial class A { [H5Dataset] public double[] X { get; } = []; }",
        "[H5File] public partial class A { [H5Dataset] public List<double> X { get; } = new(); }",
        at: "X { get; }", says: "only a get-only List<T> or Dictionary<string, T> is filled in place");

    [Fact]
    public void AnInitOnlyReference_ReportsH5M021() => Expect("H5M021",
        "[H5Group] public partial class G { } [H5File] public partial class A { [H5Group] public G Child { get; set; } = new(); [H5Reference] public G? R { get; init; } }",
        "[H5Group] public partial class G { } [H5File] public partial class A { [H5Group] public G Child { get; set; } = new(); [H5Reference] public G? R { get; set; } }",
        at: "R { get; init; }", says: "give it a 'set' accessor");

    [Fact]
    public void ARequiredMemberThatIsNotMapped_ReportsH5M021() => Expect("H5M021",
        "[H5File] public partial class A { public required string Note { get; set; } [H5Attribute] public int X { get; set; } }",
        "[H5File] public partial class A { [H5Attribute] public required string Note { get; set; } [H5Attribute] public int X { get; set; } }",
        at: "Note {", says: "map it, remove 'required'");

    [Fact]
    public void AStaticMappedProperty_ReportsH5M021() => Expect("H5M021",
        "[H5File] public partial class A { [H5Attribute] public static int X { get; set; } }",
        "[H5File] public partial class A { [H5Attribute] public int X { get; set; } }",
        at: "X {", says: "remove 'static'");

    [Fact]
    public void AGroupOfAClassThatIsNotPartial_ReportsH5M005_NotACompilerErrorInTheGeneratedFile() => Expect("H5M005",
        "[H5Group] public class G { } [H5File] public partial class A { [H5Group] public G Child { get; set; } = new(); }",
        "[H5Group] public partial class G { } [H5File] public partial class A { [H5Group] public G Child { get; set; } = new(); }",
        at: "H5Group] public G", says: "'G' is not partial (H5M001)");

    [Fact]
    public void AChainToADatasetThatIsNotAScale_ReportsH5M012() => Expect("H5M012",
        "[H5File] public partial class Root { [H5Dataset(\"x\")] public double[] X { get; set; } = []; [H5Group(\"g\")] public G Child { get; set; } = new(); } " +
        "[H5Group] public partial class G { [H5Dataset, AttachScale(0, nameof(Root.X))] public double[] Y { get; set; } = []; }",
        "[H5File] public partial class Root { [H5Dataset(\"x\"), DimensionScale] public double[] X { get; set; } = []; [H5Group(\"g\")] public G Child { get; set; } = new(); } " +
        "[H5Group] public partial class G { [H5Dataset, AttachScale(0, nameof(Root.X))] public double[] Y { get; set; } = []; }",
        at: "AttachScale(0, nameof(Root.X))", says: "is not marked [DimensionScale]");

    [Fact]
    public void AChainThroughAList_ReportsH5M014() => Expect("H5M014",
        "[H5Group] public partial class G { [H5Dataset] public double[] D { get; set; } = []; } " +
        "[H5File] public partial class A { [H5Group] public List<G> Items { get; set; } = []; [H5Dataset(RegionOf = nameof(Items.Count))] public H5Region[] R { get; set; } = []; }",
        "[H5Group] public partial class G { [H5Dataset] public double[] D { get; set; } = []; } " +
        "[H5File] public partial class A { [H5Group] public G Item { get; set; } = new(); [H5Dataset(RegionOf = nameof(Item.D))] public H5Region[] R { get; set; } = []; }",
        at: "H5Dataset(RegionOf", says: "RegionOf names a data [H5Dataset]");

    [Fact]
    public void AMemberOfAClassWithErrors_DoesNotBreakTheClassesThatUseIt()
    {
        // G's own mistake is reported on G; A, which reads and writes G, still compiles (G gets declarations only).
        var (diagnostics, _, errors) = GeneratorHarness.Run(Header +
            "[H5Group] public partial class G { [H5Dataset(Filter = H5FilterKind.Deflate)] public double[] D { get; set; } = []; } " +
            "[H5File] public partial class A { [H5Group] public G Child { get; set; } = new(); }");
        Assert.Equal(["H5M004"], diagnostics.Select(d => d.Id));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("double Total { get; set; }", "a single value has no rows")]
    [InlineData("string[] Names { get; set; } = [];", "strings are variable-length data")]
    [InlineData("H5Dataset<double> Lazy { get; set; } = null!;", "a view of a file already open")]
    public void APartitionOnAMemberWithoutRows_ReportsH5M022_OnItsLine(string member, string says) => Expect("H5M022",
        $"[H5File] public partial class A {{ [H5Dataset(Partitioned = true)] public {member} }}",
        "[H5File] public partial class A { [H5Dataset(Partitioned = true)] public double[] Totals { get; set; } = []; }",
        at: "H5Dataset(Partitioned", says: says);

    [Fact]
    public void APartitionOfRegions_ReportsH5M022_NamingTheDatasetToPartition() => Expect("H5M022",
        "[H5File] public partial class A { [H5Dataset] public double[] D { get; set; } = []; [H5Dataset(RegionOf = nameof(D), Partitioned = true)] public H5Region[] R { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(Partitioned = true)] public double[] D { get; set; } = []; [H5Dataset(RegionOf = nameof(D))] public H5Region[] R { get; set; } = []; }",
        at: "H5Dataset(RegionOf", says: "partition the dataset they select from");
}
