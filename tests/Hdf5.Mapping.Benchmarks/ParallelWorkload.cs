using System.Diagnostics;
using System.Globalization;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// P1/P2: a ROWS x COLS float64 dataset (1 GiB by default) written and read by 1, 2 and 4 MPI ranks, each holding a
/// contiguous block of rows, through the parallel libhdf5 with collective transfers — contiguous, and chunked
/// 256 x 2048 with Zstd level 3 — by native/parallel.c (the floor) and by Hdf5.Mapping under the same mpirun. Each
/// time runs from a barrier before H5Fcreate/H5Fopen to a barrier after H5Fclose, so it is the slowest rank's.
/// </summary>
public static class ParallelWorkload
{
    private const int Columns = 16384;

    /// <summary>Row <paramref name="row"/> as native/parallel.c makes it: a random walk from xorshift64* seeded by the row.</summary>
    private static void FillRow(Span<double> output, long row)
    {
        var s = unchecked((ulong)row * 0x9E3779B97F4A7C15UL + 1);
        double x = 0;
        for (int c = 0; c < output.Length; c++)
        {
            s ^= s >> 12; s ^= s << 25; s ^= s >> 27;
            x += ((unchecked(s * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53)) - 0.5) * 0.1;
            output[c] = x;
        }
    }

