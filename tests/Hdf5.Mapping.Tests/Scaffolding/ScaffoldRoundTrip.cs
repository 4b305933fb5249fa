using System.Reflection;
using Hdf5.Mapping.Design.Scaffolding;
using Hdf5.Mapping.Schema;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>
/// Scaffold → compile → Read → Validate → Write → compare, for any h5py-written file: the classes are scaffolded and
/// compiled with Roslyn and the generator (as a user's build would), every value they read is compared with h5py's
/// reading, the file is validated against their schema (no difference at all), written back, and h5py compares both files.
/// </summary>
public static class ScaffoldRoundTrip
{
    public sealed record Scaffolded(H5ScaffoldResult Result, Assembly Assembly, Type Root);

    public static Scaffolded ScaffoldAndCompile(string path, H5ScaffoldOptions options)
    {
        var result = H5Scaffolder.Scaffold(path, options);
        var assembly = InMemoryCompiler.Compile(options.Namespace, result.Files.Select(f => (f.FileName, f.Source)));
        var root = assembly.GetType(options.Namespace + "." + result.RootClassName, throwOnError: true)!;
        return new Scaffolded(result, assembly, root);
    }

    public static object Read(Type root, string path) =>
        root.GetMethod("Read", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!.Invoke(null, [path])!;

    public static H5GroupSchema SchemaOf(Type root) => (H5GroupSchema)root.GetProperty("H5Schema", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>Every value the scaffolded classes read equals h5py's, and every dataset and attribute of the file is mapped.</summary>
    public static void AssertSameValues(object read, string path, string? peerPath = null)
    {
        var peer = MappedValues.FromPeer(Peers.PythonJson(PeerFiles.CanonicalReading, peerPath ?? path));
        Dictionary<string, string> ours;
        using (var file = H5File.Open(path)) ours = MappedValues.Collect(read, file);
        Assert.Equal(peer.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in peer)
            Assert.True(value == ours[key], $"{key}: h5py reads {value}\nthe scaffolded classes read {ours[key]}");
    }

    /// <summary>Reads the file with the scaffolded classes (every value equal to h5py's), validates it against their schema,
    /// writes it back to <paramref name="copy"/> and lets h5py compare both files.</summary>
    public static void AssertReadsValidatesAndWritesBack(Scaffolded s, string path, string copy)
    {
        var read = Read(s.Root, path);
        AssertSameValues(read, path);

        var validation = H5SchemaValidator.Validate(path, SchemaOf(s.Root));
        Assert.True(validation.Count == 0, validation.ToString());

        s.Root.GetMethod("Write", [typeof(string), typeof(bool)])!.Invoke(read, [copy, false]);
        var differences = Peers.RunPython(ScaffoldingTests.CompareFiles, path, copy).Trim();
        Assert.True(differences.Length == 0, differences);
    }
}
