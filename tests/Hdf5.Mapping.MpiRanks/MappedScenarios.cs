using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping.MpiRanks;

/// <summary>A mapped file written by every rank with the generated Write(path, communicator): each rank holds rows of
/// its own (unequal counts, some ranks none) of the partitioned datasets and the same values of everything else.</summary>
[H5File]
public partial class RankedRun
{
    [H5Attribute("ranks")] public int Ranks { get; set; }
    [H5Attribute("title")] public string Title { get; set; } = "";
    [H5Dataset("time")] public double[] Time { get; set; } = [];
    [H5Dataset("names")] public string[] Names { get; set; } = [];
    [H5Dataset("label")] public string Label { get; set; } = "";
    [H5Dataset("codes", FixedLength = 4)] public string[] Codes { get; set; } = [];
    [H5Dataset("paths", Partitioned = true)] public double[,] Paths { get; set; } = new double[0, 0];
    [H5Attribute("units", On = nameof(Paths))] public string Units { get; set; } = "";
    [H5Dataset("compressed/zstd", Partitioned = true, Chunks = new long[] { 8, MappedScenarios.Columns }, Filter = H5FilterKind.Zstd, FilterLevel = 5)]
    public double[,] Compressed { get; set; } = new double[0, 0];
    [H5Dataset("events", Partitioned = true)] public List<RankEvent> Events { get; set; } = [];
    [H5Group("stats")] public RankStats Stats { get; set; } = new();
}

/// <summary>A compound element of a partitioned list.</summary>
public struct RankEvent
{
    public long Row;
    public double Time;
}

/// <summary>A child group with a partitioned member of its own.</summary>
[H5Group]
public partial class RankStats
{
    [H5Dataset("counts", Partitioned = true)] public int[] Counts { get; set; } = [];
}

public static class MappedScenarios
{
    public const int Columns = 12;

    /// <summary>Rank r holds 5 + 3r rows of paths (so the ranks' blocks differ), and events only on odd ranks.</summary>
    public static long PathRows(int rank) => 5 + 3 * rank;

    public static long EventRows(int rank) => rank % 2 == 1 ? 2 : 0;

    public static double Value(long row, long column) => row * 100 + column + 0.5;

    public static void WriteAndRead(string path, RankResults results)
    {
        var comm = H5Communicator.World;
        var first = Enumerable.Range(0, comm.Rank).Sum(r => PathRows(r));
        var firstEvent = Enumerable.Range(0, comm.Rank).Sum(r => EventRows(r));
        var run = new RankedRun
        {
            Ranks = comm.Size,
            Title = "mapped, written by every rank",
            Time = Enumerable.Range(0, Columns).Select(c => c * 0.1).ToArray(),
            Paths = Rows(first, PathRows(comm.Rank)),
            Units = "m",
            Names = ["first", "second", "drei ✓"],
            Label = "variable-length, written once the file is closed",
            Codes = ["ab", "cd"],
            Compressed = Rows(first, PathRows(comm.Rank)),
            Events = Enumerable.Range(0, (int)EventRows(comm.Rank)).Select(i => new RankEvent { Row = firstEvent + i, Time = comm.Rank + i * 0.5 }).ToList(),
            Stats = new RankStats { Counts = Enumerable.Range(0, (int)PathRows(comm.Rank)).Select(i => (int)(first + i)).ToArray() },
        };
        run.Write(path, comm);

        // Every rank reads an even block of each partitioned dataset back, and the whole of the others.
        var read = RankedRun.Read(path, comm);
        var total = Enumerable.Range(0, comm.Size).Sum(r => PathRows(r));
        var mine = H5RowPartition.Even(total, comm);
        results["paths_block"] = new[] { mine.Start, mine.Count };
        results["paths_read"] = Same(read.Paths, Rows(mine.Start, mine.Count));
        results["compressed_read"] = Same(read.Compressed, Rows(mine.Start, mine.Count));
        results["counts_read"] = read.Stats.Counts.SequenceEqual(Enumerable.Range((int)mine.Start, (int)mine.Count));
        var events = H5RowPartition.Even(Enumerable.Range(0, comm.Size).Sum(r => EventRows(r)), comm);
        results["events_read"] = read.Events.Select(e => e.Row).SequenceEqual(Enumerable.Range((int)events.Start, (int)events.Count).Select(i => (long)i));
        results["shared_read"] = read.Ranks == comm.Size && read.Title == run.Title && read.Units == "m" && read.Time.SequenceEqual(run.Time)
            && read.Names.SequenceEqual(run.Names) && read.Label == run.Label && read.Codes.SequenceEqual(run.Codes);

        // One process alone reads every row (the serial entry point, on the same parallel libhdf5).
        comm.Barrier();
        if (comm.Rank == 0)
        {
            var whole = RankedRun.Read(path);
            results["serial_rows"] = whole.Paths.GetLength(0);
            results["serial_read"] = Same(whole.Paths, Rows(0, total)) && whole.Events.Count == Enumerable.Range(0, comm.Size).Sum(r => EventRows(r));
        }
        comm.Barrier();
    }

    /// <summary>Ranks whose rows differ in their other dimension: every rank raises the same mapping error before any
    /// dataset is created, and the target file (and no temporary file) is left.</summary>
    public static void MismatchedRows(string path, RankResults results)
    {
        var comm = H5Communicator.World;
        File.WriteAllText(path, "the file before");
        var run = new RankedRun { Ranks = comm.Size, Paths = new double[2, comm.Rank == 1 ? Columns + 1 : Columns], Compressed = new double[0, Columns] };
        results["write"] = RuntimeScenarios.Outcome(() => run.Write(path, comm));
        comm.Barrier();
        results["target"] = File.ReadAllText(path);
        results["leftovers"] = Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, "*.tmp").Length;
    }

    private static double[,] Rows(long start, long count)
    {
        var rows = new double[count, Columns];
        for (long i = 0; i < count; i++)
            for (int c = 0; c < Columns; c++) rows[i, c] = Value(start + i, c);
        return rows;
    }

    private static bool Same(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && a.Cast<double>().SequenceEqual(b.Cast<double>());
}
