using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// W1/R1 (a performance target): write and read a contiguous 4096 × 16384 float64 dataset (512 MiB) from/to a
/// <c>double[,]</c>, through our high-level API, against the C program in native/contiguous.c doing the same.
/// Runs alternate (C, C#, C, C#, ...) so both see the same machine state.
/// </summary>
public static class ContiguousWorkload
{
    public const int Rows = 4096, Columns = 16384;

    public static (Stats W1, Stats R1) RunCSharp(string path, double[,] data)
    {
        var sw = Stopwatch.StartNew();
        using (var f = H5File.Create(path))
        using (var ds = f.Add("data", data)) { }
        var w = sw.Elapsed.TotalSeconds;
        // R1 is short (a copy out of the page cache): best of 5 reads, exactly as native/contiguous.c does.
        var r = double.MaxValue;
        for (int k = 0; k < 5; k++)
        {
            sw.Restart();
            using (var f = H5File.Open(path))
            using (var ds = f.OpenDataset("data"))
                ds.ReadInto<double>(data);
            r = Math.Min(r, sw.Elapsed.TotalSeconds);
        }
        if (data[Rows - 1, Columns - 1] != (Rows * (double)Columns - 1) * 0.5) throw new InvalidOperationException("wrong data read back");
        return (Stats.Of([w]), Stats.Of([r]));
    }

    public static double[,] MakeData()
    {
        var data = new double[Rows, Columns];
        var flat = MemoryMarshal.CreateSpan(ref data[0, 0], data.Length);
        for (int i = 0; i < flat.Length; i++) flat[i] = i * 0.5;
        return data;
    }

    /// <summary>Runs a C floor program for <paramref name="repeats"/> repetitions in one process (warm, like the
    /// C# side) and returns each repetition's (write, read) seconds ("W1 &lt;s&gt; R1 &lt;s&gt;" lines).</summary>
    public static List<(double Write, double Read)> RunC(string exe, string path, int repeats) =>
        RunProgram(exe, path, repeats).Select(parts => (Number(parts[1]), Number(parts[3]))).ToList();

    /// <summary>Runs a C floor program and returns the space-separated fields of each output line.</summary>
    public static List<string[]> RunProgram(string exe, string path, int repeats)
    {
        var psi = new ProcessStartInfo(exe, [path, repeats.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed: {p.StandardError.ReadToEnd()}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    public static double Number(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
