using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping.MpiRanks;

/// <summary>The runtime scenarios: every rank writes its own rows of datasets of each storage kind, then reads rows
/// back with collective and independent transfers; one rank's failing call; a file h5py-mpi wrote.</summary>
public static class RuntimeScenarios
{
    public const int Rows = 103, Columns = 40;

    /// <summary>The value every writer puts at (row, column), h5py's check included.</summary>
    public static double Value(long row, long column) => row * 1000 + column + 0.25;

    private static readonly (string Name, H5Filter[] Filters)[] Filtered =
    [
        ("deflate", [H5Filter.Shuffle(), H5Filter.Deflate(4)]),
        ("zstd", [H5Filter.Zstd(5)]),
        ("zfp", [H5Filter.ZfpAccuracy(1e-6)]),
    ];

    public static void WriteAndRead(string path, RankResults results)
    {
        var comm = H5Communicator.World;
        var mine = H5RowPartition.Even(Rows, comm);
        var rows = RowsOf(mine);
        results["partition"] = new[] { mine.Start, mine.Count };
        results["zfp_available"] = H5FilterCatalog.IsAvailable(H5Filter.ZfpId);
        var options = new H5FileOptions
        {
            Parallel = new H5ParallelOptions(comm)
            {
                Transfer = H5Transfer.Collective,
                CollectiveMetadataReads = true,
                CollectiveMetadataWrites = true,
                Hints = { ["cb_buffer_size"] = "1048576", ["romio_cb_write"] = "enable" },
            },
        };
        using (var f = H5File.Create(path, options: options))
        {
            results["is_parallel"] = f.IsParallel;
            results["hints"] = f.MpiHints;
            f.Attrs.Set("ranks", comm.Size);
            f.Attrs.Set("title", "written by every rank");

            using (var ds = f.CreateDataset<double>("contiguous", [Rows, Columns]))
            {
                ds.Attrs.Set("units", "m");
                ds[mine.Rows, ..].WriteArray<double>(rows);
                results["contiguous_io_mode"] = ds.LastCollectiveIoMode.ToString();
            }
            using (var ds = f.CreateDataset<double>("independent", [Rows, Columns]))
            {
                ds.Transfer = H5Transfer.Independent;
                ds[mine.Rows, ..].WriteArray<double>(rows);
            }
            foreach (var (name, filters) in Filtered)
            {
                if (name == "zfp" && !H5FilterCatalog.IsAvailable(H5Filter.ZfpId)) continue;
                using var ds = f.CreateDataset<double>(name, [Rows, Columns], new H5DatasetOptions { Chunks = [10, Columns] }.With(filters));
                ds[mine.Rows, ..].WriteArray<double>(rows);
                results[$"{name}_io_mode"] = ds.LastCollectiveIoMode.ToString();
                ds.Transfer = H5Transfer.Independent;
                results[$"{name}_independent_write"] = Outcome(() => ds[mine.Rows, ..].WriteArray<double>(rows));
            }
            // Two rows over all ranks: most ranks hold none and still take part in the collective write.
            using (var sparse = f.CreateDataset<long>("sparse", [2]))
            {
                var few = H5RowPartition.Even(2, comm);
                sparse[few.Rows].Write<long>(Enumerable.Range((int)few.Start, (int)few.Count).Select(i => 7L + i).ToArray());
            }
        }
        ReadBack(path, comm, results);
    }

    // Each rank reads its own rows collectively, and another rank's rows independently.
    private static void ReadBack(string path, H5Communicator comm, RankResults results)
    {
        using var f = H5File.Open(path, comm, H5FileMode.ReadOnly, new H5FileOptions
        {
            Parallel = new H5ParallelOptions(comm) { Transfer = H5Transfer.Collective, CollectiveMetadataReads = true },
        });
        var mine = H5RowPartition.Even(Rows, comm);
        var other = H5RowPartition.Even(Rows, comm.Size - 1 - comm.Rank, comm.Size);
        results["read_ranks_attribute"] = f.Attrs.Get<int>("ranks");
        foreach (var name in f.Keys.Where(k => k != "sparse"))
        {
            using var ds = f.OpenDataset(name);
            var tolerance = name == "zfp" ? 1e-6 : 0;
            results[$"{name}_own_rows_match"] = Matches(ds[mine.Rows, ..].Read2D<double>(), mine, tolerance);
            ds.Transfer = H5Transfer.Independent;
            results[$"{name}_other_rows_match"] = Matches(ds[other.Rows, ..].Read2D<double>(), other, tolerance);
        }
        using var sparse = f.OpenDataset("sparse");
        results["sparse"] = sparse.Read<long>();
    }

