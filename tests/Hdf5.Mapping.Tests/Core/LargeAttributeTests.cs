using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>
/// Attributes larger than an object header holds (64 KiB): refused with the reason and the remedy in files of the
/// earliest format, stored in dense attribute storage (and read by h5py) when the low format bound allows it; the low
/// bound a file was created with is read back from its superblock.
/// </summary>
public sealed class LargeAttributeTests : H5TestBase
{
    private static readonly double[] Large = Enumerable.Range(0, 20000).Select(i => i * 0.5).ToArray(); // 160,000 bytes

    [Fact]
    public void ALargeAttribute_InAnEarliestFormatFile_IsRefusedWithTheReasonAndTheRemedy()
    {
        using var f = H5File.Create(Files.NewPath("earliest.h5"));
        using var g = f.CreateGroup("instrument");
        var e = Assert.Throws<H5Exception>(() => g.Attrs.Set("large", Large));
        Assert.Contains("creating attribute 'large' on group '/instrument'", e.Message);
        Assert.Contains("object header message is too large", e.Message);
        Assert.Contains("LibverLow = H5LibraryVersion.V18", e.Message);
        Assert.NotEmpty(e.ErrorStack);
        Assert.False(g.Attrs.ContainsKey("large"));
        Assert.Equal(H5LibraryVersion.Earliest, f.CreatedLowBound);
    }

    [Fact]
    public void WithALowBoundOf1_8_LargeAndManyAttributes_AreStoredDense_AndH5pyReadsThem()
    {
        var path = Files.NewPath("v18.h5");
        using (var f = H5File.Create(path, options: new H5FileOptions { LibverLow = H5LibraryVersion.V18 }))
        {
            using var g = f.CreateGroup("instrument");
            g.Attrs.Set("large", Large);
            for (int i = 0; i < 30; i++) g.Attrs.Set($"a{i:00}", i);
            Assert.Equal(H5LibraryVersion.V18, f.CreatedLowBound);
        }
        var h5py = Peers.PythonJson("""
            import sys
            g = h5py.File(sys.argv[1], "r")["instrument"]
            print(json.dumps({"large": float(g.attrs["large"].sum()), "n": len(g.attrs), "a29": int(g.attrs["a29"])}))
            """, path);
        Assert.Equal(Large.Sum(), h5py.GetProperty("large").GetDouble());
        Assert.Equal(31, h5py.GetProperty("n").GetInt32());
        Assert.Equal(29, h5py.GetProperty("a29").GetInt32());
        using var reopened = H5File.Open(path);
        Assert.Equal(2, reopened.SuperblockVersion);
    }

    [Fact]
    public void TheLowBoundOfH5pysLatestFormat_IsReadFromTheSuperblock()
    {
        var path = Files.NewPath("latest.h5");
        Peers.RunPython("import sys\nh5py.File(sys.argv[1], 'w', libver='latest').close()", path);
        using var f = H5File.Open(path);
        Assert.Equal(3, f.SuperblockVersion);
        Assert.Equal(H5LibraryVersion.V110, f.CreatedLowBound);
    }
}
