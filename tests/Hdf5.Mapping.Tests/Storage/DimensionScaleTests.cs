using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Storage;

public sealed class DimensionScaleTests : H5TestBase
{
    [Fact]
    public void ScaleAttachedToSeveralDatasets_IsSeenByH5pyThroughTheHost()
    {
        var path = Files.NewPath();
        var x = Enumerable.Range(0, 100).Select(i => i * 0.5).ToArray();
        using (var f = H5File.Create(path))
        {
            using var scale = f.Add("dimscale/x", x);
            scale.MakeScale("X");
            Assert.True(scale.IsScale);
            Assert.Equal("X", scale.ScaleName);
            foreach (var name in new[] { "a", "b" })
            {
                using var ds = f.CreateDataset<double>(name, [100, 7]);
                ds.Dims[0].Attach(scale);
                ds.Dims[0].Label = "x";
                Assert.True(ds.Dims[0].IsAttached(scale));
                Assert.Equal(1, ds.Dims[0].Count);
                Assert.Equal(["/dimscale/x"], ds.Dims[0].ScalePaths);
                using var viaHost = ds.Dims[0][0];
                Assert.Equal(x, viaHost.Read<double>());
                using var byName = ds.Dims[0]["X"];
                Assert.Equal("/dimscale/x", byName.Name);
                Assert.Equal(0, ds.Dims[1].Count);
                Assert.Throws<H5SelectionException>(() => ds.Dims[2]);
            }
            using var c = f.CreateDataset<double>("c", [100]);
            c.Dims[0].Attach(scale);
            c.Dims[0].Detach(scale);
            Assert.Equal(0, c.Dims[0].Count);
            using var notScale = f.Add("plain", x);
            Assert.Throws<ArgumentException>(() => c.Dims[0].Attach(notScale));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            a = f['a']
            print(json.dumps({'is_scale': h5py.h5ds.is_scale(f['dimscale/x'].id), 'label': a.dims[0].label,
                              'keys': list(a.dims[0].keys()), 'x': a.dims[0][0][:3].tolist(),
                              'class': f['dimscale/x'].attrs['CLASS'].decode(), 'name': f['dimscale/x'].attrs['NAME'].decode(),
                              'nref': len(f['dimscale/x'].attrs['REFERENCE_LIST']), 'has_dimlist': 'DIMENSION_LIST' in a.attrs}))
            """, path);
        Assert.True(json.GetProperty("is_scale").GetBoolean());
        Assert.Equal("x", json.GetProperty("label").GetString());
        Assert.Equal(["X"], json.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0.0, 0.5, 1.0], json.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("DIMENSION_SCALE", json.GetProperty("class").GetString());
        Assert.Equal("X", json.GetProperty("name").GetString());
        Assert.Equal(2, json.GetProperty("nref").GetInt32());
        Assert.True(json.GetProperty("has_dimlist").GetBoolean());
    }

    [Fact]
    public void ScalesMadeByH5py_AreReadThroughTheHost()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            with h5py.File(sys.argv[1], 'w') as f:
                t = f.create_dataset('time', data=numpy.arange(5.0))
                t.make_scale('time')
                d = f.create_dataset('d', data=numpy.zeros((5, 2)))
                d.dims[0].attach_scale(t)
                d.dims[1].label = 'channel'
            """, path);
        using var f = H5File.Open(path);
        using var d = f.OpenDataset("d");
        Assert.Equal("channel", d.Dims[1].Label);
        using var t = d.Dims[0]["time"];
        Assert.Equal([0.0, 1, 2, 3, 4], t.Read<double>());
    }
}
