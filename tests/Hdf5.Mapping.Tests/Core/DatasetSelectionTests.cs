using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>Hyperslab, step, index and point selections give exactly what h5py's slicing gives on the same file.</summary>
public sealed class DatasetSelectionTests : H5TestBase
{
    private string WriteGrid(out double[,] data)
    {
        var path = Files.NewPath();
        data = new double[40, 600];
        for (int i = 0; i < 40; i++) for (int j = 0; j < 600; j++) data[i, j] = i * 1000 + j;
        using var f = H5File.Create(path);
        using var ds = f.Add("grid", data);
        return path;
    }

    private static double[] H5pySlice(string path, string expression) =>
        Peers.PythonJson($"import sys\nd = h5py.File(sys.argv[1], 'r')['grid']\nprint(json.dumps(numpy.asarray(d[{expression}]).ravel().tolist()))", path)
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void RangeSelection_ReadsTheSameBlockAsH5py()
    {
        var path = WriteGrid(out _);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("grid");
        var block = ds[10..12, 500..510].Read2D<double>();
        Assert.Equal(2, block.GetLength(0));
        Assert.Equal(10, block.GetLength(1));
        Assert.Equal(H5pySlice(path, "10:12, 500:510"), block.Cast<double>());
    }

    [Fact]
    public void StepsIndicesAndFromEndSelections_MatchH5py()
    {
        var path = WriteGrid(out var data);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("grid");

        var stepped = ds[H5Selector.Slice(3, 30, 7), H5Selector.Slice(1, 600, 100)];
        Assert.Equal([4L, 6L], stepped.Shape);
        Assert.Equal(H5pySlice(path, "3:30:7, 1:600:100"), stepped.Read<double>());

        var row = ds[5, ..];
        Assert.Equal([600L], row.Shape);
        Assert.Equal(H5pySlice(path, "5, :"), row.Read<double>());

        Assert.Equal(H5pySlice(path, "-3:, -2"), ds[^3.., ^2].Read<double>());
        Assert.Equal(data[39, 599], ds[^1, ^1].ReadScalar<double>());
        Assert.Equal(H5pySlice(path, "35:1000, 590:"), ds[H5Selector.Slice(35, 1000), 590..].Read<double>()); // clamps like Python
    }

    [Fact]
    public void PointSelection_ReadsPointsInTheGivenOrder()
    {
        var path = WriteGrid(out var data);
        using var f = H5File.Open(path, H5FileMode.ReadWrite);
        using var ds = f.OpenDataset("grid");
        long[,] points = { { 39, 0 }, { 0, 599 }, { 17, 42 } };
        Assert.Equal([data[39, 0], data[0, 599], data[17, 42]], ds.ReadPoints<double>(points));
        ds.WritePoints(points, new double[] { -1, -2, -3 });
        Assert.Equal([-1.0, -2.0, -3.0], ds.ReadPoints<double>(points));
    }

    [Fact]
    public void HyperslabWrite_ChangesOnlyTheSelection_AsH5pySees()
    {
        var path = WriteGrid(out _);
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        using (var ds = f.OpenDataset("grid"))
            ds[2..4, 10..13].WriteArray<double>(new double[,] { { -1, -2, -3 }, { -4, -5, -6 } });
        Assert.Equal([-1.0, -2, -3, -4, -5, -6], H5pySlice(path, "2:4, 10:13"));
        Assert.Equal([1009.0, 1013.0], H5pySlice(path, "1, 9:14:4"));
    }

    [Fact]
    public void WholeDatasetRead_IntoSpanMultiDimAndTypedView_AllAgree()
    {
        var path = WriteGrid(out var data);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("grid");
        Assert.Equal([40L, 600L], ds.Shape);
        Assert.Equal(24000, ds.Size);
        Assert.Equal(24000 * 8, ds.NBytes);
        Assert.Equal(2, ds.Rank);
        var flat = new double[24000];
        ds.Read<double>(flat);
        Assert.Equal(data.Cast<double>(), flat);
        Assert.Equal(data, ds.Read2D<double>());
        using var typed = f.OpenDataset<double>("grid");
        Assert.Equal(data[7, 8], typed[7, 8]);
        Assert.Equal(Enumerable.Range(100, 5).Select(j => data[3, j]), typed[3, 100..105]);
        var asFloat = ds[0, 0..3].Read<float>(); // numeric conversion by libhdf5, as h5py's astype
        Assert.Equal([0f, 1f, 2f], asFloat);
    }

    [Fact]
    public void HigherRankArrays_RoundTripWithH5py()
    {
        var path = Files.NewPath();
        var cube = new int[2, 3, 4, 5];
        int k = 0;
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++) for (int d = 0; d < 5; d++) cube[a, b, c, d] = k++;
        using (var f = H5File.Create(path))
        using (f.AddArray<int>("cube", cube)) { }
        var json = Peers.PythonJson("import sys\nd = h5py.File(sys.argv[1], 'r')['cube']\nprint(json.dumps({'shape': list(d.shape), 'v': d[1, 2, 3, 4].item(), 'sum': int(d[()].sum())}))", path);
        Assert.Equal([2, 3, 4, 5], json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(cube[1, 2, 3, 4], json.GetProperty("v").GetInt32());
        Assert.Equal(Enumerable.Range(0, 120).Sum(), json.GetProperty("sum").GetInt32());
        using var g = H5File.Open(path);
        using var ds = g.OpenDataset("cube");
        var back = new int[2, 3, 4, 5];
        ds.ReadInto<int>(back);
        Assert.Equal(cube, back);
    }

    [Fact]
    public void ResizableDataset_GrowsWithinMaxShape_AsH5pyReports()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (var ds = f.CreateDataset<int>("log", [0, 3], new H5DatasetOptions { MaxShape = [H5Dataset.Unlimited, 3], Chunks = [16, 3] }))
        {
            ds.Resize(2, 3);
            ds.Write(new int[,] { { 1, 2, 3 }, { 4, 5, 6 } });
            Assert.Throws<H5SelectionException>(() => ds.Resize(2, 4));
            Assert.Equal([-1L, 3L], ds.MaxShape);
            Assert.Equal([16L, 3L], ds.Chunks!);
        }
        var json = Peers.PythonJson("import sys\nd = h5py.File(sys.argv[1], 'r')['log']\nprint(json.dumps({'maxshape': list(d.maxshape), 'chunks': list(d.chunks), 'v': d[()].tolist()}))", path);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("maxshape")[0].ValueKind);
        Assert.Equal(3, json.GetProperty("maxshape")[1].GetInt32());
        Assert.Equal([16, 3], json.GetProperty("chunks").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("[[1,2,3],[4,5,6]]", json.GetProperty("v").GetRawText().Replace(" ", ""));
    }

    [Fact]
    public void H5dump_ReadsOurValues()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        using (f.Add("small", new int[,] { { 1, 2 }, { 3, 4 } })) { }
        var dump = Peers.H5Dump("-d", "/small", "-w", "0", path);
        Assert.Contains("H5T_STD_I32LE", dump);
        Assert.Contains("DATASPACE  SIMPLE { ( 2, 2 ) / ( 2, 2 ) }", dump);
        Assert.Contains("(0,0): 1, 2,", dump);
        Assert.Contains("(1,0): 3, 4", dump);
    }
}
