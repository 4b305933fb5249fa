using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class FileImageTests : H5TestBase
{
    [Fact]
    public void ImageWrittenByH5pyToBytesIO_OpensFromAStream()
    {
        var path = Files.NewPath("image.bin");
        Peers.RunPython("""
            import sys, io
            buf = io.BytesIO()
            with h5py.File(buf, 'w') as f:
                f['x'] = numpy.arange(5) * 1.5
                f.attrs['who'] = 'h5py'
            open(sys.argv[1], 'wb').write(buf.getvalue())
            """, path);
        using var stream = File.OpenRead(path);
        using var f = H5File.OpenStream(stream);
        Assert.Equal("h5py", f.Attrs.GetString("who"));
        using var x = f.OpenDataset("x");
        Assert.Equal([0, 1.5, 3, 4.5, 6], x.Read<double>());
    }

    [Fact]
    public void InMemoryFileSavedToAStream_IsReadByH5pyFromBytesIO()
    {
        var path = Files.NewPath("saved.bin");
        using (var f = H5File.CreateInMemory())
        {
            f.Add("grid", new int[,] { { 1, 2 }, { 3, 4 } }).Dispose();
            f.Attrs.Set("title", "from memory");
            using var stream = File.Create(path);
            f.SaveTo(stream);
        }
        var text = Peers.RunPython("""
            import sys, io
            f = h5py.File(io.BytesIO(open(sys.argv[1], 'rb').read()), 'r')
            print(f.attrs['title'], f['grid'][()].tolist())
            """, path).Trim();
        Assert.Equal("from memory [[1, 2], [3, 4]]", text);
    }

    [Fact]
    public void ImageOpenedReadWrite_ChangesOnlyTheCopyInMemory()
    {
        byte[] original;
        using (var f = H5File.CreateInMemory())
        {
            f.Add("x", new[] { 1, 2, 3 }).Dispose();
            original = f.GetImage();
        }
        var before = (byte[])original.Clone();
        byte[] changed;
        using (var f = H5File.OpenImage(original, H5FileMode.ReadWrite))
        {
            using (var x = f.OpenDataset("x")) x.Write(new[] { 7, 8, 9 });
            changed = f.GetImage();
        }
        Assert.Equal(before, original); // libhdf5 worked on its own copy
        using (var f = H5File.OpenImage(changed))
        using (var x = f.OpenDataset("x"))
            Assert.Equal([7, 8, 9], x.Read<int>());
        using (var f = H5File.OpenImage(new ReadOnlyMemory<byte>(original)))
        using (var x = f.OpenDataset("x"))
            Assert.Equal([1, 2, 3], x.Read<int>());
    }

    [Fact]
    public void BytesThatAreNotHdf5_RaiseInvalidFile()
    {
        Assert.Throws<H5InvalidFileException>(() => H5File.OpenImage("definitely not an HDF5 file"u8.ToArray()));
        Assert.Throws<H5InvalidFileException>(() => H5File.OpenImage(Array.Empty<byte>()));
    }
}
