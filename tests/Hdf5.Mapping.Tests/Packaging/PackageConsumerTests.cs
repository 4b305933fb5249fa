using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Packaging;

/// <summary>
/// The README's "Use it in your project" as a new user follows it: its commands, word for word, run by bash for a user
/// whose home is empty (no package cache, no NuGet sources but nuget.org, no tools): pack the three packages into
/// <c>~/hdf5-mapping-feed</c>, add the source, the package and the local tool to a fresh <c>dotnet new console</c>
/// project, emit the generated files as the README says, build and run a mapped type, read its file with h5py and list
/// it with the installed <c>h5m</c>, local and global. Each package carries its readme, license, repository and tags.
/// </summary>
public sealed partial class PackageConsumerTests : H5TestBase
{
    private const string Program = """
        using Hdf5.Mapping;

        var path = args[0];
        var run = new Run { Title = "packaged ✓", Step = 0.25, Values = [1.5, 2.5, 3.5], Station = new Station { Name = "north", Counts = [3, 4] } };
        run.Best = run.Station;
        run.Write(path);
        var back = Run.Read(path);
        Console.WriteLine($"read: {back.Title} {back.Step} {string.Join(",", back.Values)} {back.Station.Name} {string.Join(",", back.Station.Counts)} best-is-station={ReferenceEquals(back.Best, back.Station)}");
        // Untrusted mode: the probe the package put beside this program reads the file in a child process.
        var report = H5UntrustedFile.Check(path);
        Console.WriteLine($"checked: {report.Groups} groups, {report.Datasets} datasets, {report.ElementsRead} elements");
        try { H5UntrustedFile.Check(args[1]); } catch (H5InvalidFileException e) { Console.WriteLine($"rejected: {e.GetType().Name}"); }

        [H5File]
        public partial class Run
        {
            [H5Attribute("title")] public string Title { get; set; } = "";
            [H5Attribute("step")] public double Step { get; set; }
            [H5Dataset("values", Chunks = new long[] { 2 }, Filter = H5FilterKind.Deflate)] public double[] Values { get; set; } = [];
            [H5Group("station")] public Station Station { get; set; } = new();
            [H5Reference("best")] public Station? Best { get; set; }
        }

        [H5Group]
        public partial class Station
        {
            [H5Attribute("name")] public string Name { get; set; } = "";
            [H5Dataset("counts")] public int[] Counts { get; set; } = [];
        }
        """;

    private static readonly string[] Packages = ["Hdf5.Mapping", "Hdf5.Mapping.Design", "Hdf5.Mapping.Tool"];

