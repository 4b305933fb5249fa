using System.Globalization;
using System.Text.RegularExpressions;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Tool;

/// <summary>h5m's progress bar: on a terminal (a pseudo-terminal made by util-linux's <c>script</c>) each long verb
/// draws a bar with the count out of the file's objects (as h5py counts them), the rate and the object being worked
/// on, ending at 100%; with stderr a pipe, stderr stays empty and stdout is what it always is.</summary>
public sealed partial class H5mProgressTests : H5TestBase
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "h5m.dll");

    // 12 groups of 40 datasets with an attribute each: 493 objects, enough for several frames of the bar.
    private const string ManyObjects = """
        import sys
        with h5py.File(sys.argv[1], 'a') as f:
            for i in range(12):
                g = f.create_group('extra%02d' % i)
                for j in range(40):
                    g['d%02d' % j] = numpy.arange(4.0) * j
                    g['d%02d' % j].attrs['units'] = 'm'
        """;

    [Theory]
    [InlineData("scaffolding", "scaffold", "{file}", "-n", "Many", "-o", "{dir}")]
    [InlineData("describing", "dump", "{file}", "-o", "{dir}/many.json")]
    [InlineData("listing", "ls", "-r", "{file}")]
    [InlineData("validating", "validate", "{file}", "--schema", "{schema}")]
    public void OnATerminal_TheVerbDrawsABarToTheObjectCount_AndOnAPipeStderrStaysEmpty(string label, params string[] template)
    {
        var file = Files.NewPath("many.h5");
        Peers.RunPython(Schema.ValidationTests.Writer, file, "none"); // a file the test schema Granule describes
        Peers.RunPython(ManyObjects, file);                          // and many objects it does not
        var objects = Peers.PythonJson("import sys\nn = []\nh5py.File(sys.argv[1], 'r').visit(n.append)\nprint(len(n) + 1)", file).GetInt64();
        var dir = Path.Combine(Files.Folder, "out");
        Directory.CreateDirectory(dir);
        var schema = typeof(H5mProgressTests).Assembly.Location + ":Hdf5.Mapping.Tests.Schema.Granule";
        var args = template.Select(a => a.Replace("{file}", file).Replace("{dir}", dir).Replace("{schema}", schema)).ToArray();

        var (code, screen) = OnTerminal(args);
        Assert.True(code == 0, screen);
        var frames = Frames(screen);
        var total = objects.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains(frames, f => f.StartsWith(label + " ━", StringComparison.Ordinal) && f.Contains($"100% {total}/{total} objects", StringComparison.Ordinal));
        Assert.Contains(frames, f => f.StartsWith(label, StringComparison.Ordinal) && Rate().IsMatch(f));
        Assert.Contains(frames, f => f.StartsWith(label, StringComparison.Ordinal) && f.Contains(" /", StringComparison.Ordinal)); // the object at hand

        var piped = Peers.Run("dotnet", ["exec", Tool, .. args], timeout: TimeSpan.FromMinutes(2));
        Assert.Equal((0, ""), (piped.Code, piped.Stderr));
        if (label == "listing") Assert.Equal(objects, piped.Stdout.TrimEnd().Split('\n').Length); // one line per object
    }

    // script(1) runs the command on a new pseudo-terminal (160 columns, so a frame is one line) and copies what it
    // draws to its stdout; -e passes the command's exit code on.
    private static (int Code, string Screen) OnTerminal(string[] args)
    {
        if (!File.Exists("/usr/bin/script")) throw new InvalidOperationException("/usr/bin/script is missing: apt-get install bsdutils (util-linux).");
        var command = "stty cols 160 rows 40; exec dotnet exec " + string.Join(" ", new[] { Tool }.Concat(args).Select(Quote));
        var (code, stdout, stderr) = Peers.Run("/usr/bin/script", ["-qefc", command, "/dev/null"], timeout: TimeSpan.FromMinutes(2));
        return (code, stdout + stderr);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    // What the terminal showed, one entry per redraw of the line: escape sequences removed, split at carriage returns.
    private static List<string> Frames(string screen) =>
        Escape().Replace(screen, "").Split(['\r', '\n']).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"\d[\d,]* objects/s")]
    private static partial Regex Rate();
}
