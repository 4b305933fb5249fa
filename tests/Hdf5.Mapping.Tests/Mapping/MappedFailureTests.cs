using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

[H5File]
public partial class RankCheck
{
    [H5Attribute("cube")] public double[,,] Cube { get; set; } = new double[0, 0, 0];
    [H5Dataset("grid")] public double[,] Grid { get; set; } = new double[0, 0];
}

/// <summary>Failures the compiler cannot see are clear at run time: a lazy member used after Read closed its file says to
/// use Open, and a file of another shape raises H5MappingException with the path from ReadFrom and Open as from Read.</summary>
public sealed class MappedFailureTests : H5TestBase
{
    [Fact]
    public void ALazyMemberUsedAfterReadClosedTheFile_SaysToOpenTheFileInstead()
    {
        var path = Files.NewPath();
        Peers.RunPython("import sys\nf = h5py.File(sys.argv[1], 'w'); f.attrs['title'] = 'x'; f['big'] = numpy.arange(10.0)", path);
        var view = LazyView.Read(path);
        var e = Assert.Throws<ObjectDisposedException>(() => view.Big![0..3]);
        Assert.Contains("LazyView.Read(path) closed the file", e.Message);
        Assert.Contains("LazyView.Open(path)", e.Message);
        Assert.Contains("'/big'", e.Message);

        using (var open = LazyView.Open(path))
            Assert.Equal([0.0, 1, 2], open.Value.Big![0..3]);
    }

    [Fact]
    public void ALazyMemberUsedAfterItsViewWasDisposed_SaysSo()
    {
        var path = Files.NewPath();
        Peers.RunPython("import sys\nf = h5py.File(sys.argv[1], 'w'); f.attrs['title'] = 'x'; f['big'] = numpy.arange(10.0)", path);
        H5Dataset<double> big;
        using (var open = LazyView.Open(path)) big = open.Value.Big!;
        var e = Assert.Throws<ObjectDisposedException>(() => big.ReadAll());
        Assert.Contains("the view of its file was disposed", e.Message);
    }

    private string H5pyFileOfOtherRanks()
    {
        var path = Files.NewPath();
        Peers.RunPython("import sys\nf = h5py.File(sys.argv[1], 'w'); f.attrs['cube'] = numpy.arange(3.0); f['grid'] = numpy.arange(4.0)", path);
        return path;
    }

    [Fact]
    public void ReadFromAGroupOfOtherRanks_RaisesH5MappingException_WithEveryDifference()
    {
        var path = H5pyFileOfOtherRanks();
        using var file = H5File.Open(path);
        var e = Assert.Throws<H5MappingException>(() => RankCheck.ReadFrom(file));
        Assert.Equal(["/@cube", "/grid"], e.Differences.Select(d => d.Path));
        Assert.All(e.Differences, d => Assert.Equal(Hdf5.Mapping.Schema.H5DifferenceKind.WrongRank, d.Kind));
    }

    [Fact]
    public void OpenOfAFileOfOtherRanks_RaisesH5MappingException_AndClosesTheFile()
    {
        var path = H5pyFileOfOtherRanks();
        var e = Assert.Throws<H5MappingException>(() => RankCheck.Open(path, writable: true));
        Assert.Equal(2, e.Differences.Count);
        using var again = H5File.Open(path, H5FileMode.ReadWrite); // the failed Open left nothing open
    }

    [Fact]
    public void AnAttributeOfAnotherRank_NamesItsPath_EvenWithoutASchemaCheck()
    {
        var e = Assert.Throws<H5MappingException>(() => H5MappingContext.CheckRank([3], 3, "/@cube"));
        Assert.Equal("/@cube", e.Path);
        Assert.Contains("expected rank 3, found shape (3,)", e.Message);
    }
}
