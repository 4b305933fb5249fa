using System.Diagnostics;
using Hdf5.Mapping;

namespace StreamingSample;

/// <summary>Follows a file the writer is streaming: opens it as a SWMR reader and takes the new samples as they are
/// flushed, checking that sample k holds k. Ends after <c>--until</c> samples, or when nothing new came for <c>--idle</c> seconds.</summary>
internal static class Follower
{
    public static async Task<int> Run(string path, long? until, double idleSeconds)
    {
        var idle = TimeSpan.FromSeconds(idleSeconds);
        using var file = await OpenWhenReady(path, idle);
        if (file is null)
        {
            Console.Error.WriteLine($"{path} did not appear as an HDF5 file within {idleSeconds:G} s.");
            return 1;
        }
        var rate = file.Attrs.Get<double>("rate_hz");
        using var samples = file.OpenDataset("samples");
        Console.WriteLine($"Following {path} (rate_hz = {rate:G}) as a SWMR reader.");

        long received = 0, wrong = 0;
        var clock = Stopwatch.StartNew();
        var nextReport = 1.0;
        using var quiet = new CancellationTokenSource(idle);
        try
        {
            await foreach (var rows in samples.FollowAsync<double>(TimeSpan.FromMilliseconds(50), cancellationToken: quiet.Token))
            {
                for (int i = 0; i < rows.Values.Length; i++)
                    if (rows.Values[i] != rows.Start + i && wrong++ == 0)
                        Console.Error.WriteLine($"sample {rows.Start + i} holds {rows.Values[i]}");
                received += rows.Count;
                quiet.CancelAfter(idle); // something new came: the idle time starts again
                if (clock.Elapsed.TotalSeconds >= nextReport)
                {
                    Console.WriteLine($"t = {clock.Elapsed.TotalSeconds,5:F1} s: {received} samples ({received / rate:F2} s of data), last = {rows.Values[^1]:G}");
                    nextReport += 1;
                }
                if (received >= until) break;
            }
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"Nothing new for {idleSeconds:G} s: stopping.");
        }
        var verdict = wrong == 0 ? "every sample equal to its index" : $"{wrong} samples NOT equal to their index";
        Console.WriteLine($"Followed {received} samples, {verdict}.");
        return wrong == 0 && (until is null || received == until) ? 0 : 1;
    }

    // The writer may not have created the file yet, or may hold it locked while it builds it: try until it opens.
    private static async Task<H5File?> OpenWhenReady(string path, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (File.Exists(path)) return H5File.Open(path, options: new H5FileOptions { Swmr = true });
            }
            catch (Exception e) when (e is IH5Exception && clock.Elapsed < patience)
            {
            }
            if (clock.Elapsed >= patience) return null;
            await Task.Delay(100);
        }
    }
}
