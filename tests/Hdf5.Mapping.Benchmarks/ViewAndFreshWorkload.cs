using System.Diagnostics;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// R1's like-for-like pairs on the W1 file: a mapped view summed in place against C reading into a reused buffer and
/// summing (native/readsum.c sum), and reads into a new array (<c>Read&lt;double&gt;()</c>, the generated
/// <c>ReadFrom</c>, <c>ReadNative&lt;double&gt;()</c> on huge pages) against C reading into a freshly malloc'ed buffer
/// (readsum.c fresh). Each repetition is timed alone; both sums use a plain loop.
/// </summary>
public static class ViewAndFreshWorkload
{
    public static List<(double Seconds, double Sum)> RunC(string exe, string path, string mode, int repeats)
    {
        var psi = new ProcessStartInfo(exe, [path, mode, repeats.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed: {p.StandardError.ReadToEnd()}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')).Select(x => (ContiguousWorkload.Number(x[0]), ContiguousWorkload.Number(x[1]))).ToList();
    }

    public static (double Seconds, double Sum) MappedSum(string path)
    {
        var sw = Stopwatch.StartNew();
        double sum = 0;
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("data"))
        using (var view = ds.MapReadOnly<double>())
            foreach (var v in view.Span) sum += v;
        return (sw.Elapsed.TotalSeconds, sum);
    }

    public static (double Seconds, double Last) FreshArray(string path)
    {
        var sw = Stopwatch.StartNew();
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("data");
        var values = ds.Read<double>();
        return (sw.Elapsed.TotalSeconds, values[^1]);
    }

    public static (double Seconds, double Last) FreshHugePages(string path)
    {
        var sw = Stopwatch.StartNew();
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("data");
        using var values = ds.ReadNative<double>();
        var last = values.Span[^1];
        return (sw.Elapsed.TotalSeconds, last); // freed inside the timing, as C frees its buffer
    }

    public static (double Seconds, double Last) FreshGenerated(string path)
    {
        var sw = Stopwatch.StartNew();
        using var f = H5File.Open(path);
        var read = BulkFile.ReadFrom(f);
        return (sw.Elapsed.TotalSeconds, read.Data[ContiguousWorkload.Rows - 1, ContiguousWorkload.Columns - 1]);
    }
}
