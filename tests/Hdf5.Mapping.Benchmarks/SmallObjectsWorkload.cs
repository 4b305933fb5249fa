using System.Diagnostics;
using System.Globalization;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>One small object of S1/S2: three attributes and a 16-element dataset.</summary>
[H5Group]
public partial class SmallItem
{
    [H5Attribute("a")] public double A { get; set; }
    [H5Attribute("b")] public int B { get; set; }
    [H5Attribute("c")] public string C { get; set; } = "";
    [H5Dataset("d")] public double[] D { get; set; } = [];
}

/// <summary>The S1/S2 file: 10,000 small objects under "items", as groups "0", "1", ...</summary>
[H5File]
public partial class SmallObjects
{
    [H5Group("items")] public List<SmallItem> Items { get; set; } = [];
}

/// <summary>
/// S1/S2 (a performance target): write / read 10,000 groups, each with 3 attributes (double, int, UTF-8 string) and a
/// 16-element float64 dataset — through generated code, through hand-written runtime calls, and through h5py.
/// </summary>
public static class SmallObjectsWorkload
{
    public const int Count = 10_000;

    private static readonly double[] Data = Enumerable.Range(0, 16).Select(i => (double)i).ToArray();

    public static (double Write, double Read) Generated(string path)
    {
        var model = new SmallObjects
        {
            Items = Enumerable.Range(0, Count).Select(i => new SmallItem { A = i * 0.5, B = i, C = "item " + i, D = Data }).ToList(),
        };
        var sw = Stopwatch.StartNew();
        using (var f = H5File.Create(path)) model.WriteTo(f);
        var w = sw.Elapsed.TotalSeconds;
        sw.Restart();
        double total = 0;
        using (var f = H5File.Open(path))
            foreach (var item in SmallObjects.ReadFrom(f).Items) total += item.A + item.B + item.C.Length + item.D.Sum();
        return (w, sw.Elapsed.TotalSeconds);
    }

    public static (double Write, double Read) HandWritten(string path)
    {
        var sw = Stopwatch.StartNew();
        using (var f = H5File.Create(path))
        using (var items = f.CreateGroup("items"))
            for (int i = 0; i < Count; i++)
            {
                using var g = items.CreateGroup(i.ToString(CultureInfo.InvariantCulture));
                g.Attrs.Set("a", i * 0.5);
                g.Attrs.Set("b", i);
                g.Attrs.Set("c", "item " + i);
                using (g.Add("d", Data)) { }
            }
        var w = sw.Elapsed.TotalSeconds;
        sw.Restart();
        double total = 0;
        using (var f = H5File.Open(path))
        using (var items = f.OpenGroup("items"))
            for (int i = 0; i < Count; i++)
            {
                using var g = items.OpenGroup(i.ToString(CultureInfo.InvariantCulture));
                using var d = g.OpenDataset("d");
                total += g.Attrs.Get<double>("a") + g.Attrs.Get<int>("b") + g.Attrs.GetString("c").Length + d.Read<double>().Sum();
            }
        return (w, sw.Elapsed.TotalSeconds);
    }

    public static List<(double Write, double Read)> H5py(string path, int repeats)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "small_objects.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, path, Count.ToString(CultureInfo.InvariantCulture), repeats.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"h5py run failed (apt-get install python3-h5py): {p.StandardError.ReadToEnd()}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split(' ');
            return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
        }).ToList();
    }
}