    [Fact]
    public void TheReadmesSteps_InAFreshProject_AddThePackageAndTheTool_AndTheMappedTypeWritesWhatH5pyReads()
    {
        var work = Directory.CreateTempSubdirectory("h5m-readme-");
        try
        {
            var home = Path.Combine(work.FullName, "home");
            Directory.CreateDirectory(home);
            var section = ReadmeSection();
            var blocks = Blocks(section, "sh");
            Assert.True(blocks.Count >= 2, "the README's 'Use it in your project' has no pack block and project block");

            // --no-build: pack what the test run already built (a rebuild would rewrite assemblies this process has loaded).
            foreach (var pack in Commands(blocks[0]))
            {
                Assert.StartsWith("dotnet pack ", pack, StringComparison.Ordinal);
                Shell(home, RepoPaths.Root, pack + " --no-build");
            }
            var feed = Path.Combine(home, "hdf5-mapping-feed");
            foreach (var id in Packages) CheckMetadata(Path.Combine(feed, $"{id}.0.1.0.nupkg"), id);

            var app = Path.Combine(work.FullName, "MyProject");
            Shell(home, work.FullName, "dotnet new console -o MyProject");
            foreach (var command in Commands(blocks[1])) Shell(home, app, command);

            var project = Path.Combine(app, "MyProject.csproj");
            var emit = Blocks(section, "xml").Single();
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", emit + "\n</Project>", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
            var output = Path.Combine(work.FullName, "out.h5");
            var notHdf5 = Path.Combine(work.FullName, "notes.txt");
            File.WriteAllText(notHdf5, "not HDF5");
            var stdout = Shell(home, app, $"dotnet run -- '{output}' '{notHdf5}'");
            Assert.Contains("read: packaged ✓ 0.25 1.5,2.5,3.5 north 3,4 best-is-station=True", stdout);
            // Untrusted mode works from the package: its probe, copied beside the program, read the file in a child process.
            Assert.Contains("checked: 2 groups, 3 datasets, 6 elements", stdout);
            Assert.Contains("rejected: H5InvalidFileException", stdout);
            var generated = Path.Combine(app, "obj", "Debug", "net10.0", "generated", "Hdf5.Mapping.Generators", "Hdf5.Mapping.Generators.MappingGenerator", "Run.H5Mapping.g.cs");
            Assert.True(File.Exists(generated), $"EmitCompilerGeneratedFiles wrote no {generated}");
            Assert.Contains("partial class Run", File.ReadAllText(generated));
            CheckWithH5py(output);

            var local = Shell(home, app, $"dotnet h5m ls -r '{output}'");
            var global = GlobalInstall(section);
            Shell(home, work.FullName, global);
            var installed = Shell(home, work.FullName, $"~/.dotnet/tools/h5m ls -r '{output}'");
            Assert.Equal(local, installed);
            var lines = local.Split('\n');
            Assert.Equal("/  group (3 members)", lines[0]);
            Assert.StartsWith("├── best  object reference", lines[1], StringComparison.Ordinal);
            Assert.Equal(["├── station/  group (1 member)", "│   └── counts  int32 (2)"], lines[2..4]);
            Assert.StartsWith("└── values  float64 (3)", lines[4], StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void CheckWithH5py(string output)
    {
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps([f.attrs['title'], float(f.attrs['step']), f['values'][()].tolist(), f['values'].id.get_create_plist().get_filter(0)[0],
                              f['station'].attrs['name'], f['station/counts'][()].tolist(), f[f['best'][()]].name]))
            """, output);
        Assert.Equal("packaged ✓", json[0].GetString());
        Assert.Equal(0.25, json[1].GetDouble());
        Assert.Equal([1.5, 2.5, 3.5], json[2].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(1, json[3].GetInt32()); // deflate
        Assert.Equal("north", json[4].GetString());
        Assert.Equal([3, 4], json[5].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("/station", json[6].GetString());
    }

    // What nuget.org shows: the readme (the package's own), license, repository and tags; and what each package is for.
    private static void CheckMetadata(string package, string id)
    {
        Assert.True(File.Exists(package), $"the README's pack commands made no {package}");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        XDocument nuspec;
        using (var stream = zip.GetEntry($"{id}.nuspec")!.Open()) nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.False(string.IsNullOrEmpty(repository.Attribute("url")?.Value), $"{id} names no repository url");
        Assert.Contains("hdf5", (Value("tags") ?? "").Split(' '));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("README.md", entries);
        var readme = id == "Hdf5.Mapping" ? "README.md" : $"src/{id}/README.md";
        using (var reader = new StreamReader(zip.GetEntry("README.md")!.Open()))
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, readme)), reader.ReadToEnd());
        switch (id)
        {
            case "Hdf5.Mapping":
                Assert.Contains("analyzers/dotnet/cs/Hdf5.Mapping.Generators.dll", entries);
                Assert.Contains("lib/net8.0/Hdf5.Mapping.dll", entries);
                Assert.Contains("lib/net10.0/Hdf5.Mapping.dll", entries);
                Assert.Contains("tools/probe/Hdf5.Mapping.Probe.dll", entries);
                Assert.Contains("tools/probe/Hdf5.Mapping.Probe.runtimeconfig.json", entries);
                Assert.Contains("buildTransitive/Hdf5.Mapping.targets", entries);
                break;
            case "Hdf5.Mapping.Design":
                Assert.Contains("lib/net10.0/Hdf5.Mapping.Design.dll", entries);
                break;
            default:
                Assert.Contains("tools/net10.0/any/h5m.dll", entries);
                Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
                break;
        }
    }

    // The README from "## Use it in your project" to the next section.
    private static string ReadmeSection()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("\n## Use it in your project\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no '## Use it in your project' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    private static List<string> Blocks(string section, string language) =>
        Fence().Matches(section).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value.TrimEnd()).ToList();

    private static IEnumerable<string> Commands(string block) =>
        block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static string GlobalInstall(string section)
    {
        var match = GlobalToolCommand().Match(section);
        Assert.True(match.Success, "the README names no global install of h5m");
        return match.Groups[1].Value;
    }

    // A user whose home is `home`: ~ in the README's commands, the NuGet package cache, user-level NuGet sources and
    // global tools are all under it, so nothing from earlier runs or this machine's user answers for these packages.
    private static string Shell(string home, string directory, string command)
    {
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(home, ".nuget", "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        var (code, stdout, stderr) = Peers.Run("/bin/bash", ["-c", $"cd '{directory}' && {command}"], env, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"{command} exited {code}:\n{stdout}\n{stderr}");
        return stdout;
    }

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`(dotnet tool install --global [^`]+)`")]
    private static partial Regex GlobalToolCommand();
}