    /// <summary>Rank 1 selects a row outside the dataset, rank 2 passes a buffer of the wrong size; the others write
    /// their rows. Collective transfers: the failing ranks must raise, the others complete, nobody waits forever.</summary>
    public static void FailingRank(string path, RankResults results)
    {
        var comm = H5Communicator.World;
        var mine = H5RowPartition.Even(Rows, comm);
        var rows = RowsOf(mine);
        using var f = H5File.Create(path, comm, options: new H5FileOptions { Parallel = new H5ParallelOptions(comm) { Transfer = H5Transfer.Collective } });
        foreach (var (name, options) in new[] { ("contiguous", new H5DatasetOptions()), ("deflate", new H5DatasetOptions { Chunks = [10, Columns] }.With(H5Filter.Deflate(1))) })
        {
            using var ds = f.CreateDataset<double>(name, [Rows, Columns], options);
            results[$"{name}_write"] = Outcome(() =>
            {
                switch (comm.Rank)
                {
                    case 1: ds[Rows + 5, ..].Write<double>(new double[Columns]); break;           // no such row
                    case 2: ds[mine.Rows, ..].Write<double>(new double[mine.Count * Columns + 1]); break; // one value too many
                    default: ds[mine.Rows, ..].WriteArray<double>(rows); break;
                }
            });
            results[$"{name}_read"] = Outcome(() =>
            {
                if (comm.Rank == 1) ds[.., Columns + 1].Read<double>();                          // no such column
                else if (!Matches(ds[mine.Rows, ..].Read2D<double>(), mine, 0) && comm.Rank != 2) throw new InvalidOperationException("rows differ");
            });
        }
        results["closed"] = true;
    }

    /// <summary>Reads a file h5py-mpi wrote (datasets 'a' float64 and 'b' int64 chunked+deflate): own rows collectively, all
    /// rows independently.</summary>
    public static void ReadPeerFile(string path, RankResults results)
    {
        var comm = H5Communicator.World;
        using var f = H5File.Open(path, comm);
        using var a = f.OpenDataset("a");
        using var b = f.OpenDataset("b");
        var n = a.Shape[0];
        var mine = H5RowPartition.Even(n, comm);
        a.Transfer = b.Transfer = H5Transfer.Collective;
        var ownA = a[mine.Rows, ..].Read2D<double>();
        var ownB = b[mine.Rows].Read<long>();
        results["a_own_rows_match"] = Matches(ownA, mine, 0);
        results["b_own_rows_match"] = ownB.Select((v, i) => v == 3 * (mine.Start + i)).All(x => x);
        a.Transfer = H5Transfer.Independent;
        results["a_all_match"] = Matches(a.Read2D<double>(), new H5RowPartition(0, n, n), 0);
        results["writers"] = f.Attrs.Get<int>("writers");
        results["shape"] = a.Shape;
    }

    private static double[,] RowsOf(H5RowPartition p)
    {
        var rows = new double[p.Count, Columns];
        for (long i = 0; i < p.Count; i++)
            for (int c = 0; c < Columns; c++) rows[i, c] = Value(p.Start + i, c);
        return rows;
    }

    private static bool Matches(double[,] rows, H5RowPartition p, double tolerance)
    {
        if (rows.GetLength(0) != p.Count) return false;
        for (long i = 0; i < p.Count; i++)
            for (int c = 0; c < rows.GetLength(1); c++)
                if (Math.Abs(rows[i, c] - Value(p.Start + i, c)) > tolerance) return false;
        return true;
    }

    internal static string Outcome(Action step)
    {
        try
        {
            step();
            return "ok";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }
}
