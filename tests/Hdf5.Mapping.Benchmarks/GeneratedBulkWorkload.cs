using System.Diagnostics;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>W1/R1's dataset as a mapped type, written and read through generated code.</summary>
[H5File]
public partial class BulkFile
{
    [H5Dataset("data")] public double[,] Data { get; set; } = new double[0, 0];
}

/// <summary>
/// W1/R1 through the generated <c>WriteTo</c>/<c>ReadFrom</c>. Unlike the other R1 readers, which fill one
/// existing buffer, a generated read returns a new object and so allocates (and first-touches) a new 512 MiB
/// array each time: that cost is part of what a mapped read is, and is shown as such.
/// </summary>
public static class GeneratedBulkWorkload
{
    public static (double Write, double Read) Run(string path, double[,] data)
    {
        var model = new BulkFile { Data = data };
        File.Delete(path); // as the C and runtime rows do: truncating last run's 512 MiB file is not part of a write
        var sw = Stopwatch.StartNew();
        using (var f = H5File.Create(path)) model.WriteTo(f);
        var w = sw.Elapsed.TotalSeconds;
        var r = double.MaxValue;
        for (int k = 0; k < 5; k++)
        {
            sw.Restart();
            using (var f = H5File.Open(path))
            {
                var read = BulkFile.ReadFrom(f);
                if (read.Data.Length != data.Length) throw new InvalidOperationException("wrong size read back");
            }
            r = Math.Min(r, sw.Elapsed.TotalSeconds);
        }
        return (w, r);
    }
}
