using System.Diagnostics;
using System.Globalization;
using PureHDF;
using PureHDF.Selections;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// The same bulk work through the peers: h5py (python/bulk.py, Debian's python3-h5py) and PureHDF 2.2.0 (a managed
/// reader; it reads here, it is not asked to write). And H1, 10,000 random 1 x 256 hyperslab reads of the W1 file,
/// through every implementation, with positions from one shared 64-bit LCG.
/// </summary>
public static class PeerWorkloads
{
    public const int Reads = 10_000, Width = 256;

    /// <summary>The H1 positions: (row, column) of each 1 x 256 read, as the C and Python sides compute them.</summary>
    public static (long Row, long Column)[] Positions()
    {
        var result = new (long, long)[Reads];
        ulong x = 42;
        for (int i = 0; i < Reads; i++)
        {
            x = unchecked(x * 6364136223846793005UL + 1442695040888963407UL);
            result[i] = ((long)((x >> 33) % ContiguousWorkload.Rows), (long)((x >> 13) % (ContiguousWorkload.Columns - Width)));
        }
        return result;
    }

    /// <summary>The same reads through slicing (<c>ds[r, c..c+256].Read</c>): a selection built per read.</summary>
    public static (double Seconds, double Checksum) H1Slices(string path, (long Row, long Column)[] positions)
    {
        var sw = Stopwatch.StartNew();
        Span<double> buffer = stackalloc double[Width];
        double total = 0;
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("data"))
            foreach (var (r, c) in positions)
            {
                ds[r, (int)c..(int)(c + Width)].Read(buffer);
                total += buffer[0];
            }
        return (sw.Elapsed.TotalSeconds, total);
    }

    public static (double Seconds, double Checksum) H1Ours(string path, (long Row, long Column)[] positions)
    {
        var sw = Stopwatch.StartNew();
        Span<double> buffer = stackalloc double[Width];
        double total = 0;
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("data"))
        using (var rows = ds.CreateReader<double>(1, Width))
        {
            if (!rows.IsDirect) throw new InvalidOperationException("H1 expects direct reads: " + rows.FallbackReason);
            foreach (var (r, c) in positions)
            {
                rows.Read([r, c], buffer);
                total += buffer[0];
            }
        }
        return (sw.Elapsed.TotalSeconds, total);
    }

    public static (double Seconds, double Checksum) H1PureHdf(string path, (long Row, long Column)[] positions)
    {
        var sw = Stopwatch.StartNew();
        double total = 0;
        using (var f = PureHDF.H5File.OpenRead(path))
        {
            var ds = f.Dataset("data");
            foreach (var (r, c) in positions)
            {
                var values = ds.Read<double[]>(new HyperslabSelection(2, [(ulong)r, (ulong)c], [1, Width]), memoryDims: [Width]);
                total += values[0];
            }
        }
        return (sw.Elapsed.TotalSeconds, total);
    }

    /// <summary>PureHDF reading the whole 512 MiB dataset (R1 or R2) into one array.</summary>
    public static double ReadPureHdf(string path)
    {
        var sw = Stopwatch.StartNew();
        using (var f = PureHDF.H5File.OpenRead(path))
        {
            var data = f.Dataset("data").Read<double[]>();
            if (data.Length != ContiguousWorkload.Rows * ContiguousWorkload.Columns) throw new InvalidOperationException("PureHDF read the wrong size");
        }
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Runs python/bulk.py; returns one list of numbers per output line (after the tag).</summary>
    public static List<double[]> H5py(string kind, string path, int repeats)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "bulk.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, kind, path, repeats.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"h5py {kind} failed: {stderr.Result}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => double.TryParse(t, CultureInfo.InvariantCulture, out _))
                .Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
    }

    /// <summary>Runs native/hyperslab.c's program: (seconds, checksum) per repetition ("H1 &lt;s&gt; &lt;sum&gt;" lines).</summary>
    public static List<(double Seconds, double Checksum)> H1C(string exe, string path, int repeats) =>
        ContiguousWorkload.RunProgram(exe, path, repeats).Select(parts => (ContiguousWorkload.Number(parts[1]), ContiguousWorkload.Number(parts[2]))).ToList();
}
