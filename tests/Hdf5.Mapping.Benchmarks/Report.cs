using System.Globalization;
using System.Text;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>The result table: one row per workload and implementation.</summary>
public sealed class Report
{
    private readonly List<(string Workload, string Impl, Stats Stats, double MiB, Stats Floor)> _rows = [];

    /// <summary>The rows so far, for the chart.</summary>
    public IReadOnlyList<(string Workload, string Impl, Stats Stats, double MiB, Stats Floor)> Rows => _rows;

    public void Add(string workload, string impl, Stats stats, double mib, Stats floor) => _rows.Add((workload, impl, stats, mib, floor));

    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| workload | implementation | median [min–max] | MiB/s | ratio to C |");
        sb.AppendLine("|---|---|---|---:|---:|");
        foreach (var r in _rows)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Workload} | {r.Impl} | {r.Stats.Format()} | {(r.MiB > 0 ? (r.MiB / r.Stats.Median).ToString("F0", CultureInfo.InvariantCulture) : "–"),7} | {r.Stats.Median / r.Floor.Median:F3} |");
        return sb.ToString();
    }

    public static string Verdict(string target, double ratio, double limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{(ratio <= limit ? "MET " : "MISSED")}  {target}: ratio {ratio:F3} (limit {limit})");
}
