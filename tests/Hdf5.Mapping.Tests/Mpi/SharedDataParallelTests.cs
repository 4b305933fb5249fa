using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mpi;

/// <summary>Data every rank holds alike, written once: a mapped class whose unpartitioned members are large (a 2 MiB grid,
/// contiguous and chunked with Zstd), records with variable-length members and fixed-size records, written by 2 and 4
/// ranks with the generated Write(path, communicator) and read by h5py value by value; the bytes each rank hands to the
/// kernel (/proc/self/io wchar) for that write and for runtime writes of the grid by every rank and with WritingRank;
/// and the writes libhdf5 refuses over MPI-IO (region references, variable-length strings and sequences) refused by
/// every rank with the same specific exception, leaving no dataset behind.</summary>
public sealed class SharedDataParallelTests(ParallelRuns runs) : H5TestBase, IClassFixture<ParallelRuns>
{
    private const long GridBytes = 256 * 1024 * 8;

    private const string CheckScript = """
        import sys, zstandard
        f = h5py.File(sys.argv[1], 'r')
        exp = numpy.arange(256)[:, None] * 0.5 + numpy.arange(1024)[None, :] * 1e-3
        out = {'grid': bool(f['grid'].shape == exp.shape and (f['grid'][()] == exp).all())}
        zs, ok = f['grid_zstd'], f['grid_zstd'].chunks == (64, 1024)
        for r0 in range(0, 256, 64):
            mask, raw = zs.id.read_direct_chunk((r0, 0))
            chunk = numpy.frombuffer(zstandard.ZstdDecompressor().decompress(raw), dtype='<f8').reshape(64, 1024)
            ok = ok and mask == 0 and bool((chunk == exp[r0:r0 + 64]).all())
        out['grid_zstd'] = bool(ok)
        out['stations'] = [[s['Name'].decode(), s['code'].decode(), s['Samples'].tolist(), int(s['Level'])] for s in f['stations'][()]]
        out['settings'] = [[s['Key'].decode(), float(s['Value'])] for s in f['settings'][()]]
        out['step'] = int(f['step'][()])
        out['rows'] = f['rows'][()].tolist()
        print(json.dumps(out))
        """;

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void UnpartitionedMembersWrittenOnceByRankZero_HoldEveryValue_AndH5pyReadsThem(int ranks)
    {
        var (file, results) = runs.Scenario("shared", ranks);
        var h5py = Peers.PythonJson(CheckScript, file);
        Assert.True(h5py.GetProperty("grid").GetBoolean());
        Assert.True(h5py.GetProperty("grid_zstd").GetBoolean());
        var stations = h5py.GetProperty("stations").EnumerateArray().Select(r =>
            $"{r[0].GetString()}|{r[1].GetString()}|{string.Join(",", r[2].EnumerateArray().Select(v => v.GetDouble()))}|{r[3].GetInt32()}");
        Assert.Equal(["Säntis|SAE|1.5,2.5,3.5|2502", "|||-1", "Jungfraujoch|JUN|-7.25|3571"], stations);
        Assert.Equal("[[\"dt\",0.01],[\"theta\",0.7]]", h5py.GetProperty("settings").GetRawText().Replace(" ", ""));
        Assert.Equal(42, h5py.GetProperty("step").GetInt32());
        Assert.Equal(Enumerable.Range(0, ranks).SelectMany(r => new[] { r * 10.0, r * 10.0 + 1, r * 10.0 + 2 }),
            h5py.GetProperty("rows").EnumerateArray().Select(e => e.GetDouble()));
        Assert.All(results, rank => Assert.True(rank.GetProperty("mapped_read").GetBoolean(), $"rank {rank.GetProperty("rank")} read other values"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void DataWrittenByOneRank_ReachesTheFileOnce_WhereEveryRanksWriteMovesItOncePerRank(int ranks)
    {
        var (_, results) = runs.Scenario("shared", ranks);
        long Total(string key) => results.Sum(r => r.GetProperty(key).GetInt64());
        foreach (var rank in results)
            foreach (var key in new[] { "every_rank_grid", "rank_zero_grid", "last_rank_grid" })
                Assert.True(rank.GetProperty(key).GetBoolean(), $"rank {rank.GetProperty("rank")}: {key}");
        // The counter sees the grid: written by every rank, its bytes go to the file once per rank.
        Assert.InRange(Total("every_rank_bytes"), ranks * GridBytes, ranks * GridBytes + 256 * 1024);
        // Written by one rank (the first or the last), once; the mapped write adds the compressed copy and the metadata.
        Assert.InRange(Total("rank_zero_bytes"), GridBytes, GridBytes + 256 * 1024);
        Assert.InRange(Total("last_rank_bytes"), GridBytes, GridBytes + 256 * 1024);
        Assert.InRange(Total("mapped_bytes"), GridBytes, GridBytes * 3 / 2);
    }

    [Fact]
    public void GlobalHeapWritesInAParallelFile_AreRefusedByEveryRankBeforeLibhdf5_AndLeaveNoDataset()
    {
        var (_, results) = runs.Scenario("shared", 2);
        foreach (var rank in results)
        {
            foreach (var (key, dataset, stored) in new[]
            {
                ("region_write", "/regions", "region reference"),
                ("strings_write", "/names", "string (variable length, UTF-8)"),
                ("sequences_write", "/ragged", "variable-length sequence of int32"),
            })
                Assert.Equal($"H5ParallelWriteUnsupportedException: Cannot write dataset '{dataset}' in a file opened with MPI-IO: it stores {stored}, " +
                    "whose values libhdf5 keeps in the file's global heap, and libhdf5 writes neither variable-length data nor region references " +
                    "over MPI-IO (its global heap has no parallel access). Create the dataset on every rank, close the file, then write it from one " +
                    "process (rank 0: H5File.Open(path, H5FileMode.ReadWrite)); a generated Write(path, communicator) does this for its members.",
                    rank.GetProperty(key).GetString());
            Assert.Empty(rank.GetProperty("left_behind").EnumerateArray());
        }
    }
}
