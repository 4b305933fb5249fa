using System.Diagnostics;
using System.Globalization;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// R3: the tutorial's remote steps — list the root keys, read the root attributes, read one 1 x 256 slice —
/// on a 512 MiB file served over loopback HTTP with range requests, through ROS3: plain vs paged layout, with and
/// without an 8 MiB page buffer, and h5py's ROS3 driver doing the same. Counts requests and bytes, times wall clock.
/// </summary>
internal static class RemoteWorkload
{
    private const int Rows = 4096, Columns = 16384;

    public static void Run(string work, int runs)
    {
        using var server = new RangeHttpServer();
        server.Serve("plain.h5", MakeFile(Path.Combine(work, "r3-plain.h5"), 0));
        server.Serve("paged.h5", MakeFile(Path.Combine(work, "r3-paged.h5"), 1 << 20));
        Console.WriteLine("R3 remote tutorial steps over loopback HTTP (keys, 4 root attributes, ds[2000, 5000:5256]) of a 512 MiB file:");
        Console.WriteLine("| file | reader | page buffer | GET requests | bytes | wall time (median [min-max]) |");
        Console.WriteLine("|---|---|---|---:|---:|---|");
        foreach (var (name, buffer) in new[] { ("plain.h5", 0L), ("paged.h5", 0L), ("paged.h5", 8L << 20) })
        {
            if (name == "plain.h5" && buffer > 0) continue;
            var times = new List<double>();
            int gets = 0; long bytes = 0;
            for (int i = 0; i < runs; i++)
            {
                server.ResetCounts();
                var sw = Stopwatch.StartNew();
                Steps(server.Url(name), buffer);
                times.Add(sw.Elapsed.TotalSeconds);
                gets = server.Gets; bytes = server.BytesServed;
            }
            Console.WriteLine($"| {name} | Hdf5.Mapping | {buffer >> 20} MiB | {gets} | {bytes:N0} | {Stats.Of(times).Format()} |");

            server.ResetCounts();
            var py = H5py(server.Url(name), buffer, runs);
            Console.WriteLine($"| {name} | h5py ros3 | {buffer >> 20} MiB | {server.Gets / runs} | {server.BytesServed / runs:N0} | {Stats.Of(py).Format()} |");
        }
        foreach (var f in Directory.GetFiles(work, "r3-*.h5")) File.Delete(f);
        Console.WriteLine();
    }

    private static double Steps(string url, long pageBuffer)
    {
        using var f = H5File.OpenRemote(url, new H5RemoteOptions { PageBufferSize = pageBuffer });
        var keys = f.Keys.Count;
        var attrs = f.Attrs.Keys.Sum(k => f.Attrs.GetString(k).Length);
        using var data = f.OpenDataset("data");
        return keys + attrs + data[2000, 5000..5256].Read<double>().Sum();
    }

    private static byte[] MakeFile(string path, long pageSize)
    {
        var row = new double[Columns];
        using (var f = H5File.Create(path, options: new H5FileOptions { PageSize = pageSize }))
        {
            f.Attrs.Set("short_name", "ATL03");
            f.Attrs.Set("title", "SET_BY_PGE");
            f.Attrs.Set("Conventions", "CF-1.6");
            f.Attrs.Set("time_coverage_start", "2023-01-01T00:00:00.000000Z");
            for (int beam = 1; beam <= 6; beam++)
                using (f.CreateGroup($"gt{beam}{(beam % 2 == 0 ? 'r' : 'l')}/heights")) { }
            using var data = f.CreateDataset<double>("data", [Rows, Columns]);
            for (int r = 0; r < Rows; r++)
            {
                for (int c = 0; c < Columns; c++) row[c] = r + c * 1e-5;
                data[r, ..].Write<double>(row);
            }
        }
        return File.ReadAllBytes(path);
    }

    private static List<double> H5py(string url, long pageBuffer, int runs)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "remote_steps.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, url, pageBuffer.ToString(CultureInfo.InvariantCulture), runs.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"h5py ros3 failed: {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToList();
    }
}
