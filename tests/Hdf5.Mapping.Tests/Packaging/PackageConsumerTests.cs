using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Packaging;

/// <summary>
/// The NuGet package as users get it: <c>dotnet pack</c> the runtime (which carries the generator under
/// analyzers/dotnet/cs), restore it by package into a fresh project outside the repo, build and run that project,
/// and read the file it writes with h5py. Nothing from the repo's build props or project references leaks in.
/// </summary>
public sealed class PackageConsumerTests : H5TestBase
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

    [Fact]
    public void ThePackedPackage_WorksInAFreshProject_WithNothingElse()
    {
        var work = Directory.CreateTempSubdirectory("h5m-pack-");
        try
        {
            // A version no earlier run used, so no package cache can answer for this build.
            var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";
            var feed = Path.Combine(work.FullName, "feed");
            var entries = Pack("src/Hdf5.Mapping/Hdf5.Mapping.csproj", "Hdf5.Mapping", feed, version);
            Assert.Contains("analyzers/dotnet/cs/Hdf5.Mapping.Generators.dll", entries);
            Assert.Contains("lib/net8.0/Hdf5.Mapping.dll", entries);
            Assert.Contains("lib/net10.0/Hdf5.Mapping.dll", entries);
            Assert.Contains("tools/probe/Hdf5.Mapping.Probe.dll", entries);
            Assert.Contains("tools/probe/Hdf5.Mapping.Probe.runtimeconfig.json", entries);
            Assert.Contains("buildTransitive/Hdf5.Mapping.targets", entries);

            var app = Path.Combine(work.FullName, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RestorePackagesPath>{Path.Combine(work.FullName, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Hdf5.Mapping" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
            var output = Path.Combine(work.FullName, "out.h5");
            var notHdf5 = Path.Combine(work.FullName, "notes.txt");
            File.WriteAllText(notHdf5, "not HDF5");
            var project = Path.Combine(app, "app.csproj");
            Dotnet("restore", project); // nuget.config beside the project adds the local feed to the user's sources
            var stdout = Dotnet("run", "--no-restore", "--project", project, "-c", "Release", "--", output, notHdf5);
            Assert.Contains("read: packaged ✓ 0.25 1.5,2.5,3.5 north 3,4 best-is-station=True", stdout);
            Assert.Contains("checked: 2 groups, 3 datasets, 6 elements", stdout);
            Assert.Contains("rejected: H5InvalidFileException", stdout);

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
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheToolPackage_InstallsAsADotnetTool_AndRuns()
    {
        var work = Directory.CreateTempSubdirectory("h5m-tool-");
        try
        {
            var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";
            var feed = Path.Combine(work.FullName, "feed");
            var entries = Pack("src/Hdf5.Mapping.Tool/Hdf5.Mapping.Tool.csproj", "Hdf5.Mapping.Tool", feed, version);
            Assert.Contains("tools/net10.0/any/h5m.dll", entries);
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
            Assert.Contains("tools/net10.0/any/Hdf5.Mapping.dll", entries);
            // A local tool path, as a CI job of a data producer would install it.
            var tools = Path.Combine(work.FullName, "tools");
            File.WriteAllText(Path.Combine(work.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            Dotnet("tool", "install", "Hdf5.Mapping.Tool", "--tool-path", tools, "--version", version, "--configfile", Path.Combine(work.FullName, "nuget.config"));
            var h5m = Path.Combine(tools, "h5m");
            Assert.True(File.Exists(h5m), $"dotnet tool install made no {h5m}");

            var file = Path.Combine(work.FullName, "small.h5");
            Peers.RunPython("import sys\nwith h5py.File(sys.argv[1], 'w') as f:\n    f['g/x'] = numpy.arange(3.0)\n    f.attrs['title'] = 'tool'", file);
            var (code, stdout, stderr) = Peers.Run(h5m, ["ls", "-r", file], timeout: TimeSpan.FromMinutes(1));
            Assert.True(code == 0, stderr);
            Assert.Equal("/  group (1 member)\n└── g/  group (1 member)\n    └── x  float64 (3)\n", stdout);
            Assert.Equal(3, Peers.Run(h5m, ["ls", file + ".missing"]).Code);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // --no-build: pack what the test run already built (rebuilding would rewrite assemblies this process has loaded).
    private static HashSet<string> Pack(string project, string id, string feed, string version)
    {
        Dotnet("pack", Path.Combine(RepoPaths.Root, project), "-c", "Release", "--no-build", "-o", feed, $"-p:PackageVersion={version}");
        var package = Path.Combine(feed, $"{id}.{version}.nupkg");
        Assert.True(File.Exists(package), $"dotnet pack made no {package}");
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToHashSet();
    }

    private static string Dotnet(params string[] args)
    {
        var env = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var (code, stdout, stderr) = Peers.Run("dotnet", args, env, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"dotnet {string.Join(" ", args)} exited {code}:\n{stdout}\n{stderr}");
        return stdout;
    }
}
