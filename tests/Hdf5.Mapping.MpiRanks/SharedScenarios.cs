using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping.MpiRanks;

/// <summary>A station of a record dataset with variable-length members (a string and a sequence) and a fixed one.</summary>
public sealed class Station
{
    public string Name { get; set; } = "";
    [H5Field("code", FixedLength = 4)] public string Code { get; set; } = "";
    public double[] Samples { get; set; } = [];
    public int Level { get; set; }
}

/// <summary>A record of fixed-size members only (stored without the global heap).</summary>
public struct Setting
{
    public string Key;
    public double Value;
}

/// <summary>A mapped file whose unpartitioned members are large: every rank holds the same grid (contiguous and
/// chunked with Zstd), the same records and the same settings; only the rows are partitioned.</summary>
[H5File]
public partial class SharedRun
{
    [H5Dataset("grid")] public double[,] Grid { get; set; } = new double[0, 0];
    [H5Dataset("grid_zstd", Chunks = new long[] { 64, SharedScenarios.Columns }, Filter = H5FilterKind.Zstd, FilterLevel = 3)]
    public double[,] GridZstd { get; set; } = new double[0, 0];
    [H5Dataset("stations")] public Station[] Stations { get; set; } = [];
    [H5Dataset("settings")] public List<Setting> Settings { get; set; } = [];
    [H5Dataset("step")] public long Step { get; set; }
    [H5Dataset("rows", Partitioned = true)] public double[] Rows { get; set; } = [];
}

/// <summary>Unpartitioned data written once, by rank 0, with every rank taking part: the bytes each rank writes
/// (<c>/proc/self/io</c> wchar) for the mapped write, for a runtime write with <see cref="H5Dataset.WritingRank"/> and for
/// the same write made by every rank; and the writes libhdf5 refuses over MPI-IO, made through the runtime API.</summary>
public static class SharedScenarios
{
    public const int GridRows = 256, Columns = 1024;

    public static double Value(long row, long column) => row * 0.5 + column * 1e-3;

    public static Station[] Stations() =>
    [
        new Station { Name = "Säntis", Code = "SAE", Samples = [1.5, 2.5, 3.5], Level = 2502 },
        new Station { Name = "", Code = "", Samples = [], Level = -1 },
        new Station { Name = "Jungfraujoch", Code = "JUN", Samples = [-7.25], Level = 3571 },
    ];

    public static void WriteOnce(string path, RankResults results)
    {
        var comm = H5Communicator.World;
        var grid = Grid();
        var mapped = new SharedRun
        {
            Grid = grid,
            GridZstd = grid,
            Stations = Stations(),
            Settings = [new Setting { Key = "dt", Value = 0.01 }, new Setting { Key = "theta", Value = 0.7 }],
            Step = 42,
            Rows = Enumerable.Range(0, 3).Select(i => comm.Rank * 10.0 + i).ToArray(),
        };
        results["mapped_bytes"] = BytesWritten(() => mapped.Write(path, comm));

        var runtime = Path.Combine(Path.GetDirectoryName(path)!, "runtime.h5");
        results["every_rank_bytes"] = BytesWritten(() => WriteGrid(runtime, comm, writingRank: null));
        results["every_rank_grid"] = ReadGrid(runtime, comm);
        results["rank_zero_bytes"] = BytesWritten(() => WriteGrid(runtime, comm, writingRank: 0));
        results["rank_zero_grid"] = ReadGrid(runtime, comm);
        results["last_rank_bytes"] = BytesWritten(() => WriteGrid(runtime, comm, writingRank: comm.Size - 1));
        results["last_rank_grid"] = ReadGrid(runtime, comm);

        var read = SharedRun.Read(path, comm);
        results["mapped_read"] = Same(read.Grid, grid) && Same(read.GridZstd, grid) && read.Step == 42
            && read.Stations.Select(s => (s.Name, s.Code, string.Join(",", s.Samples), s.Level))
                .SequenceEqual(Stations().Select(s => (s.Name, s.Code, string.Join(",", s.Samples), s.Level)))
            && read.Settings.Select(s => s.Key).SequenceEqual(["dt", "theta"]);
        Refusals(runtime, comm, results);
    }

    // The same 2 MiB grid written whole through the runtime API, collectively, by every rank or by one.
    private static void WriteGrid(string path, H5Communicator comm, int? writingRank)
    {
        var grid = Grid();
        using var f = H5File.Create(path, comm, options: new H5FileOptions { Parallel = new H5ParallelOptions(comm) { Transfer = H5Transfer.Collective } });
        using var ds = f.CreateDataset<double>("grid", [GridRows, Columns]);
        ds.WritingRank = writingRank;
        // A rank other than the writer passes other values: they must not reach the file.
        if (writingRank is { } writer && writer != comm.Rank) grid[0, 0] = -1;
        ds.WriteArray<double>(grid);
    }

    private static bool ReadGrid(string path, H5Communicator comm)
    {
        using var f = H5File.Open(path, comm);
        using var ds = f.OpenDataset("grid");
        return Same(ds.Read2D<double>(), Grid());
    }

    // Writes of global-heap data through the runtime API in a parallel file: every rank gets the same specific refusal
    // before libhdf5 is called, and the datasets Add would have made are gone.
    private static void Refusals(string path, H5Communicator comm, RankResults results)
    {
        using var f = H5File.Open(path, comm, H5FileMode.ReadWrite, new H5FileOptions { Parallel = new H5ParallelOptions(comm) { Transfer = H5Transfer.Collective } });
        using (var grid = f.OpenDataset("grid"))
        {
            var region = grid.CreateRegionReference(1..3, H5Selector.All);
            results["region_write"] = RuntimeScenarios.Outcome(() => f.Add<H5RegionReference>("regions", [region]).Dispose());
        }
        using (var type = H5Datatype.VariableString())
        using (var names = f.CreateDataset("names", type, [2]))
            results["strings_write"] = RuntimeScenarios.Outcome(() => names.WriteStrings(["a", "b"]));
        results["sequences_write"] = RuntimeScenarios.Outcome(() => f.AddSequences<int>("ragged", [[1, 2], [3]]).Dispose());
        results["left_behind"] = new[] { "regions", "ragged" }.Where(f.ContainsKey).ToArray();
    }

    // Bytes this process handed to write system calls (/proc/self/io wchar) while the step ran on every rank.
    private static long BytesWritten(Action step)
    {
        H5Communicator.World.Barrier();
        var before = WriteChars();
        step();
        var after = WriteChars();
        H5Communicator.World.Barrier();
        return after - before;
    }

    private static long WriteChars() =>
        long.Parse(File.ReadLines("/proc/self/io").First(l => l.StartsWith("wchar:", StringComparison.Ordinal))["wchar:".Length..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    private static double[,] Grid()
    {
        var grid = new double[GridRows, Columns];
        for (int r = 0; r < GridRows; r++)
            for (int c = 0; c < Columns; c++) grid[r, c] = Value(r, c);
        return grid;
    }

    private static bool Same(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && a.Cast<double>().SequenceEqual(b.Cast<double>());
}