    /// <summary>Runs every cell and prints the table, the ratios to C and the scaling from 1 rank.</summary>
    public static void Run(string work, int runs, double gib)
    {
        var rows = (long)(gib * (1L << 30) / (Columns * 8.0));
        var mib = rows * Columns * 8.0 / (1 << 20);
        var exe = NativeBuild.CompileMpi(Path.Combine(AppContext.BaseDirectory, "native", "parallel.c"), work);
        var self = typeof(ParallelWorkload).Assembly.Location;
        var file = Path.Combine(work, "p.h5");
        var table = new Report();
        var scaling = new List<string>();
        foreach (var layout in new[] { "contiguous", "zstd" })
        {
            var oneRank = new Dictionary<string, (Stats W, Stats R)>();
            foreach (var ranks in new[] { 1, 2, 4 })
            {
                Machine.Sync();
                var c = Times(ranks, [exe, file, layout, Str(rows), Str(Columns), Str(runs)]);
                Machine.Sync();
                var ours = Times(ranks, ["dotnet", self, "--mpi-rank", file, layout, Str(rows), Str(Columns), Str(runs)]);
                var size = $"{mib / 1024:0.##} GiB {layout}, {ranks} rank{(ranks > 1 ? "s" : "")}";
                table.Add($"P1 write {size}", "C libhdf5 (MPI)", c.W, mib, c.W);
                table.Add($"P1 write {size}", "Hdf5.Mapping", ours.W, mib, c.W);
                table.Add($"P2 read {size}", "C libhdf5 (MPI)", c.R, mib, c.R);
                table.Add($"P2 read {size}", "Hdf5.Mapping", ours.R, mib, c.R);
                if (ranks == 1) { oneRank["C"] = c; oneRank["ours"] = ours; }
                scaling.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{layout}, {ranks} rank(s): write speed-up over 1 rank C {oneRank["C"].W.Median / c.W.Median:F2}x, Hdf5.Mapping {oneRank["ours"].W.Median / ours.W.Median:F2}x; " +
                    $"read C {oneRank["C"].R.Median / c.R.Median:F2}x, Hdf5.Mapping {oneRank["ours"].R.Median / ours.R.Median:F2}x"));
            }
        }
        File.Delete(file);
        Console.Write(table.Format());
        Console.WriteLine();
        foreach (var line in scaling) Console.WriteLine(line);
        Console.WriteLine($"(scaling past {Environment.ProcessorCount} ranks on {Environment.ProcessorCount} cores is oversubscription, not a speed-up to expect)");
        Console.WriteLine();
        var rowsOfTable = table.Rows;
        for (int i = 0; i < rowsOfTable.Count; i += 2)
            Console.WriteLine(Report.Verdict($"{rowsOfTable[i].Workload} within 1.05x of C", rowsOfTable[i + 1].Stats.Median / rowsOfTable[i].Stats.Median, 1.05));
    }

    private static (Stats W, Stats R) Times(int ranks, string[] command)
    {
        var psi = new ProcessStartInfo("mpirun") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--oversubscribe", "-np", Str(ranks) }.Concat(command)) psi.ArgumentList.Add(a);
        psi.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        psi.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("mpirun not found: apt-get install openmpi-bin libhdf5-openmpi-dev");
        var stderr = p.StandardError.ReadToEndAsync();
        var lines = p.StandardOutput.ReadToEnd().Split('\n').Where(l => l.StartsWith("P ", StringComparison.Ordinal)).ToList();
        p.WaitForExit();
        if (p.ExitCode != 0 || lines.Count == 0) throw new InvalidOperationException($"{string.Join(' ', command.Take(2))} on {ranks} ranks failed:\n{stderr.Result}");
        var w = lines.Select(l => double.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();
        var r = lines.Select(l => double.Parse(l.Split(' ')[2], CultureInfo.InvariantCulture)).ToList();
        // The first run pays for the runtime's start (JIT, first touch of the file): medians over the rest when there are.
        return w.Count > 2 ? (Stats.Of(w.Skip(1).ToList()), Stats.Of(r.Skip(1).ToList())) : (Stats.Of(w), Stats.Of(r));
    }

    /// <summary>One rank of the Hdf5.Mapping side (<c>--mpi-rank FILE LAYOUT ROWS COLS RUNS</c>), as native/parallel.c does it.</summary>
    public static void Rank(string[] args)
    {
        H5Library.UseParallel();
        using var mpi = H5Mpi.Initialize();
        var comm = H5Communicator.World;
        var (path, zstd) = (args[0], args[1] == "zstd");
        long rows = long.Parse(args[2], CultureInfo.InvariantCulture), cols = long.Parse(args[3], CultureInfo.InvariantCulture);
        var runs = int.Parse(args[4], CultureInfo.InvariantCulture);
        if (cols != Columns) throw new ArgumentException($"COLS must be {Columns}.");
        var mine = H5RowPartition.Even(rows, comm);
        var buffer = GC.AllocateUninitializedArray<double>(checked((int)Math.Max(mine.Count * cols, 1)));
        for (long r = 0; r < mine.Count; r++) FillRow(buffer.AsSpan((int)(r * cols), (int)cols), mine.Start + r);
        var last = new double[cols];
        if (mine.Count > 0) FillRow(last, mine.End - 1);
        var data = buffer.AsSpan(0, (int)(mine.Count * cols));
        var options = zstd ? new H5DatasetOptions { Chunks = [256, 2048] }.With(H5Filter.Zstd(3)) : null;
        var fileOptions = new H5FileOptions { Parallel = new H5ParallelOptions(comm) { Transfer = H5Transfer.Collective } };
        for (int run = 0; run < runs; run++)
        {
            comm.Barrier();
            var clock = Stopwatch.StartNew();
            using (var f = H5File.Create(path, options: fileOptions))
            using (var ds = f.CreateDataset<double>("data", [rows, cols], options))
                ds[mine.Rows, ..].Write<double>(data);
            comm.Barrier();
            var write = clock.Elapsed.TotalSeconds;

            data.Clear();
            clock.Restart();
            using (var f = H5File.Open(path, H5FileMode.ReadOnly, fileOptions))
            using (var ds = f.OpenDataset("data"))
                ds[mine.Rows, ..].Read<double>(data);
            comm.Barrier();
            var read = clock.Elapsed.TotalSeconds;
            if (mine.Count > 0 && data[^1] != last[^1]) throw new InvalidOperationException($"rank {comm.Rank} read wrong data");
            if (comm.Rank == 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P {write:F6} {read:F6}"));
        }
    }

    private static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);
}
