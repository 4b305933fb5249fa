using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Storage;

/// <summary>Virtual datasets both ways with h5py (and h5dump reading ours): sources in other files and the same file,
/// interleaved and strided selections, unlimited mappings, fill values, and the listing of the mappings.</summary>
public sealed class VirtualDatasetTests : H5TestBase
{
    // h5py's view of a virtual dataset: values, shape, fill value and every mapping with both selections.
    private const string Describe = """
        import sys
        f = h5py.File(sys.argv[1], "r")
        def sel(space):
            if space.get_select_type() == h5py.h5s.SEL_ALL:
                return None
            return [[int(x) if x != h5py.h5s.UNLIMITED else -1 for x in part] for part in space.get_regular_hyperslab()]
        out = {}
        for name in sys.argv[2:]:
            d = f[name]
            out[name] = {"virtual": d.is_virtual, "shape": list(d.shape), "maxshape": [-1 if m is None else m for m in d.maxshape],
                         "values": d[()].tolist(), "fill": d.fillvalue.item(),
                         "sources": [[m.file_name, m.dset_name, sel(m.src_space), sel(m.vspace)] for m in d.virtual_sources()]}
        print(json.dumps(out))
        """;

    private static object?[] Row(H5VirtualMapping m) => [m.FileName, m.DatasetName, Parts(m.SourceSelection), Parts(m.VirtualSelection)];

    private static long[][]? Parts(H5Hyperslab? s) => s is null ? null : [s.Start.ToArray(), s.Stride.ToArray(), s.Count.ToArray(), s.Block.ToArray()];

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private string WriteSources(int n)
    {
        for (int k = 0; k < n; k++)
        {
            using var f = H5File.Create(Path.Combine(Files.Folder, $"src{k}.h5"));
            using (f.Add("data", Enumerable.Range(0, 10).Select(i => 100 * k + i).ToArray())) { }
        }
        return Files.Folder;
    }

