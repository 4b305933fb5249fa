using Hdf5.Mapping.Design.Scaffolding;

namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>The planning and writing stages of scaffolding, from models built by hand: no file, no libhdf5.</summary>
public sealed class ClassPlannerTests
{
    private static readonly H5TypeDescriptor Float64 = new H5FloatType(8, H5ByteOrder.LittleEndian, H5FloatLayout.Binary64);
    private static readonly H5TypeDescriptor Int32 = new H5IntegerType(4, H5ByteOrder.LittleEndian, isSigned: true);

    [Fact]
    public void AHandBuiltModel_PlansAFileClassWithScaleAttachmentsAndAGroupClassPerLayout()
    {
        var timeScale = new H5DatasetNode("time", "/obs/time")
        {
            Type = Float64, Shape = [3], MaxShape = [3], Size = 3, NBytes = 24, IsScale = true, ScaleName = "time",
            Dimensions = [new H5DimensionNode("", [])],
        };
        var values = new H5DatasetNode("values", "/obs/values")
        {
            Type = Int32, Shape = [3], MaxShape = [-1], Size = 3, NBytes = 12, Layout = H5Layout.Chunked, Chunks = [3], NumericFill = -1,
            Dimensions = [new H5DimensionNode("t", ["/obs/time"])],
            Attributes = [new H5AttributeNode("long_name", new H5StringType(-1, true, H5CharSet.Utf8, H5StringPadding.NullTerminated), [], false, 1, "Counts per step")],
        };
        H5ModelNode[] members = [timeScale, values];
        var obs = new H5GroupNode("obs", "/obs", [], members.Length, members);
        var root = new H5GroupNode("/", "/", [new H5AttributeNode("version", Int32, [], false, 1, null)], 2,
            [obs, new H5SameAsNode("copy", "/copy", H5ObjectKind.Group, "/obs"), new H5LinkNode("latest", "/latest", H5LinkKind.Soft, "/obs/values", null, H5ObjectKind.Dataset)]);

        var result = H5Scaffolder.Scaffold(new H5FileModel("survey.h5", root), new H5ScaffoldOptions { Namespace = "Planned" });

        Assert.Equal("Survey", result.RootClassName);
        Assert.Equal(["Obs.cs", "Survey.cs"], result.Files.Select(f => f.FileName).Order());
        var survey = result.Files.Single(f => f.FileName == "Survey.cs").Source;
        Assert.Contains("[H5File]\npublic partial class Survey\n{\n", survey);
        Assert.Contains("    [H5Attribute(\"version\")]\n    public int Version { get; set; }\n", survey);
        Assert.Contains("    [H5Group(\"obs\")]\n    public Obs Obs { get; set; } = new();\n", survey);
        Assert.Contains("// Not mapped: /copy: another hard link to /obs", survey);
        Assert.Contains("// Not mapped: /latest: a soft link (to /obs/values)", survey);
        var obsSource = result.Files.Single(f => f.FileName == "Obs.cs").Source;
        Assert.Contains("    [H5Dataset(\"time\")]\n    [DimensionScale(\"time\")]\n    public double[] Time { get; set; } = [];\n", obsSource);
        Assert.Contains("    /// <summary>Counts per step</summary>\n    [H5Dataset(\"values\", Chunks = new long[] { 3 }, MaxShape = new long[] { -1 }, FillValue = -1)]\n" +
                        "    [AttachScale(0, nameof(Time), Label = \"t\")]\n    public int[] Values { get; set; } = [];\n", obsSource);
        Assert.Contains("[H5Attribute(\"long_name\", On = nameof(Values))]\n    public string ValuesLongName { get; set; } = \"\";", obsSource);
        Assert.Equal(["/copy: another hard link to /obs, which is mapped there (each object is mapped once; writing stores it once)",
                      "/latest: a soft link (to /obs/values); mapped classes hold hard links only"], result.Skipped);
        Assert.Equal(6, result.ObjectCount); // two groups, one group attribute, two datasets, one dataset attribute
    }
}
