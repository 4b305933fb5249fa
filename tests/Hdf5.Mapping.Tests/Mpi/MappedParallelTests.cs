using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mpi;

/// <summary>A mapped [H5File] class written by 2 and 4 MPI ranks with the generated Write(path, communicator): rank r
/// holds 5 + 3r rows of the partitioned datasets (a 2-D array, one filtered with Zstd, a list of structs only odd ranks
/// have rows of, an array in a child group) and the same attributes and other datasets (numbers, variable- and
/// fixed-length strings); h5py reads every value of the
/// file, every rank reads its even block back with Read(path, communicator), one process reads them all.</summary>
public sealed class MappedParallelTests(ParallelRuns runs) : H5TestBase, IClassFixture<ParallelRuns>
{
    private const string CheckScript = """
        import sys, zstandard
        ranks = int(sys.argv[2])
        f = h5py.File(sys.argv[1], 'r')
        total = sum(5 + 3 * r for r in range(ranks))
        exp = numpy.arange(total)[:, None] * 100 + numpy.arange(12)[None, :] + 0.5
        out = {'paths': bool(f['paths'].shape == exp.shape and (f['paths'][()] == exp).all())}
        zs = f['compressed/zstd']
        ok = zs.shape == exp.shape and zs.chunks == (8, 12)
        for r0 in range(0, total, 8):
            mask, raw = zs.id.read_direct_chunk((r0, 0))
            chunk = numpy.frombuffer(zstandard.ZstdDecompressor().decompress(raw), dtype='<f8').reshape(8, 12)
            rows = min(8, total - r0)
            ok = ok and mask == 0 and bool((chunk[:rows] == exp[r0:r0 + rows]).all())
        out['zstd'] = bool(ok)
        ev = f['events'][()]
        want = [(i, float(r + k * 0.5)) for i, (r, k) in enumerate((r, k) for r in range(ranks) if r % 2 == 1 for k in range(2))]
        out['events'] = [list(ev.dtype.names), [(int(a), float(b)) for a, b in ev.tolist()] == want]
        out['counts'] = bool((f['stats/counts'][()] == numpy.arange(total)).all()) and f['stats/counts'].dtype == numpy.int32
        out['time'] = bool((f['time'][()] == numpy.arange(12) * 0.1).all())
        out['strings'] = [[s.decode() for s in f['names'][()]], f['label'][()].decode(), [s.decode() for s in f['codes'][()]], f['codes'].dtype.itemsize]
        out['attrs'] = [int(f.attrs['ranks']), f.attrs['title'], f['paths'].attrs['units']]
        print(json.dumps(out))
        """;

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AMappedFileWrittenByEveryRank_HoldsEachRanksRowsInRankOrder_AndH5pyReadsEveryValue(int ranks)
    {
        var (file, _) = runs.Scenario("mapped", ranks);
        var h5py = Peers.PythonJson(CheckScript, file, ranks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(h5py.GetProperty("paths").GetBoolean());
        Assert.True(h5py.GetProperty("zstd").GetBoolean());
        var events = h5py.GetProperty("events");
        Assert.Equal(["Row", "Time"], events[0].EnumerateArray().Select(e => e.GetString()));
        Assert.True(events[1].GetBoolean());
        Assert.True(h5py.GetProperty("counts").GetBoolean());
        Assert.True(h5py.GetProperty("time").GetBoolean());
        var strings = h5py.GetProperty("strings");
        Assert.Equal(["first", "second", "drei ✓"], strings[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("variable-length, written once the file is closed", strings[1].GetString());
        Assert.Equal(["ab", "cd"], strings[2].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, strings[3].GetInt32());
        var attrs = h5py.GetProperty("attrs");
        Assert.Equal(ranks, attrs[0].GetInt32());
        Assert.Equal("mapped, written by every rank", attrs[1].GetString());
        Assert.Equal("m", attrs[2].GetString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryRankReadsAnEvenBlockOfThePartitionedDatasets_AndOneProcessReadsEveryRow(int ranks)
    {
        var (_, results) = runs.Scenario("mapped", ranks);
        var total = Enumerable.Range(0, ranks).Sum(r => 5 + 3 * r);
        long next = 0;
        foreach (var rank in results)
        {
            var block = rank.GetProperty("paths_block").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.Equal(next, block[0]);
            Assert.InRange(block[1], total / ranks, total / ranks + 1);
            next += block[1];
            foreach (var key in new[] { "paths_read", "compressed_read", "counts_read", "events_read", "shared_read" })
                Assert.True(rank.GetProperty(key).GetBoolean(), $"rank {rank.GetProperty("rank")}: {key}");
        }
        Assert.Equal(total, next);
        Assert.Equal(total, results[0].GetProperty("serial_rows").GetInt32());
        Assert.True(results[0].GetProperty("serial_read").GetBoolean());
    }

    [Fact]
    public void RanksWhoseRowsDisagree_AllRaiseTheSameMappingError_AndTheFileIsLeftAsItWas()
    {
        var (_, results) = runs.Scenario("mapped-mismatch", 2);
        foreach (var rank in results)
        {
            Assert.Equal("H5MappingException: /paths: dimension 1 differs between ranks (12, 13, in rank order): ranks partition the rows (dimension 0), " +
                "and every other dimension must be the same on all of them", rank.GetProperty("write").GetString());
            Assert.Equal("the file before", rank.GetProperty("target").GetString());
            Assert.Equal(0, rank.GetProperty("leftovers").GetInt32());
        }
    }
}
