using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mpi;

/// <summary>Files written by 2 and 4 MPI ranks through the parallel libhdf5 — contiguous, independent, chunked with
/// deflate, our managed Zstd and the ZFP plugin, collective transfers — read back by every rank and by h5py (serial)
/// value by value; a rank with a bad hyperslab raises on that rank while the others finish.</summary>
public sealed class ParallelRuntimeTests(ParallelRuns runs) : H5TestBase, IClassFixture<ParallelRuns>
{
    private const int Rows = 103, Columns = 40;

    // h5py checks every value; Zstd chunks are decoded by python-zstandard from the raw chunks (no Zstd plugin for h5py
    // here), ZFP by Debian's serial plugin within its accuracy.
    private const string CheckScript = """
        import sys, zstandard
        f = h5py.File(sys.argv[1], 'r')
        n, c = 103, 40
        exp = numpy.arange(n)[:, None] * 1000 + numpy.arange(c)[None, :] + 0.25
        out = {name: bool((f[name][()] == exp).all()) for name in ['contiguous', 'independent', 'deflate']}
        out['zfp_max_error'] = float(numpy.abs(f['zfp'][()] - exp).max())
        zs, ok = f['zstd'], True
        for r0 in range(0, n, 10):
            mask, raw = zs.id.read_direct_chunk((r0, 0))
            chunk = numpy.frombuffer(zstandard.ZstdDecompressor().decompress(raw), dtype='<f8').reshape(10, c)
            rows = min(10, n - r0)
            ok = ok and mask == 0 and bool((chunk[:rows] == exp[r0:r0 + rows]).all())
        out['zstd'] = ok
        out['filters'] = {k: [f[k].id.get_create_plist().get_filter(i)[0] for i in range(f[k].id.get_create_plist().get_nfilters())] for k in ['deflate', 'zstd', 'zfp']}
        out['chunks'] = [list(f[k].chunks) for k in ['deflate', 'zstd', 'zfp']]
        out['attrs'] = [int(f.attrs['ranks']), f.attrs['title'], f['contiguous'].attrs['units']]
        out['sparse'] = f['sparse'][()].tolist()
        print(json.dumps(out))
        """;

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void RanksWriteTheirRowsOfEveryStorageKind_AndH5pyReadsEveryValue(int ranks)
    {
        var (file, _) = runs.Scenario("runtime", ranks);
        var h5py = Peers.PythonJson(CheckScript, file);
        Assert.True(h5py.GetProperty("contiguous").GetBoolean());
        Assert.True(h5py.GetProperty("independent").GetBoolean());
        Assert.True(h5py.GetProperty("deflate").GetBoolean());
        Assert.True(h5py.GetProperty("zstd").GetBoolean());
        Assert.InRange(h5py.GetProperty("zfp_max_error").GetDouble(), 0, 1e-6);
        var filters = h5py.GetProperty("filters");
        Assert.Equal(new long[] { 2, 1 }, Ints(filters.GetProperty("deflate")));
        Assert.Equal(new long[] { 32015 }, Ints(filters.GetProperty("zstd")));
        Assert.Equal(new long[] { 32013 }, Ints(filters.GetProperty("zfp")));
        Assert.All(h5py.GetProperty("chunks").EnumerateArray(), c => Assert.Equal(new long[] { 10, Columns }, Ints(c)));
        var attrs = h5py.GetProperty("attrs");
        Assert.Equal(ranks, attrs[0].GetInt32());
        Assert.Equal("written by every rank", attrs[1].GetString());
        Assert.Equal("m", attrs[2].GetString());
        Assert.Equal(new long[] { 7, 8 }, Ints(h5py.GetProperty("sparse")));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryRankReadsItsOwnRowsCollectively_AndAnotherRanksRowsIndependently(int ranks)
    {
        var (_, results) = runs.Scenario("runtime", ranks);
        long next = 0;
        foreach (var rank in results)
        {
            var partition = Ints(rank.GetProperty("partition"));
            Assert.Equal(next, partition[0]); // contiguous blocks in rank order, covering every row
            next += partition[1];
            Assert.True(rank.GetProperty("is_parallel").GetBoolean());
            Assert.Equal(ranks, rank.GetProperty("read_ranks_attribute").GetInt32());
            foreach (var name in new[] { "contiguous", "independent", "deflate", "zstd", "zfp" })
            {
                Assert.True(rank.GetProperty($"{name}_own_rows_match").GetBoolean(), $"rank {rank.GetProperty("rank")} read other values from its rows of {name}");
                Assert.True(rank.GetProperty($"{name}_other_rows_match").GetBoolean(), $"rank {rank.GetProperty("rank")} read other values from another rank's rows of {name}");
            }
            Assert.Equal(new long[] { 7, 8 }, Ints(rank.GetProperty("sparse")));
        }
        Assert.Equal(Rows, next);
    }

    [Fact]
    public void FilteredDatasets_AreWrittenCollectively_AndAnIndependentWriteIsRefusedWithTheRemedy()
    {
        var (_, results) = runs.Scenario("runtime", 4);
        foreach (var rank in results)
        {
            Assert.True(rank.GetProperty("zfp_available").GetBoolean(), "the ZFP plugin built for the parallel libhdf5 did not load");
            Assert.Equal("ContiguousCollective", rank.GetProperty("contiguous_io_mode").GetString());
            foreach (var name in new[] { "deflate", "zstd", "zfp" })
            {
                Assert.Equal("ChunkCollective", rank.GetProperty($"{name}_io_mode").GetString());
                var refusal = rank.GetProperty($"{name}_independent_write").GetString()!;
                Assert.StartsWith("InvalidOperationException: Cannot write dataset '/" + name + "' independently", refusal);
                Assert.Contains("H5Transfer.Collective", refusal);
            }
        }
    }

    [Fact]
    public void MpiIoHints_ReachTheDriver()
    {
        var (_, results) = runs.Scenario("runtime", 2);
        foreach (var rank in results)
        {
            var hints = rank.GetProperty("hints");
            Assert.Equal("1048576", hints.GetProperty("cb_buffer_size").GetString());
            Assert.Equal("enable", hints.GetProperty("romio_cb_write").GetString());
        }
    }

    [Fact]
    public void ARankWithABadHyperslab_RaisesOnThatRank_WhileTheOthersWriteTheirRows_AndNoRankHangs()
    {
        // The run itself is bounded (MpiRun.Patience): a rank left waiting in a collective call fails it as a hang.
        var (file, results) = runs.Scenario("failing-rank", 4);
        foreach (var name in new[] { "contiguous", "deflate" })
        {
            Assert.Equal("ok", results[0].GetProperty($"{name}_write").GetString());
            Assert.Equal("ok", results[3].GetProperty($"{name}_write").GetString());
            Assert.Equal($"H5SelectionException: Index 108 is out of range for dimension 0 of dataset '/{name}' (length 103).", results[1].GetProperty($"{name}_write").GetString());
            Assert.StartsWith($"H5SelectionException: The selection [51:77, 0:40] of dataset '/{name}' holds 1040 Double values; the data has 1041.",
                results[2].GetProperty($"{name}_write").GetString());
            Assert.StartsWith($"H5SelectionException: Index 41 is out of range for dimension 1 of dataset '/{name}' (length 40).", results[1].GetProperty($"{name}_read").GetString());
            Assert.All(new[] { 0, 2, 3 }, r => Assert.Equal("ok", results[r].GetProperty($"{name}_read").GetString()));
        }
        Assert.All(results, r => Assert.True(r.GetProperty("closed").GetBoolean()));

        // What h5py finds: the rows of the ranks that wrote, and the fill value where the failing ranks' rows are.
        var h5py = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            exp = numpy.arange(103)[:, None] * 1000 + numpy.arange(40)[None, :] + 0.25
            print(json.dumps({k: [bool((f[k][0:25] == exp[0:25]).all()), bool((f[k][77:103] == exp[77:103]).all()), bool((f[k][25:77] == 0).all())]
                              for k in ['contiguous', 'deflate']}))
            """, file);
        foreach (var name in new[] { "contiguous", "deflate" })
            Assert.Equal(new[] { true, true, true }, h5py.GetProperty(name).EnumerateArray().Select(e => e.GetBoolean()));
    }

    private static long[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
