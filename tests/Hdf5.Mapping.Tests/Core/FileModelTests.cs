using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>The file model read from files h5py writes: every kind of link and object, described once.</summary>
public sealed class FileModelTests : H5TestBase
{
    private const string Script = """
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "w") as f:
    f.attrs["title"] = "survey"
    g = f.create_group("data")
    t = g.create_dataset("time", data=np.arange(4, dtype="f8")); t.make_scale("time")
    v = g.create_dataset("values", data=np.arange(8, dtype="i4").reshape(4, 2), chunks=(2, 2), compression="gzip", maxshape=(None, 2), fillvalue=-1)
    v.dims[0].attach_scale(t); v.dims[1].label = "channel"
    v.attrs["long_name"] = "Values"
    c = g.create_group("loop"); c["back"] = g; c["again"] = v
    f["kind"] = np.dtype("i2")
    f["soft"] = h5py.SoftLink("/data/values")
    f["ext"] = h5py.ExternalLink("other.h5", "/x")
""";

    [Fact]
    public void AnH5pyFileWithAHardLinkCycle_IsReadInOneWalkWithEachObjectDescribedOnce()
    {
        var path = Files.NewPath("model.h5");
        Peers.RunPython(Script, path);
        using var file = H5File.Open(path);
        var model = H5FileModel.Read(file, new H5FileModelOptions { ReadScalarStrings = true });

        Assert.Equal("/", model.Root.Path);
        Assert.Equal(["data", "ext", "kind", "soft"], model.Root.Members.Select(m => m.Name));
        Assert.Equal("survey", Assert.Single(model.Root.Attributes).Text);
        var data = Assert.IsType<H5GroupNode>(model.Root.Member("data"));
        var loop = Assert.IsType<H5GroupNode>(data.Member("loop"));
        var back = Assert.IsType<H5SameAsNode>(loop.Member("back"));
        Assert.Equal((H5ObjectKind.Group, "/data"), (back.Kind, back.FirstPath));
        Assert.Same(data, model.Resolve(back));
        // The group's links are walked in name order: "loop" comes before "values", so the dataset is described there.
        var values = Assert.IsType<H5DatasetNode>(loop.Member("again"));
        Assert.Equal("/data/loop/again", values.Path);
        var second = Assert.IsType<H5SameAsNode>(data.Member("values"));
        Assert.Equal((H5ObjectKind.Dataset, "/data/loop/again"), (second.Kind, second.FirstPath));
        Assert.Same(values, model.Find("/data/values"));

        Assert.Equal("int32", values.Type.ToString());
        Assert.Equal([4L, 2], values.Shape);
        Assert.Equal([-1L, 2], values.MaxShape);
        Assert.Equal(H5Layout.Chunked, values.Layout);
        Assert.Equal([2L, 2], values.Chunks);
        Assert.Equal(H5FilterTable.DeflateId, Assert.Single(values.Filters).Id);
        Assert.Equal(-1, values.NumericFill);
        Assert.Equal(["/data/time"], values.Dimensions[0].ScalePaths);
        Assert.Equal("channel", values.Dimensions[1].Label);
        Assert.Equal("Values", values.Attributes.Single(a => a.Name == "long_name").Text);
        var time = Assert.IsType<H5DatasetNode>(model.Find("/data/time"));
        Assert.True(time.IsScale);
        Assert.Equal("time", time.ScaleName);

        Assert.IsType<H5DatatypeNode>(model.Root.Member("kind"));
        var soft = Assert.IsType<H5LinkNode>(model.Root.Member("soft"));
        Assert.Equal((H5LinkKind.Soft, "/data/values", H5ObjectKind.Dataset), (soft.Kind, soft.TargetPath, soft.TargetKind));
        Assert.Same(values, model.Find("/soft"));
        Assert.Same(values, model.Find("data/loop/again"));
        Assert.Same(data, model.Find("/data/loop/back/loop/back"));
        var ext = Assert.IsType<H5LinkNode>(model.Root.Member("ext"));
        Assert.Equal((H5LinkKind.External, "other.h5", "/x", H5ObjectKind.DanglingLink), (ext.Kind, ext.FileName, ext.TargetPath, ext.TargetKind));
        Assert.Null(model.Find("/ext/x"));
    }

    [Fact]
    public void AModelThatIsNotRecursive_HoldsChildGroupsWithoutTheirMembers()
    {
        var path = Files.NewPath("shallow.h5");
        Peers.RunPython(Script, path);
        using var file = H5File.Open(path);
        var model = H5FileModel.Read(file, new H5FileModelOptions { Recursive = false });

        var data = Assert.IsType<H5GroupNode>(model.Root.Member("data"));
        Assert.False(data.IsExpanded);
        Assert.Empty(data.Members);
        Assert.Equal(3, data.MemberCount);
        Assert.Null(model.Root.Attributes[0].Text); // scalar strings are read only when asked for
    }
}
