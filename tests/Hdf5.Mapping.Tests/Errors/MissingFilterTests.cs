using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

/// <summary>
/// A dataset h5py wrote with a filter this machine lacks (SZ, id 32017: no plugin for it here): every read through the
/// dataset raises <see cref="H5FilterNotAvailableException"/> with the id and name its filter pipeline gives, and the
/// error table on its own, which cannot know the id, never makes one up. (Writes succeed: h5py marks its compression
/// filters optional, and libhdf5 stores a chunk unfiltered, flagged in its filter mask, when an optional filter is missing.)
/// </summary>
public sealed class MissingFilterTests : H5TestBase
{
    private const int SzId = 32017;

    private string SzFile()
    {
        var path = Files.NewPath("sz.h5");
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                ds = f.create_dataset('x', shape=(10,), chunks=(10,), dtype='f8', compression=32017, compression_opts=(1,), allow_unknown_filter=True)
                ds.id.write_direct_chunk((0,), b'not really compressed')
            """, path);
        Assert.False(H5FilterCatalog.IsAvailable(SzId), "an SZ plugin is installed: this test needs a filter the machine lacks");
        return path;
    }

    private static void AssertNamesSz(H5FilterNotAvailableException e, string doing)
    {
        Assert.Equal(SzId, e.FilterId);
        Assert.Equal("sz", e.FilterName);
        Assert.StartsWith(doing, e.Message, StringComparison.Ordinal);
        Assert.Contains("(id 32017)", e.Message);
        Assert.NotEmpty(e.ErrorStack);
    }

    [Fact]
    public void ReadingIt_RaisesFilterNotAvailable_WithThePipelinesIdAndName()
    {
        using var f = H5File.Open(SzFile());
        using var ds = f.OpenDataset("x");
        AssertNamesSz(Assert.Throws<H5FilterNotAvailableException>(() => ds.Read<double>()), "Reading dataset '/x'");
    }

    [Fact]
    public void CopyingIt_RaisesFilterNotAvailable_WithThePipelinesIdAndName()
    {
        using var source = H5File.Open(SzFile());
        using var ds = source.OpenDataset("x");
        using var target = H5File.Create(Files.NewPath("copy.h5"));
        using var copy = target.CreateDataset<double>("x", [10]);
        AssertNamesSz(Assert.Throws<H5FilterNotAvailableException>(() => ds.CopyTo(copy)), "Reading dataset '/x'");
    }

    [Fact]
    public void TheErrorTableAlone_ClassifiesTheStackAsAMissingFilter_ButBuildsNoFilterExceptionWithoutAnId()
    {
        using var f = H5File.Open(SzFile());
        using var ds = f.OpenDataset("x");
        var stack = Assert.Throws<H5FilterNotAvailableException>(() => ds.Read<double>()).ErrorStack;
        Assert.Equal(H5ErrorKind.MissingFilter, H5ErrorTable.Classify(stack));
        var e = H5ErrorTable.Create(stack, "Reading '/x'");
        Assert.IsNotType<H5FilterNotAvailableException>(e);
        Assert.IsType<H5Exception>(e);
        Assert.Same(stack, ((H5Exception)e).ErrorStack);
    }
}
