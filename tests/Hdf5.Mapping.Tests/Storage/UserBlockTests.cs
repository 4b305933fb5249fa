using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Storage;

/// <summary>User blocks (<c>H5Pset_userblock</c>, h5py's <c>userblock_size</c>): created by us and read by h5py and
/// h5dump, created by h5py and read by us, sizes libhdf5 refuses refused before any file is touched.</summary>
public sealed class UserBlockTests : H5TestBase
{
    [Fact]
    public void FileWithAUserBlock_WrittenByUs_IsReadByH5pyAndH5dump_WithTheBlockIntact()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path, options: new H5FileOptions { UserBlockSize = 1024 }))
        {
            Assert.Equal(1024, f.UserBlockSize);
            using (f.Add("data", new[] { 1.5, 2.5, 3.5 })) { }
        }
        var header = "MYFORMAT v1\n"u8.ToArray();
        H5File.WriteUserBlock(path, header);
        Assert.Equal(header, H5File.ReadUserBlock(path)[..header.Length]);
        Assert.Equal(1024, H5File.ReadUserBlock(path).Length);

        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], "r")
            size = f.userblock_size
            values = f["data"][()].tolist()
            f.close()
            head = open(sys.argv[1], "rb").read(12).decode()
            print(json.dumps({"size": size, "values": values, "head": head}))
            """, path);
        Assert.Equal(1024, json.GetProperty("size").GetInt32());
        Assert.Equal([1.5, 2.5, 3.5], json.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("MYFORMAT v1\n", json.GetProperty("head").GetString());
        var dump = Peers.H5Dump("-B", "-d", "data", path);
        Assert.Contains("USERBLOCK_SIZE 1024", dump);
        Assert.Contains("1.5, 2.5, 3.5", dump);
    }

    [Fact]
    public void FileWithAUserBlock_WrittenByH5py_IsReadByUs()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], "w", userblock_size=512) as f:
                f["x"] = numpy.arange(4, dtype="i2")
            with open(sys.argv[1], "r+b") as raw:
                raw.write(b"written by python")
            """, path);
        using (var f = H5File.Open(path))
        {
            Assert.Equal(512, f.UserBlockSize);
            using var x = f.OpenDataset("x");
            Assert.Equal([(short)0, 1, 2, 3], x.Read<short>());
        }
        Assert.Equal("written by python"u8.ToArray(), H5File.ReadUserBlock(path)[..17]);
        using var plain = H5File.Create(Files.NewPath());
        Assert.Equal(0, plain.UserBlockSize);
    }

    [Fact]
    public void InvalidUserBlockSizes_AreRefused_AndLeaveAnExistingFileAsItWas()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (f.Add("keep", new[] { 9 })) { }
        var before = File.ReadAllBytes(path);
        foreach (var size in new long[] { 100, 511, 768, -512 })
            Assert.Throws<ArgumentOutOfRangeException>(() => H5File.Create(path, options: new H5FileOptions { UserBlockSize = size }));
        Assert.Equal(before, File.ReadAllBytes(path));
        var e = Assert.Throws<ArgumentException>(() => H5File.WriteUserBlock(path, [1, 2, 3]));
        Assert.Contains("no user block", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
