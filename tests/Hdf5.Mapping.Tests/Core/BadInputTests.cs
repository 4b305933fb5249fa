using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>Each bad input raises a specific exception carrying libhdf5's error stack, prints nothing to stderr,
/// and leaves the file as it was.</summary>
public sealed class BadInputTests : H5TestBase
{
    private string MakeFile()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        using var ds = f.Add("ints", new[] { 1, 2, 3, 4 });
        using var g = f.CreateGroup("g");
        return path;
    }

    // Opening a file read/write rewrites its superblock flags, so "unchanged" means: h5dump prints the same content.
    private static string Hash(string path) => Peers.H5Dump(path).Replace(path, "FILE");

    [Fact]
    public void MissingFile_RaisesFileNotFound()
    {
        var missing = Path.Combine(Files.Folder, "missing.h5");
        var e = Assert.Throws<H5FileNotFoundException>(() => H5File.Open(missing));
        Assert.IsAssignableFrom<FileNotFoundException>(e);
        Assert.Equal(missing, e.FileName);
    }

    [Fact]
    public void TextFileOpenedAsHdf5_RaisesInvalidFile_WithTheErrorStack_AndPrintsNothing()
    {
        var path = Files.NewPath("notes.txt");
        File.WriteAllText(path, "this is not HDF5\n");
        H5InvalidFileException? e = null;
        var stderr = StderrCapture.Run(() => e = Assert.Throws<H5InvalidFileException>(() => H5File.Open(path)));
        Assert.Equal("", stderr);
        Assert.IsType<InvalidDataException>(e!.InnerException);
        Assert.NotEmpty(e.ErrorStack);
        Assert.Contains(e.ErrorStack, r => r.Function == "H5Fopen");
        Assert.Contains("signature", e.Message);
        Assert.Equal("this is not HDF5\n", File.ReadAllText(path));
        Assert.False(H5File.IsHdf5(path));
    }

    [Fact]
    public void TruncatedFile_RaisesInvalidFile()
    {
        var path = MakeFile();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var stderr = StderrCapture.Run(() =>
        {
            var e = Assert.Throws<H5InvalidFileException>(() => H5File.Open(path));
            Assert.Contains("truncated", e.Message);
        });
        Assert.Equal("", stderr);
    }

    [Fact]
    public void MissingLinksAndAttributes_RaiseKeyNotFound_WithThePath()
    {
        var path = MakeFile();
        var before = Hash(path);
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        {
            var stderr = StderrCapture.Run(() =>
            {
                Assert.Throws<H5LinkNotFoundException>(() => f.OpenDataset("nope"));
                Assert.Throws<H5LinkNotFoundException>(() => f.OpenGroup("g/deeper/nope"));
                Assert.Throws<H5LinkNotFoundException>(() => f.Attrs.GetString("nope"));
                Assert.Throws<H5TypeMismatchException>(() => f.OpenGroup("ints")); // a dataset, not a group
            });
            Assert.Equal("", stderr);
        }
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void WrongTypes_AndShapeMismatches_RaiseWithoutChangingTheFile()
    {
        var path = MakeFile();
        var before = Hash(path);
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        using (var ds = f.OpenDataset("ints"))
        {
            var stderr = StderrCapture.Run(() =>
            {
                var e = Assert.Throws<H5TypeMismatchException>(() => ds.ReadStrings()); // int32 read as string
                Assert.Contains("int32", e.Message);
                Assert.Throws<H5TypeMismatchException>(() => ds.WriteStrings(["a", "b", "c", "d"]));
                Assert.Throws<H5SelectionException>(() => ds.Write(new[] { 1, 2, 3 }));     // 3 values for 4 elements
                Assert.Throws<H5SelectionException>(() => ds.Read2D<int>());               // rank 1, not 2
                Assert.Throws<H5SelectionException>(() => ds.Read<int>(new int[5]));
                Assert.Throws<H5SelectionException>(() => ds[7].ReadScalar<int>());         // out of range index
                Assert.Throws<H5SelectionException>(() => ds[0, 1].Read<int>());            // too many indices
                Assert.Throws<H5SelectionException>(() => ds.ReadPoints<int>(new long[,] { { 9 } }));
                Assert.Throws<ArgumentOutOfRangeException>(() => ds[H5Selector.Slice(0, 4, 0)]);
            });
            Assert.Equal("", stderr);
        }
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void CreatingOverAnExistingName_RaisesAlreadyExists_AndKeepsTheOldObject()
    {
        var path = MakeFile();
        using var f = H5File.Open(path, H5FileMode.ReadWrite);
        Assert.Throws<H5AlreadyExistsException>(() => f.CreateDataset<double>("ints", [2]));
        Assert.Throws<H5AlreadyExistsException>(() => f.CreateGroup("g"));
        Assert.Throws<ArgumentException>(() => f.CreateGroup("a/../b"));
        Assert.Throws<ArgumentException>(() => f.CreateGroup(""));
        using var ds = f.OpenDataset("ints");
        Assert.Equal([1, 2, 3, 4], ds.Read<int>());
    }

    [Fact]
    public void DisposedHandles_RaiseObjectDisposed()
    {
        var path = MakeFile();
        var f = H5File.Open(path);
        var ds = f.OpenDataset("ints");
        ds.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ds.Read<int>());
        Assert.Throws<ObjectDisposedException>(() => ds.Shape);
        f.Dispose();
        Assert.Throws<ObjectDisposedException>(() => f.Keys);
        Assert.Throws<ObjectDisposedException>(() => f.OpenDataset("ints"));
    }

    [Fact]
    public void ClosingTheFile_ClosesObjectsStillOpenInIt_LikeH5py()
    {
        var path = MakeFile();
        var f = H5File.Open(path);
        var ds = f.OpenDataset("ints");
        var g = f.OpenGroup("g");
        Assert.Equal(3, f.OpenObjectCount);
        f.Dispose();
        Assert.Equal(0, H5File.OpenObjectCountInProcess);
        Assert.False(ds.IsOpen);
        ds.Dispose();
        g.Dispose();
        using var again = H5File.Open(path, H5FileMode.ReadWrite); // nothing keeps the file open
    }

    [Fact]
    public void ForgottenHandles_AreReleasedByTheFinalizer()
    {
        var path = MakeFile();
        OpenAndForget(path);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(0, H5File.OpenObjectCountInProcess);

        static void OpenAndForget(string path)
        {
            var f = H5File.Open(path);
            _ = f.OpenDataset("ints");
            _ = f.OpenGroup("g");
            Assert.Equal(3, H5File.OpenObjectCountInProcess);
        }
    }

    [Fact]
    public void FilterThatIsNotAvailable_IsReportedByIdNameAndInstallHint()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        var e = Assert.Throws<H5FilterNotAvailableException>(() =>
            f.CreateDataset<int>("x", [10], new H5DatasetOptions { Chunks = [5] }.With(H5Filter.Custom(31999, 1))));
        Assert.Equal(31999, e.FilterId);
        Assert.Contains("31999", e.Message);
        Assert.False(f.ContainsKey("x"));
    }
}
