using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

[H5File]
public partial class Network
{
    [H5Attribute("ids")] public List<int> Ids { get; set; } = [];
    [H5Dataset("series")] public List<double> Series { get; set; } = [];
    [H5Dataset("tags")] public List<string> Tags { get; set; } = [];
    [H5Group("stations")] public List<Station> Stations { get; set; } = [];
    [H5Group("by_name")] public Dictionary<string, Station> ByName { get; set; } = [];
}

[H5File]
public partial class LazyView
{
    [H5Attribute("title")] public string Title { get; set; } = "";
    [H5Dataset("big")] public H5Dataset<double>? Big { get; set; }
}

[H5File]
public partial class RefIndex
{
    [H5Dataset("objrefs/refs")] public H5ObjectReference[] Refs { get; set; } = [];
}

public sealed class CollectionMappingTests : H5TestBase
{
    [Fact]
    public void ListsAndDictionariesOfGroups_AreStoredAsH5pyExpects_AndReadBack()
    {
        var path = Files.NewPath();
        var network = new Network
        {
            Ids = [3, 1, 4],
            Series = [0.5, 1.5, 2.5],
            Tags = ["a", "β"],
            Stations = [new Station { Name = "first", Temperature = [1.0, 1, 1, 1] }, new Station { Name = "second", Temperature = [2.0, 3.0, 4, 5] }],
            ByName = new() { ["zeta"] = new Station { Name = "z", Temperature = [9.0, 9, 9, 9] }, ["alpha"] = new Station { Name = "a", Temperature = [8.0, 8, 8, 8] } },
        };
        network.Write(path);
        var text = Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(f.attrs['ids'].tolist(), f['series'][()].tolist(), f['tags'].asstr()[()].tolist(),
                  sorted(f['stations'].keys()), f['stations/1'].attrs['name'], f['stations/1/temperature'][()].tolist(),
                  sorted(f['by_name'].keys()), f['by_name/zeta'].attrs['name'])
            """, path).Trim();
        Assert.Equal("[3, 1, 4] [0.5, 1.5, 2.5] ['a', 'β'] ['0', '1'] second [2.0, 3.0, 4.0, 5.0] ['alpha', 'zeta'] z", text);

        var back = Network.Read(path);
        Assert.Equal([3, 1, 4], back.Ids);
        Assert.Equal([0.5, 1.5, 2.5], back.Series);
        Assert.Equal(["a", "β"], back.Tags);
        Assert.Equal(["first", "second"], back.Stations.Select(s => s.Name));
        Assert.Equal([2.0, 3.0, 4, 5], back.Stations[1].Temperature);
        Assert.Equal(["alpha", "zeta"], back.ByName.Keys.Order());
        Assert.Equal([9.0, 9, 9, 9], back.ByName["zeta"].Temperature);
    }

    [Fact]
    public void LazyDatasetMember_IsOpenedNotLoaded_AndSlicesLikeH5py()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                f.attrs['title'] = 'lazy'
                f['big'] = numpy.arange(100000.0).reshape(100, 1000)
            """, path);
        // A lazy member lives as long as its file: read it from an open file (a live view), not with Read(path).
        using var file = H5File.Open(path);
        var view = LazyView.ReadFrom(file);
        using (view.Big)
        {
            Assert.Equal("lazy", view.Title);
            Assert.Equal([100L, 1000L], view.Big!.Shape);
            Assert.Equal(new double[,] { { 10500, 10501 }, { 11500, 11501 } }, view.Big[10..12, 500..502]);
        }
    }

    [Fact]
    public void ObjectReferenceArrays_MapAsDatasets_AndDereference()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                a = f.create_dataset('compressed/defl', data=[1.0, 2.0])
                b = f.create_dataset('compressed/zstd', data=[3.0])
                f.create_dataset('objrefs/refs', data=[a.ref, b.ref], dtype=h5py.ref_dtype)
            """, path);
        var index = RefIndex.Read(path);
        using var f = H5File.Open(path);
        Assert.Equal(["/compressed/defl", "/compressed/zstd"], index.Refs.Select(f.GetReferenceTargetName));
    }
}
