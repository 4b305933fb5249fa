using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Storage;

public sealed class FileSpaceTests : H5TestBase
{
    [Fact]
    public void PagedFileSpaceStrategy_IsWhatH5pyReports()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path, options: new H5FileOptions { PageSize = 65536 }))
            f.Add("x", Enumerable.Range(0, 10000).ToArray()).Dispose();
        var text = Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            fcpl = f.id.get_create_plist()
            print(fcpl.get_file_space_strategy()[0] == h5py.h5f.FSPACE_STRATEGY_PAGE, fcpl.get_file_space_page_size(), f['x'][9999])
            """, path).Trim();
        Assert.Equal("True 65536 9999", text);
        using var g = H5File.Open(path, options: new H5FileOptions { PageBufferSize = 4 * 65536 });
        using var ds = g.OpenDataset("x");
        Assert.Equal(4242, ds[4242].ReadScalar<int>());
    }

    [Fact]
    public void APageBufferThatTheFileCannotHave_IsRefused_ForReadingAndWriting()
    {
        // libhdf5 1.10 refuses both opens; 1.14.4 and later would drop the buffer, or enlarge it to a page, and say nothing.
        var plain = Files.NewPath("plain.h5");
        using (var f = H5File.Create(plain)) f.Add("x", new[] { 1, 2, 3 }).Dispose();
        var paged = Files.NewPath("paged.h5");
        using (var f = H5File.Create(paged, options: new H5FileOptions { PageSize = 65536 })) f.Add("x", new[] { 1, 2, 3 }).Dispose();
        var before = File.ReadAllBytes(plain);
        foreach (var mode in new[] { H5FileMode.ReadOnly, H5FileMode.ReadWrite })
        {
            var notPaged = Assert.Throws<H5Exception>(() => H5File.Open(plain, mode, new H5FileOptions { PageBufferSize = 1 << 20 }));
            Assert.Contains("PAGE file space strategy", notPaged.Message);
            Assert.Contains(plain, notPaged.Message);
            var tooSmall = Assert.Throws<H5Exception>(() => H5File.Open(paged, mode, new H5FileOptions { PageBufferSize = 4096 }));
            Assert.Contains("page size", tooSmall.Message, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, File.ReadAllBytes(plain));
        using var g = H5File.Open(paged, H5FileMode.ReadWrite, new H5FileOptions { PageBufferSize = 65536 });
        using var ds = g.OpenDataset("x");
        Assert.Equal([1, 2, 3], ds.Read<int>());
    }

    [Fact]
    public void Szip_IsAvailableForEncoding_AndH5pyReadsIt()
    {
        var path = Files.NewPath();
        var data = Enumerable.Range(0, 4096).Select(i => i % 97).ToArray();
        using (var f = H5File.Create(path))
        using (var ds = f.Add("s", data, new H5DatasetOptions { Chunks = [1024] }.With(H5Filter.Szip(pixelsPerBlock: 16, optionsMask: 32))))
        {
            Assert.Equal(data, ds.Read<int>());
            Assert.Equal(4, ds.Filters[0].Id);
        }
        var text = Peers.RunPython("import sys\nd = h5py.File(sys.argv[1], 'r')['s']\nprint(d.compression, int(d[()].sum()))", path).Trim();
        Assert.Equal($"szip {data.Sum()}", text);
    }
}
