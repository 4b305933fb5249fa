namespace Hdf5.Mapping.Generators.Tests;

/// <summary>Each diagnostic: an input that reports it, and the corrected input that does not.</summary>
public sealed class DiagnosticTests
{
    private static void Expect(string id, string failing, string passing)
    {
        var (bad, _, _) = GeneratorHarness.Run("using Hdf5.Mapping;\n" + failing);
        Assert.Contains(bad, d => d.Id == id);
        var (good, _, errors) = GeneratorHarness.Run("using Hdf5.Mapping;\n" + passing);
        Assert.DoesNotContain(good, d => d.Id == id);
        Assert.Empty(errors);
    }

    [Fact]
    public void ClassNotPartial_ReportsH5M001() => Expect("H5M001",
        "[H5File] public class A { [H5Attribute] public int X { get; set; } }",
        "[H5File] public partial class A { [H5Attribute] public int X { get; set; } }");

    [Fact]
    public void UnsupportedDatasetType_ReportsH5M002() => Expect("H5M002",
        "[H5File] public partial class A { [H5Dataset] public object[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset] public double[] X { get; set; } = []; }");

    [Fact]
    public void ChunkRankDifferentFromDataRank_ReportsH5M003() => Expect("H5M003",
        "[H5File] public partial class A { [H5Dataset(Chunks = new long[] { 10 })] public double[,] X { get; set; } = new double[0,0]; }",
        "[H5File] public partial class A { [H5Dataset(Chunks = new long[] { 10, 10 })] public double[,] X { get; set; } = new double[0,0]; }");

    [Fact]
    public void FilterWithoutChunks_ReportsH5M004() => Expect("H5M004",
        "[H5File] public partial class A { [H5Dataset(Filter = H5FilterKind.Deflate)] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(Filter = H5FilterKind.Deflate, Chunks = new long[] { 8 })] public double[] X { get; set; } = []; }");

    [Fact]
    public void GroupPropertyOfUnmappedType_ReportsH5M005() => Expect("H5M005",
        "public class B { } [H5File] public partial class A { [H5Group] public B G { get; set; } = new(); }",
        "[H5Group] public partial class B { } [H5File] public partial class A { [H5Group] public B G { get; set; } = new(); }");

    [Fact]
    public void DuplicateNamesInOneGroup_ReportH5M006() => Expect("H5M006",
        "[H5File] public partial class A { [H5Dataset(\"x\")] public double[] X { get; set; } = []; [H5Dataset(\"x\")] public int[] Y { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(\"x\")] public double[] X { get; set; } = []; [H5Attribute(\"x\")] public int Y { get; set; } }");

    [Fact]
    public void InvalidNames_ReportH5M007() => Expect("H5M007",
        "[H5File] public partial class A { [H5Dataset(\"a/../b\")] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(\"a/b\")] public double[] X { get; set; } = []; }");

    [Fact]
    public void AttributeOfGroupType_ReportsH5M008() => Expect("H5M008",
        "[H5File] public partial class A { [H5Attribute] public string[,] X { get; set; } = new string[0,0]; }",
        "[H5File] public partial class A { [H5Attribute] public string[] X { get; set; } = []; }");

    [Fact]
    public void AttributeOnAPropertyThatIsNotADataset_ReportsH5M009() => Expect("H5M009",
        "[H5File] public partial class A { [H5Attribute] public int N { get; set; } [H5Attribute(\"u\", On = nameof(N))] public string U { get; set; } = \"\"; }",
        "[H5File] public partial class A { [H5Dataset] public int[] N { get; set; } = []; [H5Attribute(\"u\", On = nameof(N))] public string U { get; set; } = \"\"; }");

    [Fact]
    public void GroupsThatContainEachOther_ReportH5M010() => Expect("H5M010",
        "[H5Group] public partial class B { [H5Group] public A? Back { get; set; } } [H5File] public partial class A { [H5Group] public B Child { get; set; } = new(); } [H5Group] public partial class C { }",
        "[H5Group] public partial class B { [H5Group] public C? Leaf { get; set; } } [H5File] public partial class A { [H5Group] public B Child { get; set; } = new(); } [H5Group] public partial class C { }");

    [Fact]
    public void ClassWithoutAParameterlessConstructor_ReportsH5M011() => Expect("H5M011",
        "[H5File] public partial class A { public A(int x) { } [H5Attribute] public int X { get; set; } }",
        "[H5File] public partial class A { public A(int x) { } public A() { } [H5Attribute] public int X { get; set; } }");

    [Fact]
    public void MaxShapeRankDifferentFromDataRank_ReportsH5M003() => Expect("H5M003",
        "[H5File] public partial class A { [H5Dataset(MaxShape = new long[] { -1 })] public double[,] X { get; set; } = new double[0,0]; }",
        "[H5File] public partial class A { [H5Dataset(MaxShape = new long[] { -1, 4 })] public double[,] X { get; set; } = new double[0,0]; }");

    [Fact]
    public void ShapeRankDifferentFromDataRank_ReportsH5M003() => Expect("H5M003",
        "[H5File] public partial class A { [H5Dataset(Shape = new long[] { -1 })] public double[,] X { get; set; } = new double[0,0]; }",
        "[H5File] public partial class A { [H5Dataset(Shape = new long[] { -1, 3 })] public double[,] X { get; set; } = new double[0,0]; }");

