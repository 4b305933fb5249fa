namespace Hdf5.Mapping.Benchmarks;

/// <summary>Median and spread of repeated timings.</summary>
public sealed record Stats(double Median, double Min, double Max, int Runs)
{
    public static Stats Of(IReadOnlyList<double> seconds)
    {
        var s = seconds.OrderBy(x => x).ToArray();
        var median = s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        return new Stats(median, s[0], s[^1], s.Length);
    }

    public string Format() => $"{Median * 1000,8:F1} ms  [{Min * 1000:F1}–{Max * 1000:F1}]";
}
