using Hdf5.Mapping.LiveWriter;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Live;

/// <summary>What single-writer/multiple-reader mode allows and refuses, each refusal a specific exception raised before
/// libhdf5 is called; what the file holds afterwards is checked by h5py.</summary>
public sealed class SwmrRulesTests : H5TestBase
{
    private string SwmrFile(Action<H5File>? build = null)
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path, options: H5FileOptions.ForSwmr());
        f.Attrs.Set("rate_hz", 100.0);
        using (var ds = f.CreateDataset<double>("samples", [0], new H5DatasetOptions { Chunks = [16], MaxShape = [H5Dataset.Unlimited] })) { }
        using (var g = f.CreateGroup("meta")) { }
        build?.Invoke(f);
        return path;
    }

    [Fact]
    public void StartSwmrWrite_OnAFileOfTheEarliestFormat_RaisesAndTheFileStaysUsable()
    {
        using var f = H5File.Create(Files.NewPath());
        using (var ds = f.CreateDataset<double>("x", [0], new H5DatasetOptions { Chunks = [4], MaxShape = [H5Dataset.Unlimited] })) { }
        var e = Assert.Throws<H5SwmrException>(f.StartSwmrWrite);
        Assert.Contains("superblock version 0", e.Message);
        Assert.Contains("H5FileOptions.ForSwmr()", e.Message);
        Assert.False(f.SwmrMode);
        using var again = f.OpenDataset("x");
        again.Append<double>([1, 2]);
        using var g = f.CreateGroup("still-writable");
    }

    [Fact]
    public void StartSwmrWrite_OnASwmrFormatFileReopenedWithDefaultOptions_Starts()
    {
        // libhdf5 raises the low bound of a file whose superblock is of the 1.10 format when it opens it.
        var path = SwmrFile();
        using var f = H5File.Open(path, H5FileMode.ReadWrite);
        f.StartSwmrWrite();
        Assert.True(f.IsSwmrWriting);
        Assert.True(f.LibverBounds.Low >= H5LibraryVersion.V110);
    }

    [Fact]
    public void StartSwmrWrite_OnAReadOnlyFile_RaisesReadOnly()
    {
        var path = SwmrFile();
        using var f = H5File.Open(path, options: H5FileOptions.ForSwmr());
        Assert.Throws<H5ReadOnlyFileException>(f.StartSwmrWrite);
    }

    [Fact]
    public void StartSwmrWrite_WithAnAttributeOpen_RaisesUntilItIsClosed()
    {
        var path = SwmrFile();
        using var f = H5File.Open(path, H5FileMode.ReadWrite, H5FileOptions.ForSwmr());
        using (var attribute = f.Attrs.Open("rate_hz"))
        {
            var e = Assert.Throws<H5SwmrException>(f.StartSwmrWrite);
            Assert.Contains("1 attribute(s) or named datatype(s)", e.Message);
        }
        f.StartSwmrWrite();
        Assert.True(f.IsSwmrWriting);
        f.StartSwmrWrite(); // harmless the second time
    }

    [Fact]
    public void CreatingFilesInSwmrMode_IsRefused_TheirObjectsMustExistFirst()
    {
        var path = Files.NewPath();
        var e = Assert.Throws<ArgumentException>(() => H5File.Create(path, options: new H5FileOptions { Swmr = true }));
        Assert.Contains("StartSwmrWrite()", e.Message);
        Assert.False(File.Exists(path));
        Assert.Throws<ArgumentException>(() => H5File.Open(path, H5FileMode.Append, new H5FileOptions { Swmr = true }));
    }

    [Fact]
    public void UnderSwmrWrite_NewOrRemovedObjectsAndAttributes_AreRefused_AndTheFileKeepsItsLayout()
    {
        var path = SwmrFile();
        using (var f = H5File.Open(path, H5FileMode.ReadWrite, new H5FileOptions { Swmr = true })) // LibverLow raised to V110
        {
            Assert.True(f.IsSwmrWriting);
            Assert.True(f.SwmrMode);
            using var ds = f.OpenDataset("samples");
            using var meta = f.OpenGroup("meta");
            var refused = new List<Action>
            {
                () => f.CreateGroup("new"),
                () => meta.CreateGroup("new"),
                () => f.Add("data", new double[] { 1 }),
                () => f.CreateDataset<int>("empty", [3]),
                () => f.CreateScalarDataset("scalar", 1),
                () => f.Attrs.Set("rate_hz", 200.0),
                () => f.Attrs.Set("new", "text"),
                () => ds.Attrs.Set("units", "V"),
                () => f.Attrs.Remove("rate_hz"),
                () => f.Remove("meta"),
                () => f.CreateSoftLink("alias", "/samples"),
                () => f.CreateHardLink("hard", ds),
                () => ds.MakeScale("t"),
            };
            foreach (var operation in refused)
            {
                var e = Assert.Throws<H5SwmrException>(operation);
                Assert.Contains("SWMR write mode", e.Message);
            }
            ds.Append<double>([1, 2, 3]);            // what SWMR allows: appending, writing, resizing, flushing
            ds[0..1].Write<double>([10]);
            ds.Resize(4);
            ds.Flush();
            f.Flush();
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps({'keys': sorted(f.keys()), 'attrs': {k: float(v) for k, v in f.attrs.items()},
                              'ds_attrs': list(f['samples'].attrs.keys()), 'samples': f['samples'][()].tolist(),
                              'meta': list(f['meta'].keys())}))
            """, path);
        Assert.Equal(["meta", "samples"], json.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(100.0, json.GetProperty("attrs").GetProperty("rate_hz").GetDouble());
        Assert.Single(json.GetProperty("attrs").EnumerateObject());
        Assert.Empty(json.GetProperty("ds_attrs").EnumerateArray());
        Assert.Empty(json.GetProperty("meta").EnumerateArray());
        Assert.Equal([10.0, 2, 3, 0], json.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void AMappedSave_UnderSwmrWrite_IsRefused()
    {
        var path = Files.NewPath();
        using var writer = new Telemetry { RateHz = 50 }.CreateSwmrWriter(path);
        Assert.True(writer.File.IsSwmrWriting);
        Assert.Throws<H5SwmrException>(() => new Telemetry().WriteTo(writer.File));
        Assert.Throws<H5SwmrException>(() => writer.File.Attrs.Set("rate_hz", 60.0));
    }

    [Fact]
    public void CreateForSwmrWrite_WhenBuildingFails_LeavesTheOldFileAsItWas()
    {
        var path = Files.NewPath();
        using (var old = H5File.Create(path)) old.Attrs.Set("version", 1);
        Assert.Throws<H5AlreadyExistsException>(() => H5File.CreateForSwmrWrite(path, f =>
        {
            using (f.CreateGroup("a")) { }
            using (f.CreateGroup("a")) { }
        }));
        using (var f = H5File.Open(path)) Assert.Equal(1, f.Attrs.Get<int>("version"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!), p => p.Contains(Path.GetFileName(path), StringComparison.Ordinal));
    }

    [Fact]
    public void CreateForSwmrWrite_OverAFileAnH5pyReaderHoldsOpen_IsNotLockedOut()
    {
        var path = SwmrFile();
        // A SWMR reader of a file no writer has open holds libhdf5's file lock; writing that file in place would fail.
        using var holder = PeerProcess.Python("""
            f = h5py.File(sys.argv[1], 'r', libver='latest', swmr=True)
            print('open', list(f.keys()), flush=True)
            sys.stdin.readline()
            """, path);
        holder.ReadUntil("open");
        using (var f = H5File.CreateForSwmrWrite(path, building =>
        {
            using var ds = building.CreateDataset<int>("counts", [0], new H5DatasetOptions { Chunks = [8], MaxShape = [H5Dataset.Unlimited] });
        }))
        {
            Assert.True(f.IsSwmrWriting);
            Assert.Equal(Path.GetFullPath(path), f.Filename);
            using var ds = f.OpenDataset("counts");
            ds.Append<int>([7, 8, 9]);
            f.Flush();
            var json = Peers.PythonJson("""
                import sys
                f = h5py.File(sys.argv[1], 'r', libver='latest', swmr=True)
                print(json.dumps([sorted(f.keys()), f['counts'][()].tolist()]))
                """, path);
            Assert.Equal(["counts"], json[0].EnumerateArray().Select(e => e.GetString()));
            Assert.Equal([7, 8, 9], json[1].EnumerateArray().Select(e => e.GetInt32()));
        }
        holder.WriteLine("done");
        holder.WaitForSuccess();
    }
}
