using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

[H5File]
public partial class Profile
{
    [H5Dataset("time"), DimensionScale("time")] public double[] Time { get; set; } = [];
    [H5Dataset("depth"), AttachScale(0, nameof(Time), Label = "t")] public double[] Depth { get; set; } = [];
    [H5Dataset("notes")] public string[] Notes { get; set; } = [];
}

/// <summary>A save that fails after making a dataset a scale, labelling a dimension, attaching a scale or recreating
/// a scale with its attachments leaves the file as it was: libhdf5's dimension-scale calls rewrite attributes of
/// datasets that were already there, and each of those is put back. Compared by h5dump's output, which shows every
/// attribute and the addresses references point to.</summary>
public sealed class FailedSaveOfScalesTests : H5TestBase
{
    private static string Dump(string path) => Peers.H5Dump(path).Replace(path, "FILE");

    private const string PlainDatasets = """
        import sys
        f = h5py.File(sys.argv[1], 'w')
        f['time'] = [0.0, 1.0, 2.0]
        f['depth'] = [5.0, 6.0, 7.0]
        f['notes'] = [b'a', b'b']
        """;

    // A scale of another name, a label of another text, and a dataset the mapping does not know using the scale.
    private const string OtherScales = """
        import sys
        f = h5py.File(sys.argv[1], 'w')
        f['time'] = [0.0, 1.0, 2.0]
        f['time'].make_scale('old')
        f['depth'] = [5.0, 6.0, 7.0]
        f['depth'].dims[0].label = 'x'
        f['extra'] = [1, 2, 3]
        f['extra'].dims[0].attach_scale(f['time'])
        f['notes'] = [b'a', b'b']
        """;

    [Theory]
    [InlineData(PlainDatasets)]
    [InlineData(OtherScales)]
    public void ASaveThatFailsAfterMakingScalesAndLabels_LeavesTheH5pyFileAsItWas(string script)
    {
        var path = Files.NewPath();
        Peers.RunPython(script, path);
        var before = Dump(path);
        using (var view = Profile.Open(path, writable: true))
        {
            view.Value.Notes = null!; // the last member: the scale, its attachment and the label are written before it fails
            Assert.Throws<H5MappingException>(view.Save);
        }
        Assert.Equal(before, Dump(path));
        AssertSavable(path);
    }

    [Fact]
    public void ASaveThatFailsAfterRecreatingAScaleAndItsUser_LeavesTheFileAsItWas()
    {
        var path = Files.NewPath();
        new Profile { Time = [0, 1, 2], Depth = [5, 6, 7], Notes = ["a"] }.Write(path);
        Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r+')
            f['extra'] = [1, 2, 3]
            f['extra'].dims[0].attach_scale(f['time'])
            f['time'].attrs['axis'] = 'T'
            """, path);
        var before = Dump(path);
        using (var view = Profile.Open(path, writable: true))
        {
            view.Value.Time = [0, 1, 2, 3]; // contiguous datasets cannot grow: both are recreated, attachments carried over
            view.Value.Depth = [5, 6, 7, 8];
            view.Value.Notes = null!;
            Assert.Throws<H5MappingException>(view.Save);
        }
        Assert.Equal(before, Dump(path));
        AssertSavable(path);
    }

    // The file is whole: a save that succeeds afterwards gives what h5py reads as a scale with its attachment and label.
    private static void AssertSavable(string path)
    {
        using (var view = Profile.Open(path, writable: true))
        {
            view.Value.Notes = ["saved"];
            view.Save();
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps([h5py.h5ds.is_scale(f['time'].id), f['depth'].dims[0].label, [s.name for s in f['depth'].dims[0].values()]]))
            """, path);
        Assert.True(json[0].GetBoolean());
        Assert.Equal("t", json[1].GetString());
        Assert.Equal(["/time"], json[2].EnumerateArray().Select(e => e.GetString()));
    }
}
