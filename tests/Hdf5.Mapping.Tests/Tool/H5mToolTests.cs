using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;
using Hdf5.Mapping.Tests.Scaffolding;

namespace Hdf5.Mapping.Tests.Tool;

/// <summary>The h5m command-line tool, run as a program: every verb's help, its output checked against h5py, and the
/// exit codes scripts rely on (0 ok, 1 does not conform, 2 usage, 3 bad input, 4 bad schema). Nothing but one line of
/// explanation reaches stderr on failure: no stack traces.</summary>
public sealed class H5mToolTests : H5TestBase
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "h5m.dll");

    private static (int Code, string Stdout, string Stderr) H5m(params string[] args)
    {
        var result = Peers.Run("dotnet", ["exec", Tool, .. args], timeout: TimeSpan.FromMinutes(2));
        Assert.DoesNotContain("   at ", result.Stderr); // never a stack trace
        return result;
    }

    private string KitchenSink()
    {
        var path = Files.NewPath("kitchen.h5");
        Peers.RunPython(PeerFiles.KitchenSink, path);
        return path;
    }

    [Theory]
    [InlineData("ls", "--recursive")]
    [InlineData("dump", "--max-values")]
    [InlineData("scaffold", "--namespace")]
    [InlineData("validate", "--schema")]
    public void EveryVerb_HasHelp(string verb, string option)
    {
        var (code, stdout, _) = H5m(verb, "--help");
        Assert.Equal(0, code);
        Assert.Contains($"h5m {verb}", stdout);
        Assert.Contains(option, stdout);
    }

    [Fact]
    public void TheRootHelp_ListsTheVerbsAndTheExitCodes()
    {
        var (code, stdout, _) = H5m("--help");
        Assert.Equal(0, code);
        foreach (var verb in new[] { "ls", "dump", "scaffold", "validate" }) Assert.Contains($"  {verb} ", stdout);
        Assert.Contains("Exit codes: 0 success, 1 file does not conform (validate), 2 wrong command line", stdout);
    }

    [Fact]
    public void Ls_DrawsTheTreeH5pySees()
    {
        var path = KitchenSink();
        var (code, stdout, stderr) = H5m("ls", "-r", path);
        Assert.True(code == 0, stderr);
        var names = Peers.PythonJson("import sys\nf = h5py.File(sys.argv[1]); n = []; f.visit(n.append); print(json.dumps(n))", path)
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(1 + names.Count, lines.Length); // the root, then one line per object
        Assert.Equal("/  group (7 members)", lines[0]);
        Assert.Contains("├── numbers/  group (16 members)", lines);
        Assert.Contains("│   ├── grid  float64 (2, 3, 4)", lines);
        Assert.Contains("│   ├── growing  int32 (30/∞)", lines);
        Assert.Contains("│   └── table  compound {id: int32, x: float64, Temp K: float32, ok: bool} (3)", lines);

        // Not recursive: the root's members only.
        var (_, top, _) = H5m("ls", path);
        Assert.Equal(1 + 7, top.TrimEnd().Split('\n').Length);

        // A dataset path inside the file, verbosely.
        var (vcode, verbose, _) = H5m("ls", "-v", path + "/storage/packed");
        Assert.Equal(0, vcode);
        Assert.Contains("/storage/packed  float32 (100)", verbose);
        Assert.Contains("layout: chunked, chunks (10)", verbose);
        Assert.Contains("filters: shuffle (2) [4] → deflate (1) [6]", verbose);
        var (scode, signal, _) = H5m("ls", "-v", path + "/scales/signal");
        Assert.Equal(0, scode);
        Assert.Contains("@units: string (variable length, UTF-8) = \"V\"", signal);
        Assert.Contains("dimension 0: label \"t\" scales /scales/time", signal);
    }

    [Fact]
    public void Dump_DescribesTheFileAsJson_WithTheValuesH5pyReads()
    {
        var path = KitchenSink();
        var (code, stdout, stderr) = H5m("dump", path, "--max-values", "50");
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var all = new Dictionary<string, JsonElement>();
        void Index(JsonElement e)
        {
            all[e.GetProperty("path").GetString()!] = e;
            if (e.TryGetProperty("members", out var members)) foreach (var m in members.EnumerateArray()) Index(m);
        }
        Index(root);

        var peer = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1])
            out = {}
            def visit(name, obj):
                if isinstance(obj, h5py.Dataset):
                    out['/' + name] = {'shape': [int(x) for x in obj.shape], 'chunks': [int(x) for x in obj.chunks] if obj.chunks else None}
            f.visititems(visit)
            print(json.dumps(out))
            """, path);
        foreach (var ds in peer.EnumerateObject())
        {
            var ours = all[ds.Name];
            Assert.Equal("dataset", ours.GetProperty("kind").GetString());
            Assert.Equal(ds.Value.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()), ours.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()));
            if (ds.Value.GetProperty("chunks").ValueKind == JsonValueKind.Array)
                Assert.Equal(ds.Value.GetProperty("chunks").EnumerateArray().Select(x => x.GetInt64()), ours.GetProperty("chunks").EnumerateArray().Select(x => x.GetInt64()));
        }

        // Values of small datasets and of attributes, as h5py reads them.
        var reading = MappedValues.FromPeer(Peers.PythonJson(PeerFiles.CanonicalReading, path));
        foreach (var name in new[] { "/numbers/i1", "/numbers/u8", "/numbers/f2", "/numbers/bools", "/numbers/pi", "/strings/names", "/strings/codes", "/strings/code", "/storage/filled" })
        {
            var ours = all[name];
            var canonical = MappedValues.Canonical(JsonDocument.Parse(
                $"{{\"shape\": {ours.GetProperty("shape").GetRawText()}, \"values\": {ours.GetProperty("values").GetRawText()}}}").RootElement);
            Assert.Equal(reading[name], canonical);
        }
        Assert.Equal(["/numbers", "/refs/data", "/"], all["/refs/objects"].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.False(all["/refs/data"].TryGetProperty("values", out _)); // 100 elements > --max-values 50
        var title = root.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "title");
        Assert.Equal("kitchen sink", title.GetProperty("values")[0].GetString());
        Assert.Equal("variable", title.GetProperty("type").GetProperty("stringKind").GetString());
        var packed = all["/storage/packed"];
        Assert.Equal([2, 1], packed.GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));

        // To a file, and of one group only.
        var json = Files.NewPath("dump.json");
        Assert.Equal(0, H5m("dump", path + "/scales", "-o", json).Code);
        var scales = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("/scales", scales.GetProperty("path").GetString());
        var signal = scales.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("path").GetString() == "/scales/signal");
        Assert.Equal("/scales/time", signal.GetProperty("dimensions")[0].GetProperty("scales")[0].GetString());
        Assert.Equal("t", signal.GetProperty("dimensions")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void Scaffold_WritesSourcesThatCompileAndReadTheFile()
    {
        var path = Files.NewPath("atl03.h5");
        Peers.RunPython(PeerFiles.IceSat2Like, path);
        var dir = Path.Combine(Files.Folder, "scaffolded");
        var (code, stdout, stderr) = H5m("scaffold", path, "--namespace", "Tool.Atl03", "--out", dir, "--root-class", "Granule");
        Assert.True(code == 0, stderr);
        Assert.Contains("into 14 files", stdout);
        var files = Directory.GetFiles(dir, "*.cs");
        Assert.Equal(14, files.Length);
        var assembly = InMemoryCompiler.Compile("Tool.Atl03", files.Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
        var granule = assembly.GetType("Tool.Atl03.Granule", throwOnError: true)!;
        var read = granule.GetMethod("Read", [typeof(string)])!.Invoke(null, [path])!;
        var gt2l = read.GetType().GetProperty("Gt2l")!.GetValue(read)!;
        Assert.Equal("strong", gt2l.GetType().GetProperty("AtlasBeamType")!.GetValue(gt2l));
    }

    [Fact]
    public void Validate_ReportsEveryDifferenceWithExitCode1_AndConformingFilesWith0()
    {
        var schema = typeof(H5mToolTests).Assembly.Location + ":Hdf5.Mapping.Tests.Schema.Granule";
        var good = Files.NewPath("good.h5");
        Peers.RunPython(ValidationWriter, good, "none");
        var (code, stdout, stderr) = H5m("validate", good, "--schema", schema);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("conforms to Hdf5.Mapping.Tests.Schema.Granule.", stdout);

        var bad = Files.NewPath("bad.h5");
        Peers.RunPython(ValidationWriter, bad, "several");
        (code, stdout, _) = H5m("validate", bad, "--schema", schema);
        Assert.Equal(1, code);
        Assert.Contains("error WrongType /@version: expected int32, found string (variable length, UTF-8)", stdout);
        Assert.Contains("error MissingObject /instrument/gain: the required dataset is missing", stdout);
        Assert.Contains("error WrongStringKind /station_code:", stdout);
        Assert.Contains("does not conform to Hdf5.Mapping.Tests.Schema.Granule: 3 errors, 0 warnings.", stdout);
        var quiet = H5m("validate", bad, "--schema", typeof(H5mToolTests).Assembly.Location + ":Granule", "-q");
        Assert.Equal((1, ""), (quiet.Code, quiet.Stdout));
    }

    [Fact]
    public void BadInput_GetsAClearMessageAndItsOwnExitCode()
    {
        var good = Files.NewPath("good.h5");
        Peers.RunPython(ValidationWriter, good, "none");
        var text = Files.NewPath("notes.txt");
        File.WriteAllText(text, "not HDF5");
        var tests = typeof(H5mToolTests).Assembly.Location;

        Assert.Equal(2, H5m().Code);                                  // no verb
        Assert.Equal(2, H5m("frobnicate").Code);                      // unknown verb
        Assert.Equal(2, H5m("scaffold", good).Code);                  // missing --namespace and --out
        Assert.Equal(2, H5m("validate", good, "--schema", "nocolon").Code);
        Assert.Equal(2, H5m("scaffold", good, "-n", "not a namespace", "-o", Files.Folder).Code);

        var missing = H5m("ls", Path.Combine(Files.Folder, "missing.h5"));
        Assert.Equal(3, missing.Code);
        Assert.Contains("no such file", missing.Stderr);
        var notHdf5 = H5m("ls", text);
        Assert.Equal(3, notHdf5.Code);
        Assert.StartsWith("h5m: ", notHdf5.Stderr);
        Assert.Equal(3, H5m("ls", good + "/no/such/group").Code);
        Assert.Equal(3, H5m("dump", good + "/nothing").Code);
        var typo = H5m("scaffold", good, "-n", "N", "-o", Path.Combine(Files.Folder, "out"), "--path", "/instrumnet");
        Assert.Equal(3, typo.Code);
        Assert.Contains("has no object at '/instrumnet'", typo.Stderr);
        Assert.Equal(3, H5m("scaffold", text, "-n", "N", "-o", Path.Combine(Files.Folder, "out")).Code);
        Assert.Equal(3, H5m("validate", text, "--schema", tests + ":Granule").Code);

        Assert.Equal(4, H5m("validate", good, "--schema", Path.Combine(Files.Folder, "None.dll") + ":X").Code);
        Assert.Equal(4, H5m("validate", good, "--schema", text + ":X").Code);
        var noType = H5m("validate", good, "--schema", tests + ":NoSuchType");
        Assert.Equal(4, noType.Code);
        Assert.Contains("has no type 'NoSuchType'", noType.Stderr);
        var notMapped = H5m("validate", good, "--schema", tests + ":Hdf5.Mapping.Tests.Tool.H5mToolTests");
        Assert.Equal(4, notMapped.Code);
        Assert.Contains("has no H5Schema", notMapped.Stderr);
    }

    private const string ValidationWriter = Schema.ValidationTests.Writer;
}
