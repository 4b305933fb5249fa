using System.Diagnostics;

namespace StreamingSample;

/// <summary>Writes samples in real time under SWMR: every few milliseconds it appends the samples that have fallen due
/// (so appends vary in size) and flushes, so a reader always finds every sample up to the last flush.</summary>
internal static class Writer
{
    // A writer that fell behind (a loaded machine) catches up in appends of at most this many samples.
    private const int MaxAppend = 1 << 16;

    public static int Run(string path, double seconds, double rateHz)
    {
        var total = (long)Math.Round(seconds * rateHz);
        using var writer = new SampleStream { RateHz = rateHz }.CreateSwmrWriter(path);
        Console.WriteLine($"Writing {path} under SWMR: /samples float64, sample k = k, {rateHz:G} Hz for {seconds:G} s ({total} samples).");
        Console.WriteLine($"Follow it with: dotnet run --project samples/Streaming -- --follow {path}   (or from h5py, see samples/Streaming/README.md)");

        var buffer = new double[MaxAppend];
        var pause = new Random(17);
        var clock = Stopwatch.StartNew();
        long written = 0, appends = 0, smallest = long.MaxValue, largest = 0;
        var nextReport = 1.0;
        while (written < total)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * rateHz));
            while (written < due)
            {
                var count = (int)Math.Min(due - written, MaxAppend);
                for (int i = 0; i < count; i++) buffer[i] = written + i;
                writer.AppendSamples(buffer.AsSpan(0, count));
                writer.Flush(); // readers that refresh now see every sample up to here
                written += count;
                appends++;
                smallest = Math.Min(smallest, count);
                largest = Math.Max(largest, count);
            }
            if (clock.Elapsed.TotalSeconds >= nextReport)
            {
                Console.WriteLine($"t = {clock.Elapsed.TotalSeconds,5:F1} s: {written} samples flushed");
                nextReport += 1;
            }
            if (written < total) Thread.Sleep(pause.Next(5, 40));
        }
        Console.WriteLine($"Wrote {written} samples in {appends} appends of {smallest} to {largest} samples, {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
