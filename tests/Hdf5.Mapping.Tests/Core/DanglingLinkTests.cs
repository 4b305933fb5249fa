using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>Soft and external links whose target is missing answer as h5py answers: the link is in the group
/// (<c>in</c> is True), <c>get</c> gives nothing, opening it raises <c>KeyError</c>.</summary>
public sealed class DanglingLinkTests : H5TestBase
{
    private static readonly string[] Paths = ["soft", "g/deep", "g/elsewhere", "ext", "soft/below", "g", "g/ok", "missing"];

    [Fact]
    public void DanglingLinksWrittenByH5py_AnswerContainsKeyTryGetValueAndGetKind_AsH5pyDoes()
    {
        var path = Files.NewPath();
        var h5py = Peers.PythonJson("""
            import sys
            with h5py.File(sys.argv[1], "w") as f:
                f["soft"] = h5py.SoftLink("/nowhere")
                g = f.create_group("g")
                g["deep"] = h5py.SoftLink("/no/such/path")
                g["elsewhere"] = h5py.SoftLink("/soft")
                g["ok"] = h5py.SoftLink("/g")
                f["ext"] = h5py.ExternalLink("no-such-file.h5", "/data")
            f = h5py.File(sys.argv[1], "r")
            paths = sys.argv[2:]
            print(json.dumps({"in": [p in f for p in paths], "get_none": [f.get(p) is None for p in paths]}))
            """, [path, .. Paths]);
        using var file = H5File.Open(path);
        var contains = h5py.GetProperty("in").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
        var getNone = h5py.GetProperty("get_none").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
        Assert.Equal(contains, Paths.Select(file.ContainsKey));
        for (int i = 0; i < Paths.Length; i++)
        {
            Assert.Equal(!getNone[i], file.TryGetValue(Paths[i], out var value));
            value?.Dispose();
        }
        Assert.Equal([true, true, true, true, false, true, true, false], contains); // the peer's answers, spelled out
        Assert.Equal(
            [H5ObjectKind.DanglingLink, H5ObjectKind.DanglingLink, H5ObjectKind.DanglingLink, H5ObjectKind.DanglingLink,
             H5ObjectKind.Missing, H5ObjectKind.Group, H5ObjectKind.Group, H5ObjectKind.Missing],
            Paths.Select(file.GetKind));
        var e = Assert.Throws<H5LinkNotFoundException>(() => file["g/deep"]);
        Assert.Contains("'/no/such/path'", e.Message);
        Assert.Contains("no-such-file.h5", Assert.Throws<H5LinkNotFoundException>(() => file.OpenObject("ext")).Message);
        Assert.Throws<H5LinkNotFoundException>(() => file.OpenGroup("soft"));
        Assert.Throws<H5LinkNotFoundException>(() => file.OpenDataset("ext"));
        Assert.Equal(new H5LinkInfo(H5LinkKind.Soft, "/no/such/path", null), file.GetLink("g/deep"));
    }

    [Fact]
    public void DanglingLinkWrittenByUs_IsInTheGroupForH5py_AndCanBeRemovedButNotOverwritten()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.CreateSoftLink("later", "/data");
            Assert.True(f.ContainsKey("later"));
            Assert.Throws<H5AlreadyExistsException>(() => f.CreateGroup("later"));
            Assert.Throws<H5AlreadyExistsException>(() => f.Add("later", new[] { 1 }));
            f.CreateSoftLink("gone", "/nothing");
            Assert.True(f.Remove("gone"));
            Assert.False(f.ContainsKey("gone"));
        }
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], "r")
            print(json.dumps({"in": "later" in f, "none": f.get("later") is None, "target": f.get("later", getlink=True).path, "keys": list(f)}))
            """, path);
        Assert.True(json.GetProperty("in").GetBoolean());
        Assert.True(json.GetProperty("none").GetBoolean());
        Assert.Equal("/data", json.GetProperty("target").GetString());
        Assert.Equal(["later"], json.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));

        // Once the target exists, the same link resolves.
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        {
            using (f.Add("data", new[] { 4, 5 })) { }
            Assert.Equal(H5ObjectKind.Dataset, f.GetKind("later"));
            using var viaLink = f.OpenDataset("later");
            Assert.Equal([4, 5], viaLink.Read<int>());
        }
    }
}
