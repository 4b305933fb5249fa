using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

// Groups, datasets and attributes are opened and created straight away, and only a failed call asks why: these pin
// down that every outcome keeps its specific exception and leaves the file as it was.
public sealed class OpenAndCreateOutcomeTests : H5TestBase
{
    [Fact]
    public void Open_OfAMissingName_ADanglingLink_OrAnotherKind_RaisesWhatItIs()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using (f.CreateGroup("g")) { }
            using (f.Add("d", new[] { 1.0, 2.0 })) { }
            f.CreateSoftLink("dangling", "/nowhere");
        }
        using var file = H5File.Open(path);
        Assert.Contains("is a dataset, not a group", Assert.Throws<H5TypeMismatchException>(() => file.OpenGroup("d")).Message);
        Assert.Contains("is a group, not a dataset", Assert.Throws<H5TypeMismatchException>(() => file.OpenDataset("g")).Message);
        Assert.Throws<H5LinkNotFoundException>(() => file.OpenGroup("missing"));
        Assert.Throws<H5LinkNotFoundException>(() => file.OpenDataset("g/missing/deeper"));
        Assert.Throws<H5LinkNotFoundException>(() => file.OpenGroup("dangling"));
        Assert.True(file.ContainsKey("dangling")); // a link to nothing is still a link of the group
        Assert.False(file.ContainsKey("g/missing"));
        using var g = file.OpenGroup("g");
        Assert.Equal("/g", g.Name);
        using var d = file.OpenDataset("d");
        Assert.Equal([1.0, 2.0], d.Read<double>());
    }

    [Fact]
    public void RequireGroup_CreatesOnce_OpensWhatExists_AndRefusesADataset()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            using (var g = f.RequireGroup("g")) g.Attrs.Set("n", 1);
            using (var again = f.RequireGroup("g")) Assert.Equal(1, again.Attrs.Get<int>("n"));
            using (var nested = f.RequireGroup("g/h/i")) Assert.Equal("/g/h/i", nested.Name);
            using (f.Add("d", new[] { 1 })) { }
            Assert.Throws<H5TypeMismatchException>(() => f.RequireGroup("d"));
            Assert.Throws<H5AlreadyExistsException>(() => f.CreateGroup("g"));
        }
        var listing = Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'r') as f:
                print(sorted(f.keys()), sorted(f['g'].keys()), int(f['g'].attrs['n']), type(f['d']).__name__)
            """, path).Trim();
        Assert.Equal("['d', 'g'] ['h'] 1 Dataset", listing);
    }

    [Fact]
    public void AttributeSet_CreatesNewOnes_ReplacesExistingOnes_AndGetOfAMissingOneSaysSo()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var g = f.CreateGroup("g"))
        {
            g.Attrs.Set("a", 1.5);
            g.Attrs.Set("a", 7); // replaced, now an int32
            g.Attrs.Set("s", "first");
            g.Attrs.Set("s", "second");
            Assert.Equal(7, g.Attrs.Get<int>("a"));
            Assert.Equal("second", g.Attrs.GetString("s"));
            var e = Assert.Throws<H5LinkNotFoundException>(() => g.Attrs.Get<double>("missing"));
            Assert.Contains("has no attribute 'missing'", e.Message);
            Assert.Equal(["a", "s"], g.Attrs.Keys.Order());
        }
        var stored = Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'r') as f:
                a = f['g'].attrs
                print(sorted(a.keys()), a['a'].dtype, int(a['a']), a['s'])
            """, path).Trim();
        Assert.Equal("['a', 's'] int32 7 second", stored);
    }
}
