using System.Globalization;
using System.Net;
using System.Text;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>Draws the result table as an SVG bar chart: one group per workload, one bar per implementation,
/// bar length = median time relative to the workload's first row (C libhdf5), on a log scale.</summary>
public static class Chart
{
    private static readonly Dictionary<string, string> Colors = new()
    {
        ["C libhdf5"] = "#7f7f7f", ["Hdf5.Mapping"] = "#1f77b4", ["h5py"] = "#ff7f0e", ["PureHDF"] = "#2ca02c",
        ["hand-written runtime"] = "#9467bd", ["generated code"] = "#17becf", ["generated code (new array)"] = "#17becf",
    };

    public static string Svg(IReadOnlyList<(string Workload, string Impl, Stats Stats, double MiB, Stats Floor)> rows, string title)
    {
        const int left = 260, barHeight = 14, gap = 10, width = 900, plot = width - left - 120;
        var groups = rows.GroupBy(r => r.Workload).ToList();
        var height = 60 + groups.Sum(g => g.Count() * barHeight + gap) + 40;
        var ratios = rows.Select(r => r.Stats.Median / r.Floor.Median).ToList();
        double lo = Math.Min(0.5, ratios.Min()), hi = Math.Max(2, ratios.Max());
        double X(double ratio) => left + plot * (Math.Log(ratio) - Math.Log(lo)) / (Math.Log(hi) - Math.Log(lo));
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.Append(inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        sb.Append(inv, $"<text x=\"10\" y=\"20\" font-size=\"13\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>\n");
        var y = 45;
        foreach (var tick in new[] { 0.5, 1.0, 2.0, 4.0, 8.0 }.Where(t => t >= lo && t <= hi))
            sb.Append(inv, $"<line x1=\"{X(tick):F1}\" y1=\"35\" x2=\"{X(tick):F1}\" y2=\"{height - 30}\" stroke=\"{(tick == 1 ? "#000" : "#ddd")}\"/><text x=\"{X(tick):F1}\" y=\"{height - 15}\" text-anchor=\"middle\">{tick}x</text>\n");
        foreach (var g in groups)
        {
            sb.Append(inv, $"<text x=\"10\" y=\"{y + barHeight - 3}\" font-weight=\"bold\">{WebUtility.HtmlEncode(g.Key)}</text>\n");
            foreach (var r in g)
            {
                var ratio = r.Stats.Median / r.Floor.Median;
                var x0 = X(Math.Min(1, ratio));
                var x1 = X(Math.Max(1, ratio));
                var color = Colors.GetValueOrDefault(r.Impl, "#444");
                sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + barHeight - 3}\" text-anchor=\"end\">{WebUtility.HtmlEncode(r.Impl)}</text>");
                sb.Append(inv, $"<rect x=\"{x0:F1}\" y=\"{y + 1}\" width=\"{Math.Max(1, x1 - x0):F1}\" height=\"{barHeight - 2}\" fill=\"{color}\"/>");
                sb.Append(inv, $"<text x=\"{x1 + 4:F1}\" y=\"{y + barHeight - 3}\">{ratio:F2}x ({r.Stats.Median * 1000:F0} ms)</text>\n");
                y += barHeight;
            }
            y += gap;
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>tests/Hdf5.Mapping.Benchmarks in the repository (found above the running program).</summary>
    public static string RepoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hdf5.Mapping.sln"))) return Path.Combine(dir.FullName, "tests", "Hdf5.Mapping.Benchmarks");
        return AppContext.BaseDirectory;
    }
}
