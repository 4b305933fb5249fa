using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

[H5File]
public partial class Ledger
{
    [H5Attribute("owner")] public string Owner { get; set; } = "";
    [H5Dataset("values")] public double[] Values { get; set; } = [];
    [H5Group("entries")] public List<LedgerEntry> Entries { get; set; } = [];
    [H5Dataset("notes")] public string[] Notes { get; set; } = [];
}

[H5Group]
public partial class LedgerEntry
{
    [H5Attribute("amount")] public double Amount { get; set; }
    [H5Attribute("tag", FixedLength = 4)] public string Tag { get; set; } = "";
}

/// <summary>A call that fails changes nothing it did not finish: each case compares the file before and after, by
/// h5dump's output (which leaves out where libhdf5 placed things) or by its bytes.</summary>
public sealed class FailedCallsDestroyNothingTests : H5TestBase
{
    private static string Dump(string path) => Peers.H5Dump(path).Replace(path, "FILE");

    [Fact]
    public void ATooLongFixedStringAttribute_LeavesTheAttributeItReplaces_AndCreatesNone()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
            f.Attrs.Set("s", "text");
        var before = Dump(path);
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        {
            Assert.Throws<ArgumentException>(() => f.Attrs.SetFixedString("s", "toolong", 2));
            Assert.Throws<ArgumentException>(() => f.Attrs.SetFixedString("fa", "abcdef", 3));
            Assert.Throws<ArgumentException>(() => f.Attrs.SetFixedStrings("fs", ["ok", "much too long"], 4));
            Assert.Equal(["s"], f.Attrs.Keys);
        }
        Assert.Equal(before, Dump(path));
        var json = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1], 'r')\nprint(json.dumps({k: str(f.attrs[k]) for k in f.attrs}))", path);
        Assert.Equal("text", json.GetProperty("s").GetString());
        Assert.Single(json.EnumerateObject());
    }

    [Fact]
    public void ReplacingAnAttribute_StillReplacesIt_AndLeavesNoTemporaryName()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Attrs.Set("s", "text");
            f.Attrs.SetFixedString("s", "abcd", 4);
            f.Attrs.Set("n", 1);
            f.Attrs.Set("n", new[] { 2.5, 3.5 });
        }
        var json = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1], 'r')\nprint(json.dumps({k: repr(f.attrs[k]) for k in f.attrs}))", path);
        Assert.Equal(["n", "s"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("b'abcd'", json.GetProperty("s").GetString());
        Assert.Equal("array([2.5, 3.5])", json.GetProperty("n").GetString());
    }

    [Fact]
    public void APathWithANul_IsRejected_BeforeAnythingTouchesTheDisk()
    {
        var path = Files.NewPath("std.h5");
        using (var f = H5File.Create(path))
            f.Add("ints", new[] { 1, 2, 3 }).Dispose();
        var bytes = File.ReadAllBytes(path);

        // libhdf5 takes C strings: each of these would name "std.h5" (or "ints") and truncate or change it.
        Assert.Throws<ArgumentException>(() => H5File.Create(path + "\0.bak"));
        Assert.Throws<ArgumentException>(() => H5File.Open(path + "\0.bak", H5FileMode.ReadWrite));
        Assert.Throws<ArgumentException>(() => H5File.Open(path + "\0.bak", H5FileMode.Append));
        Assert.Throws<ArgumentException>(() => H5AtomicFile.Write(path + "\0.bak", _ => { }));
        Assert.Throws<ArgumentException>(() => new Ledger().Write(path + "\0.bak"));
        Assert.Throws<ArgumentException>(() => H5File.IsHdf5(path + "\0.bak"));
        Assert.Throws<ArgumentException>(() => H5File.CreateForSwmrWrite(path + "\0.bak", _ => { }));
        Assert.Throws<ArgumentException>(() => H5File.WriteUserBlock(path + "\0.bak", [1, 2]));
        Assert.Throws<ArgumentException>(() => H5File.OpenRemote("https://example.invalid/std.h5\0.bak"));
        Assert.Equal(bytes, File.ReadAllBytes(path));

        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        {
            Assert.Throws<ArgumentException>(() => f.ContainsKey("ints\0x"));   // would answer for "ints"
            Assert.Throws<ArgumentException>(() => f.OpenDataset("ints\0x"));
            Assert.Throws<ArgumentException>(() => f.Remove("ints\0x"));        // would delete "ints"
            Assert.Throws<ArgumentException>(() => f.CreateGroup("ints\0x"));
            Assert.Throws<ArgumentException>(() => f.Add("ints\0x", new[] { 9 }));
            Assert.Throws<ArgumentException>(() => f.Attrs.Set("a\0b", 1));
            Assert.Throws<ArgumentException>(() => f.CreateSoftLink("s", "ints\0x"));
        }
        Assert.Equal([1, 2, 3], Peers.PythonJson("import sys\nprint(json.dumps(h5py.File(sys.argv[1], 'r')['ints'][()].tolist()))", path)
            .EnumerateArray().Select(e => e.GetInt32()));
        Assert.Single(Directory.GetFiles(Files.Folder));
    }

    private static Ledger Sample() => new()
    {
        Owner = "first",
        Values = [1, 2, 3],
        Entries = [new LedgerEntry { Amount = 10, Tag = "aa" }, new LedgerEntry { Amount = 20, Tag = "bb" }],
        Notes = ["one", "two"],
    };

    [Fact]
    public void ASaveThatFailsHalfWay_LeavesTheFileAsItWas()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var before = Dump(path);
        using (var view = Ledger.Open(path, writable: true))
        {
            // Owner, values and the entries group are replaced before the second entry's tag fails.
            view.Value.Owner = "second";
            view.Value.Values = [7, 8];
            view.Value.Entries = [new LedgerEntry { Amount = 1, Tag = "ok" }, new LedgerEntry { Amount = 2, Tag = "far too long" }];
            Assert.Throws<ArgumentException>(view.Save);
            // Everything but the last member is replaced before a null required member is found.
            view.Value.Entries = [new LedgerEntry { Amount = 1, Tag = "ok" }];
            view.Value.Notes = null!;
            Assert.Throws<H5MappingException>(view.Save);
        }
        Assert.Equal(before, Dump(path));
        var back = Ledger.Read(path);
        Assert.Equal("first", back.Owner);
        Assert.Equal([1.0, 2, 3], back.Values);
        Assert.Equal(["aa", "bb"], back.Entries.Select(e => e.Tag));
    }

    [Fact]
    public void ASaveThatFailsAfterWritingADatasetInPlace_PutsItsElementsBack()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var before = Dump(path);
        using (var view = Ledger.Open(path, writable: true))
        {
            view.Value.Values = [7, 8, 9]; // the same shape: written into the existing dataset
            view.Value.Entries[0].Amount = 11;
            view.Value.Entries[1].Tag = "far too long";
            Assert.Throws<ArgumentException>(view.Save);
            using var values = view.File.OpenDataset("values");
            Assert.Equal([1.0, 2, 3], values.Read<double>());
        }
        Assert.Equal(before, Dump(path));
        var json = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1], 'r')\nprint(json.dumps([f['values'][()].tolist(), float(f['entries/0'].attrs['amount'])]))", path);
        Assert.Equal([1.0, 2.0, 3.0], json[0].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(10.0, json[1].GetDouble());
    }

    [Fact]
    public void ASaveThatSucceeds_ReplacesTheMembers_AndLeavesNothingSetAside()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        using (var view = Ledger.Open(path, writable: true))
        {
            view.Value.Owner = "second";
            view.Value.Values = [7, 8];
            view.Value.Entries = [new LedgerEntry { Amount = 5, Tag = "cc" }];
            view.Save();
        }
        var dump = Dump(path);
        Assert.DoesNotContain("h5m-saving", dump);
        Assert.DoesNotContain("h5m-writing", dump);
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps([f.attrs['owner'], f['values'][()].tolist(), list(f['entries']), f['entries/0'].attrs['tag'].decode()]))
            """, path);
        Assert.Equal("second", json[0].GetString());
        Assert.Equal([7.0, 8.0], json[1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["0"], json[2].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("cc", json[3].GetString());
    }

    [Fact]
    public void AnAtomicWriteThatFails_LeavesTheTargetsBytes_AndNoTemporaryFile()
    {
        var path = Files.NewPath();
        Sample().Write(path);
        var bytes = File.ReadAllBytes(path);
        var broken = Sample();
        broken.Entries[1].Tag = "far too long";
        Assert.Throws<ArgumentException>(() => broken.Write(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(Files.Folder));
    }
}
