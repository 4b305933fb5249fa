using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

/// <summary>Failures keep libhdf5's error stack (building a message never clears it first), and nothing our layer
/// raises is a generic .NET exception: each names the object or file and is of the kind a caller can act on.</summary>
public sealed class ErrorReportingTests : H5TestBase
{
    private string MakeFile()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], "w") as f:
                f.create_dataset("g/ints", data=numpy.arange(4, dtype="i4"))
                f.create_dataset("grow", data=numpy.arange(3.0), maxshape=(None,), chunks=(2,))
                f.attrs["title"] = "kept"
            """, path);
        return path;
    }

    [Fact]
    public void WritingIntoAReadOnlyFile_RaisesReadOnly_WithLibhdf5sStack_ForDatasetsAttributesAndGroups()
    {
        var path = MakeFile();
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("g/ints");
        var stderr = StderrCapture.Run(() =>
        {
            // h5py says "no write intent on file" for each of these; so does the stack we carry.
            var write = Assert.Throws<H5ReadOnlyFileException>(() => ds.Write(new[] { 9, 9, 9, 9 }));
            Assert.Contains(write.ErrorStack, r => r.Description.Contains("no write intent", StringComparison.Ordinal));
            Assert.Contains("dataset '/g/ints'", write.Message);
            var attribute = Assert.Throws<H5ReadOnlyFileException>(() => ds.Attrs.Set("units", "m"));
            Assert.NotEmpty(attribute.ErrorStack);
            var group = Assert.Throws<H5ReadOnlyFileException>(() => f.CreateGroup("new").Dispose());
            Assert.NotEmpty(group.ErrorStack);
        });
        Assert.Equal("", stderr);
        Assert.Equal([0, 1, 2, 3], ds.Read<int>());
    }

    [Fact]
    public void ResizingInAReadOnlyFile_RaisesReadOnly_NamingTheFilesPath()
    {
        var path = MakeFile();
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("grow");
        var e = Assert.Throws<H5ReadOnlyFileException>(() => ds.Resize(5));
        Assert.Contains(path, e.Message);
        Assert.DoesNotContain("<H5File", e.Message);
        Assert.Equal([3L], ds.Shape);
    }

    [Fact]
    public void ADatasetUsedAfterItsFileWasClosed_RaisesObjectDisposed_NamingItAndTheFile()
    {
        var path = MakeFile();
        var f = H5File.Open(path);
        using var ds = f.OpenDataset("g/ints");
        var attrs = ds.Attrs;
        f.Dispose();
        var read = Assert.Throws<ObjectDisposedException>(() => ds.Read<int>());
        Assert.Contains("dataset '/g/ints'", read.Message);
        Assert.Contains(path, read.Message);
        Assert.Throws<ObjectDisposedException>(() => ds.Shape);
        Assert.Throws<ObjectDisposedException>(() => ds.Name);
        Assert.Throws<ObjectDisposedException>(() => attrs.GetString("title"));
        Assert.Throws<ObjectDisposedException>(() => f.OpenDataset("g/ints"));
        Assert.False(ds.IsOpen);
        Assert.Equal("<Closed H5Dataset>", ds.ToString());
    }

    [Fact]
    public void NullNames_RaiseArgumentNull_NotNullReference()
    {
        var path = MakeFile();
        using var f = H5File.Open(path);
        Assert.Throws<ArgumentNullException>(() => f.OpenDataset(null!));
        Assert.Throws<ArgumentNullException>(() => f.OpenGroup(null!));
        Assert.Throws<ArgumentNullException>(() => f.OpenObject(null!));
        Assert.Throws<ArgumentNullException>(() => f.GetKind(null!));
        Assert.Throws<ArgumentNullException>(() => f.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => f.Attrs.GetString(null!));
        Assert.Throws<ArgumentNullException>(() => f.Attrs.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => H5File.Open(null!));
    }

    [Fact]
    public void OpeningADirectory_SaysItIsADirectory_NotThatThereIsNoFile()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Files.Folder, "folder.h5")).FullName;
        var open = Assert.Throws<H5InvalidFileException>(() => H5File.Open(dir));
        Assert.Contains("is a directory", open.Message);
        var create = Assert.Throws<H5AlreadyExistsException>(() => H5File.Create(dir));
        Assert.Contains("directory", create.Message);
        Assert.True(Directory.Exists(dir));
        Assert.Throws<ArgumentException>(() => H5File.Create(Path.Combine(Files.Folder, "trailing") + "/"));
    }

    [Fact]
    public void IndexErrors_NameTheDataset()
    {
        var path = MakeFile();
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("g/ints");
        var index = Assert.Throws<H5SelectionException>(() => ds[7].ReadScalar<int>());
        Assert.Contains("dataset '/g/ints'", index.Message);
        var rank = Assert.Throws<H5SelectionException>(() => ds[0, 1]);
        Assert.Contains("dataset '/g/ints'", rank.Message);
    }

    [Fact]
    public void ReadingMoreElementsThanAnArrayHolds_RaisesSelection_NamingTheDataset_NotOverflow()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        // Chunked and never written: three billion elements that take no space in the file.
        using var ds = f.CreateDataset<byte>("huge", [3_000_000_000L], new H5DatasetOptions { Chunks = [1 << 20] });
        var e = Assert.Throws<H5SelectionException>(() => ds.Read<byte>());
        Assert.Contains("dataset '/huge'", e.Message);
        Assert.Contains("3,000,000,000", e.Message);
        var slice = Assert.Throws<H5SelectionException>(() => ds[..].Read<byte>());
        Assert.Contains("dataset '/huge'", slice.Message);
        Assert.Equal(new byte[16], ds[..16].Read<byte>()); // slices still read
    }

    [Fact]
    public void ACorruptRegionReference_IsInvalidFile_NamingTheDataset_NotArgumentOutOfRange()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], "w") as f:
                d = f.create_dataset("data", data=numpy.arange(30.).reshape(5, 6))
                f["refs"] = numpy.array([d.regionref[1:3, 2:4]], dtype=h5py.regionref_dtype)
            """, path);
        // The selection is stored in the global heap as start and end corners (uint32 each): (1, 2) and (2, 3).
        var bytes = File.ReadAllBytes(path);
        var corners = Convert.FromHexString("01000000020000000200000003000000");
        var at = bytes.AsSpan().IndexOf(corners);
        Assert.True(at > 0, "the region's selection was not found in the file");
        BitConverter.GetBytes(4096).CopyTo(bytes, at + 12); // the end column: far past the 6 columns
        File.WriteAllBytes(path, bytes);

        using var f = H5File.Open(path);
        using var refs = f.OpenDataset("refs");
        using var data = f.OpenDataset("data");
        var region = refs.Read<H5RegionReference>()[0];
        var e = Assert.Throws<H5InvalidFileException>(() => data.GetRegion(region));
        Assert.Equal("/data", e.ObjectPath);
        Assert.Contains("4096", e.Message);
    }
}
