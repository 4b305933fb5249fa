using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// W2/R2: the 512 MiB dataset chunked 256 × 2048 with shuffle + deflate 1, against native/chunked.c;
/// and Z1: the same with our managed Zstd filter at level 3, whose throughput is compared with the zstd CLI.
/// </summary>
public static class ChunkedWorkload
{
    public static double[,] MakeData()
    {
        var data = new double[ContiguousWorkload.Rows, ContiguousWorkload.Columns];
        var flat = MemoryMarshal.CreateSpan(ref data[0, 0], data.Length);
        for (int i = 0; i < flat.Length; i++) flat[i] = (i % 1000) * 0.25 + (i / 16384);
        return data;
    }

    public static (double Write, double Read) Run(string path, double[,] data, params H5Filter[] filters)
    {
        var options = new H5DatasetOptions { Chunks = [256, 2048] }.With(filters);
        var sw = Stopwatch.StartNew();
        using (var f = H5File.Create(path))
        using (var ds = f.Add("data", data, options)) { }
        var w = sw.Elapsed.TotalSeconds;
        sw.Restart();
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("data"))
            ds.ReadInto<double>(data);
        var r = sw.Elapsed.TotalSeconds;
        var n = (long)data.Length - 1;
        if (data[ContiguousWorkload.Rows - 1, ContiguousWorkload.Columns - 1] != (n % 1000) * 0.25 + (n / 16384)) throw new InvalidOperationException("wrong data read back");
        return (w, r);
    }

    /// <summary>Runs <c>zstd -b3</c> (in-memory benchmark of the CLI's library) on the raw bytes and returns MB/s (compress, decompress).</summary>
    public static (double Compress, double Decompress) ZstdCli(string rawFile)
    {
        var psi = new ProcessStartInfo("zstd", ["-b3", "-i3", "-q", rawFile]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("zstd not found: apt-get install zstd");
        var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        // "3#raw.bin :  536870912 ->  61234 (8767.),  850.3 MB/s , 2900.1 MB/s"
        var speeds = System.Text.RegularExpressions.Regex.Matches(text, @"([0-9.]+) MB/s");
        if (speeds.Count < 2) throw new InvalidOperationException($"could not parse zstd -b output: {text}");
        var last = speeds.Count;
        return (double.Parse(speeds[last - 2].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(speeds[last - 1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
