using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mpi;

/// <summary>A file written by h5py-mpi on 3 ranks (mpi4py, driver="mpio", collective writes of a contiguous and a
/// chunked deflate dataset) is read by us on 2 ranks and by this process alone, value by value.</summary>
public sealed class H5pyMpiPeerTests(ParallelRuns runs) : H5TestBase, IClassFixture<ParallelRuns>
{
    private const string Writer = """
        comm = MPI.COMM_WORLD
        assert h5py.get_config().mpi, 'h5py is not its MPI build under mpirun'
        n, cols = 50, 6
        lo, hi = n * comm.rank // comm.size, n * (comm.rank + 1) // comm.size
        with h5py.File(sys.argv[1], 'w', driver='mpio', comm=comm) as f:
            f.attrs['writers'] = numpy.int32(comm.size)
            a = f.create_dataset('a', (n, cols), dtype='<f8')
            b = f.create_dataset('b', (n,), dtype='<i8', chunks=(8,), compression='gzip', compression_opts=4)
            with a.collective:
                a[lo:hi] = numpy.arange(lo, hi)[:, None] * 1000 + numpy.arange(cols)[None, :] + 0.25
            with b.collective:
                b[lo:hi] = 3 * numpy.arange(lo, hi)
        """;

    private string PeerFile()
    {
        var path = runs.NewPath("h5py-mpi.h5");
        MpiRun.Python(3, Writer, path);
        return path;
    }

    [Fact]
    public void AFileH5pyMpiWroteOnThreeRanks_IsReadByTwoOfOurRanks_AndByOneProcess()
    {
        var path = PeerFile();
        var (_, ranks) = runs.Scenario("read-peer", 2, input: path);
        foreach (var rank in ranks)
        {
            Assert.Equal(3, rank.GetProperty("writers").GetInt32());
            Assert.Equal(new long[] { 50, 6 }, rank.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
            Assert.True(rank.GetProperty("a_own_rows_match").GetBoolean());
            Assert.True(rank.GetProperty("b_own_rows_match").GetBoolean());
            Assert.True(rank.GetProperty("a_all_match").GetBoolean());
        }

        using var f = H5File.Open(path);
        Assert.Equal(3, f.Attrs.Get<int>("writers"));
        using var a = f.OpenDataset("a");
        using var b = f.OpenDataset("b");
        var values = a.Read2D<double>();
        for (int r = 0; r < 50; r++)
            for (int c = 0; c < 6; c++) Assert.Equal(r * 1000 + c + 0.25, values[r, c]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => 3L * i), b.Read<long>());
        Assert.Equal([new H5Filter(1, "deflate", [4u], optional: true)], b.Filters); // h5py adds gzip as an optional filter
    }
}