    [Fact]
    public void VirtualDatasetsWrittenByUs_AreReadByH5pyAndH5dump_WithTheirMappings()
    {
        WriteSources(4);
        var path = Path.Combine(Files.Folder, "vds.h5");
        List<H5VirtualMapping> rowsMappings, interMappings, localMappings;
        using (var f = H5File.Create(path))
        {
            // Four files as four rows (h5py: layout[n] = VirtualSource(f"src{n}.h5", "data", shape=(10,))).
            var rows = new H5VirtualLayout([5, 10]);
            for (int n = 0; n < 4; n++) rows[n] = new H5VirtualSource($"src{n}.h5", "data", [10]);
            using (var v = f.CreateVirtualDataset<int>("rows", rows, new H5DatasetOptions().WithFillValue(-1)))
            {
                Assert.True(v.IsVirtual);
                Assert.Equal(H5Layout.Virtual, v.Layout);
                var expected = new int[5, 10];
                for (int i = 0; i < 5; i++) for (int j = 0; j < 10; j++) expected[i, j] = i < 4 ? 100 * i + j : -1; // row 4: fill value
                Assert.Equal(expected, v.Read2D<int>());
            }
            // Interleaved: even elements from the start of src0, odd ones from every other element of src1.
            var inter = new H5VirtualLayout([11]);
            inter[H5Selector.Slice(0, null, 2)] = new H5VirtualSource("src0.h5", "data", [10])[..6];
            inter[H5Selector.Slice(1, null, 2)] = new H5VirtualSource("src1.h5", "data", [10])[H5Selector.Slice(0, null, 2)];
            using (var v = f.CreateVirtualDataset<int>("inter", inter))
            {
                Assert.Equal([0, 100, 1, 102, 2, 104, 3, 106, 4, 108, 5], v.Read<int>());
            }
            // A source in the same file, stored as "." as h5py stores it.
            using (var local = f.Add("local", new[] { 10.0, 11, 12, 13, 14, 15 }))
            {
                var layout = new H5VirtualLayout([3]);
                layout[..] = H5VirtualSource.Of(local)[H5Selector.Slice(1, null, 2)];
                using var v = f.CreateVirtualDataset<double>("fromlocal", layout);
                Assert.Equal([11.0, 13, 15], v.Read<double>());
            }
        }
        // The mappings as stored (read back from the closed file, as h5py reads them).
        using (var f = H5File.Open(path))
        {
            rowsMappings = [.. f.OpenDataset("rows").Using(d => d.VirtualSources)];
            interMappings = [.. f.OpenDataset("inter").Using(d => d.VirtualSources)];
            localMappings = [.. f.OpenDataset("fromlocal").Using(d => d.VirtualSources)];
        }

        Assert.Equal(Json(new object?[][]
        {
            // libhdf5 stores a run of single elements as one block: count (1,10) block (1,1) becomes count (1,1) block (1,10).
            ["src0.h5", "data", null, new long[][] { [0, 0], [1, 1], [1, 1], [1, 10] }],
            ["src1.h5", "data", null, new long[][] { [1, 0], [1, 1], [1, 1], [1, 10] }],
            ["src2.h5", "data", null, new long[][] { [2, 0], [1, 1], [1, 1], [1, 10] }],
            ["src3.h5", "data", null, new long[][] { [3, 0], [1, 1], [1, 1], [1, 10] }],
        }), Json(rowsMappings.Select(Row)));
        Assert.Equal(".", localMappings.Single().FileName);
        Assert.Equal("/local", localMappings.Single().DatasetName);

        var h5py = Peers.PythonJson(Describe, path, "rows", "inter", "fromlocal");
        var rowsSeen = h5py.GetProperty("rows");
        Assert.True(rowsSeen.GetProperty("virtual").GetBoolean());
        Assert.Equal(-1, rowsSeen.GetProperty("fill").GetInt32());
        Assert.Equal(Json(Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 10).Select(j => i < 4 ? 100 * i + j : -1))), rowsSeen.GetProperty("values").GetRawText().Replace(" ", ""));
        Assert.Equal(Json(rowsMappings.Select(Row)), rowsSeen.GetProperty("sources").GetRawText().Replace(" ", ""));
        Assert.Equal("[0,100,1,102,2,104,3,106,4,108,5]", h5py.GetProperty("inter").GetProperty("values").GetRawText().Replace(" ", ""));
        Assert.Equal(Json(interMappings.Select(Row)), h5py.GetProperty("inter").GetProperty("sources").GetRawText().Replace(" ", ""));
        Assert.Equal("[11.0,13.0,15.0]", h5py.GetProperty("fromlocal").GetProperty("values").GetRawText().Replace(" ", ""));
        Assert.Equal(Json(localMappings.Select(Row)), h5py.GetProperty("fromlocal").GetProperty("sources").GetRawText().Replace(" ", ""));

        // h5dump resolves the sources relative to the virtual file, from another working directory.
        var dump = Peers.Run("/usr/bin/h5dump", ["-d", "inter", "-w", "0", path]);
        Assert.True(dump.Code == 0, dump.Stderr);
        Assert.Contains("(0): 0, 100, 1, 102, 2, 104, 3, 106, 4, 108, 5", dump.Stdout);
    }

    [Fact]
    public void VirtualDatasetsWrittenByH5py_AreReadByUs_AndTheirMappingsListedAsH5pyListsThem()
    {
        WriteSources(3);
        var path = Path.Combine(Files.Folder, "h5py-vds.h5");
        Peers.RunPython("""
            import sys, os
            os.chdir(os.path.dirname(sys.argv[1]))
            with h5py.File(sys.argv[1], "w") as f:
                layout = h5py.VirtualLayout(shape=(3, 10), dtype="i4")
                for n in range(3):
                    layout[n] = h5py.VirtualSource(f"src{n}.h5", "data", shape=(10,))
                f.create_virtual_dataset("rows", layout, fillvalue=-5)
                cols = h5py.VirtualLayout(shape=(5, 2), dtype="i4")
                cols[:, 0] = h5py.VirtualSource("src2.h5", "data", shape=(10,))[0:10:2]
                cols[:, 1] = h5py.VirtualSource("src2.h5", "data", shape=(10,))[1:10:2]
                f.create_virtual_dataset("cols", cols)
                f["grow"] = numpy.arange(4, dtype="i4")
                src = h5py.VirtualSource(".", "grow", shape=(4,), maxshape=(None,))
                unl = h5py.VirtualLayout(shape=(4,), dtype="i4", maxshape=(None,))
                unl[0:h5py.h5s.UNLIMITED] = src[0:h5py.h5s.UNLIMITED]
                f.create_virtual_dataset("unlimited", unl, fillvalue=0)
            """, path);
        var h5py = Peers.PythonJson(Describe, path, "rows", "cols", "unlimited");
        using var f = H5File.Open(path);
        foreach (var name in new[] { "rows", "cols", "unlimited" })
        {
            using var d = f.OpenDataset(name);
            Assert.True(d.IsVirtual);
            var seen = h5py.GetProperty(name);
            Assert.Equal(seen.GetProperty("sources").GetRawText().Replace(" ", ""), Json(d.VirtualSources.Select(Row)));
            Assert.Equal(seen.GetProperty("shape").GetRawText().Replace(" ", ""), Json(d.Shape));
            Assert.Equal(seen.GetProperty("maxshape").GetRawText().Replace(" ", ""), Json(d.MaxShape));
            Assert.Equal(seen.GetProperty("values").GetRawText().Replace(" ", ""), Json(d.Rank == 1 ? d.Read<int>() : ToRows(d.Read2D<int>())));
            Assert.Equal(seen.GetProperty("fill").GetInt32(), d.GetFillValue<int>());
        }
        using var unlimited = f.OpenDataset("unlimited");
        var mapping = unlimited.VirtualSources.Single();
        Assert.Equal(H5Hyperslab.Unlimited, mapping.VirtualSelection!.Count[0]);
        Assert.Equal(H5Hyperslab.Unlimited, mapping.SourceSelection!.Count[0]);
        Assert.True(mapping.VirtualSelection.IsUnlimited);
        Assert.Null(mapping.VirtualSelection.ElementCount);
    }

    [Fact]
    public void UnlimitedVirtualDataset_GrowsWithItsSource_ForUsAndForH5py()
    {
        var path = Files.NewPath("grow.h5");
        using (var f = H5File.Create(path))
        {
            using var source = f.Add("log", new[] { 1L, 2, 3 }, new H5DatasetOptions { MaxShape = [H5Dataset.Unlimited], Chunks = [4] });
            var layout = new H5VirtualLayout([3], [H5Dataset.Unlimited]);
            var all = new H5Hyperslab([0], [H5Hyperslab.Unlimited]);
            layout.Map(all, H5VirtualSource.Of(source).Select(all));
            using (var v = f.CreateVirtualDataset<long>("view", layout))
                Assert.Equal([1L, 2, 3], v.Read<long>());
            source.Resize([7]);
            source[3..7].Write(new[] { 4L, 5, 6, 7 });
            using (var v = f.OpenDataset("view"))
            {
                Assert.Equal([7L], v.Shape);
                Assert.Equal([1L, 2, 3, 4, 5, 6, 7], v.Read<long>());
            }
        }
        var seen = Peers.PythonJson(Describe, path, "view").GetProperty("view");
        Assert.Equal("[1,2,3,4,5,6,7]", seen.GetProperty("values").GetRawText().Replace(" ", ""));
        Assert.Equal("[-1]", seen.GetProperty("maxshape").GetRawText());
        Assert.Equal("[[\".\",\"/log\",[[0],[1],[-1],[1]],[[0],[1],[-1],[1]]]]", seen.GetProperty("sources").GetRawText().Replace(" ", ""));
    }

    [Fact]
    public void BadMappings_AreRefusedWithClearErrors_AndMissingSourcesReadAsTheFillValue()
    {
        var layout = new H5VirtualLayout([4, 10]);
        var e = Assert.Throws<ArgumentException>(() => layout[0] = new H5VirtualSource("a.h5", "data", [5]));
        Assert.Contains("10 elements", e.Message);
        Assert.Throws<ArgumentException>(() => layout.Map(new H5Hyperslab([0], [4]), new H5VirtualSource("a.h5", "data", [4])));
        Assert.Throws<ArgumentException>(() => new H5VirtualLayout([]));

        var path = Files.NewPath();
        using var f = H5File.Create(path);
        var missing = new H5VirtualLayout([3]);
        missing[..] = new H5VirtualSource("does-not-exist.h5", "data", [3]);
        Assert.Throws<ArgumentException>(() => f.CreateVirtualDataset<int>("chunked", missing, new H5DatasetOptions { Chunks = [1] }));
        Assert.False(f.ContainsKey("chunked"));
        using var v = f.CreateVirtualDataset<int>("v", missing, new H5DatasetOptions().WithFillValue(42));
        Assert.Equal([42, 42, 42], v.Read<int>());
        Assert.Throws<H5AlreadyExistsException>(() => f.CreateVirtualDataset<int>("v", missing));
    }

    private static int[][] ToRows(int[,] a) =>
        Enumerable.Range(0, a.GetLength(0)).Select(i => Enumerable.Range(0, a.GetLength(1)).Select(j => a[i, j]).ToArray()).ToArray();
}

internal static class DatasetUse
{
    /// <summary>Uses a dataset for one value and closes it.</summary>
    public static TResult Using<TResult>(this H5Dataset dataset, Func<H5Dataset, TResult> use)
    {
        using (dataset) return use(dataset);
    }
}
