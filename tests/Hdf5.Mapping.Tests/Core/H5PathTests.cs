using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>Path joining and the dimension-scale bookkeeping names, each defined once for every layer.</summary>
public sealed class H5PathTests : H5TestBase
{
    [Theory]
    [InlineData("/", "a", "/a")]
    [InlineData("/a", "b", "/a/b")]
    [InlineData("/a/", "b", "/a/b")]
    [InlineData("", "a", "/a")]
    [InlineData("/a", "b/c", "/a/b/c")]
    public void Join_PutsOneSlashBetweenParentAndName(string parent, string name, string expected) =>
        Assert.Equal(expected, H5Path.Join(parent, name));

    [Fact]
    public void ScaleBookkeepingAttributes_AreTheOnesH5dsWrites_AsH5pyMakesThem()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                x = f.create_dataset('x', data=numpy.arange(3.0))
                d = f.create_dataset('d', data=numpy.zeros(3))
                x.make_scale('X')
                d.dims[0].attach_scale(x)
                d.dims[0].label = 'time'
            """, path);
        using var file = H5File.Open(path);
        using var x = file.OpenDataset("x");
        using var d = file.OpenDataset("d");
        Assert.Equal(H5Dataset.ScaleBookkeepingAttributes.Order(), x.Attrs.Keys.Concat(d.Attrs.Keys).Order());
    }
}
