using System.Text;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// <c>--publish</c>: a full run rewrites what the repository shows of it — the chart (results-latest.svg), the full
/// output (results-latest.txt) and the table block of the top-level README.md between its two markers — so the
/// published numbers always come from one run of one command. Nothing written names a path of this machine.
/// </summary>
public static class Publish
{
    public const string Begin = "<!-- benchmark-results:begin (written by the harness's --publish; do not edit) -->";
    public const string End = "<!-- benchmark-results:end -->";

    /// <summary>Copies everything the program prints to the console into <see cref="Captured"/> as well.</summary>
    public static void CaptureConsole()
    {
        var tee = new TeeWriter(Console.Out, Captured);
        Console.SetOut(tee);
    }

    /// <summary>What the run printed so far.</summary>
    public static StringWriter Captured { get; } = new();

    public static void Write(Report table, string machine)
    {
        var folder = Chart.RepoFolder();
        File.WriteAllText(Path.Combine(folder, "results-latest.svg"), Chart.Svg(table.Rows, $"Time relative to C libhdf5 (lower is better) — {machine}"));
        File.WriteAllText(Path.Combine(folder, "results-latest.txt"), Scrub(Captured.ToString()));
        var readme = Path.Combine(folder, "..", "..", "README.md");
        var text = File.ReadAllText(readme);
        int begin = text.IndexOf(Begin, StringComparison.Ordinal), end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"README.md has no block between \"{Begin}\" and \"{End}\" to rewrite.");
        var block = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine($"Latest run ({machine}; produced by `dotnet run -c Release --project tests/Hdf5.Mapping.Benchmarks -- --runs 3 --publish`):")
            .AppendLine()
            .AppendLine("![ratio to C per workload](tests/Hdf5.Mapping.Benchmarks/results-latest.svg)")
            .AppendLine()
            .Append(table.Format())
            .Append(End);
        File.WriteAllText(readme, text[..begin] + block + text[(end + End.Length)..]);
        Console.WriteLine("(published: README.md table, results-latest.svg, results-latest.txt)");
    }

    // The temp folder and the user's home are the only machine paths the harness could print.
    private static string Scrub(string output)
    {
        var temp = Path.GetTempPath().TrimEnd('/');
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (temp.Length > 1) output = output.Replace(temp + "/", "$TMP/", StringComparison.Ordinal);
        if (home.Length > 1) output = output.Replace(home + "/", "~/", StringComparison.Ordinal);
        return output;
    }

    private sealed class TeeWriter(TextWriter first, TextWriter second) : TextWriter
    {
        public override Encoding Encoding => first.Encoding;
        public override void Write(char value) { first.Write(value); second.Write(value); }
        public override void Write(string? value) { first.Write(value); second.Write(value); }
        public override void WriteLine(string? value) { first.WriteLine(value); second.WriteLine(value); }
        public override void Flush() => first.Flush();
    }
}