    [Fact]
    public void ChunksOnAScalarDataset_ReportsH5M003() => Expect("H5M003",
        "[H5File] public partial class A { [H5Dataset(Chunks = new long[] { 4 })] public double X { get; set; } }",
        "[H5File] public partial class A { [H5Dataset] public double X { get; set; } [H5Dataset(FixedLength = 4)] public string S { get; set; } = \"\"; }");

    [Fact]
    public void TwoDimensionalStringDataset_ReportsH5M002() => Expect("H5M002",
        "[H5File] public partial class A { [H5Dataset] public string[,] X { get; set; } = new string[0,0]; }",
        "[H5File] public partial class A { [H5Dataset(FixedLength = 8)] public string[] X { get; set; } = []; }");

    [Fact]
    public void FillValueOnNonNumericElements_ReportsH5M002() => Expect("H5M002",
        "[H5File] public partial class A { [H5Dataset(FillValue = 1)] public bool[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset(FillValue = 1)] public short[] X { get; set; } = []; }");

    private const string Scale = "[H5Dataset, DimensionScale(\"t\")] public double[] T { get; set; } = []; [H5Dataset] public double[] U { get; set; } = [];";

    [Fact]
    public void AttachedScaleThatIsMissing_ReportsH5M012() => Expect("H5M012",
        "[H5File] public partial class A { " + Scale + " [H5Dataset, AttachScale(0, \"Nope\")] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { " + Scale + " [H5Dataset, AttachScale(0, nameof(T))] public double[] X { get; set; } = []; }");

    [Fact]
    public void AttachedScaleThatIsNotAScale_ReportsH5M012() => Expect("H5M012",
        "[H5File] public partial class A { " + Scale + " [H5Dataset, AttachScale(0, nameof(U))] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { " + Scale + " [H5Dataset, AttachScale(0, nameof(T))] public double[] X { get; set; } = []; }");

    [Fact]
    public void DimensionScaleOnAnAttribute_ReportsH5M012() => Expect("H5M012",
        "[H5File] public partial class A { [H5Attribute, DimensionScale] public double[] X { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset, DimensionScale] public double[] X { get; set; } = []; }");

    [Fact]
    public void ScaleAttachedBeyondTheRank_ReportsH5M013() => Expect("H5M013",
        "[H5File] public partial class A { " + Scale + " [H5Dataset, AttachScale(2, nameof(T))] public double[,] X { get; set; } = new double[0,0]; }",
        "[H5File] public partial class A { " + Scale + " [H5Dataset, AttachScale(1, nameof(T))] public double[,] X { get; set; } = new double[0,0]; }");

    [Fact]
    public void ReferenceToAnUnmappedType_ReportsH5M014() => Expect("H5M014",
        "public class Plain { } [H5File] public partial class A { [H5Reference] public Plain? R { get; set; } }",
        "[H5Group] public partial class Mapped { } [H5File] public partial class A { [H5Group] public Mapped M { get; set; } = new(); [H5Reference] public Mapped? R { get; set; } }");

    [Fact]
    public void ReferenceToAScalarValue_ReportsH5M014() => Expect("H5M014",
        "[H5File] public partial class A { [H5Dataset] public double[] D { get; set; } = []; [H5Reference] public int R { get; set; } }",
        "[H5File] public partial class A { [H5Dataset] public double[] D { get; set; } = []; [H5Reference] public object[] R { get; set; } = []; }");

    [Fact]
    public void RegionsOfAPropertyThatIsNotADataset_ReportH5M014() => Expect("H5M014",
        "[H5File] public partial class A { [H5Attribute] public double D { get; set; } [H5Dataset(RegionOf = nameof(D))] public H5Region[] R { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset] public double[] D { get; set; } = []; [H5Dataset(RegionOf = nameof(D))] public H5Region[] R { get; set; } = []; }");

    [Fact]
    public void RegionsWithoutRegionOf_ReportH5M014() => Expect("H5M014",
        "[H5File] public partial class A { [H5Dataset] public double[] D { get; set; } = []; [H5Dataset] public H5Region[] R { get; set; } = []; }",
        "[H5File] public partial class A { [H5Dataset] public double[] D { get; set; } = []; [H5Dataset(RegionOf = nameof(D))] public System.Collections.Generic.List<H5Region> R { get; set; } = new(); }");

    [Fact]
    public void PartitionOfRecords_ReportsH5M022() => Expect("H5M022",
        "public struct R { public double T; public string Name; } [H5File] public partial class A { [H5Dataset(Partitioned = true)] public R[] X { get; set; } = []; }",
        "public struct R { public double T; public string Name; } [H5File] public partial class A { [H5Dataset] public R[] X { get; set; } = []; }");

    [Fact]
    public void PartitionOfAScalarDataset_ReportsH5M022() => Expect("H5M022",
        "[H5File] public partial class A { [H5Dataset(Partitioned = true)] public double X { get; set; } }",
        "[H5File] public partial class A { [H5Dataset(Partitioned = true)] public double[,] X { get; set; } = new double[0,0]; }");
}
