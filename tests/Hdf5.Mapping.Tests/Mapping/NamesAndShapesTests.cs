using Hdf5.Mapping;
using Hdf5.Mapping.Tests.Infrastructure;

// A mapped class in the global namespace.
[H5Group]
public partial class GlobalProbe
{
    [H5Attribute("gain")] public double Gain { get; set; }
}

namespace Hdf5.Mapping.Tests.Mapping
{
    /// <summary>A record class with init and required members, get-only collections, a class nested in a partial class
    /// and one in the global namespace, and HDF5 names C# string literals must escape.</summary>
    [H5File]
    public partial record class OddNames
    {
        public const string Quote = "quote\"double", Backslash = "back\\slash", Breaks = "line\nbreak\ttab", Spaced = " spaced . name ",
            Unicode = "ünïcødé ✓ 温度", Separator = "sep\u2028arator";

        [H5Attribute(Quote)] public required string Quoted { get; init; }
        [H5Attribute(Backslash)] public int Slashed { get; init; }
        [H5Attribute(Breaks)] public double Lines { get; set; }
        [H5Dataset(Spaced)] public double[] SpacedData { get; init; } = [];
        [H5Dataset(Unicode)] public List<float> Temperatures { get; } = [];
        [H5Dataset(Separator + "/" + Quote)] public string[] Nested { get; set; } = [];
        [H5Group("by key")] public Dictionary<string, Container.Item> ByKey { get; } = [];
        [H5Group("probe")] public GlobalProbe? Probe { get; set; }
        [H5Reference("refs \\ \"all\"")] public List<object> Refs { get; } = [];
    }

    public static partial class Container
    {
        [H5Group]
        public partial class Item
        {
            [H5Attribute("label")] public string Label { get; init; } = "";
            [H5Dataset("values")] public int[] Values { get; set; } = [];
        }
    }

    public sealed class NamesAndShapesTests : H5TestBase
    {
        private static readonly string[] Keys = ["plain", "with space", "quote\"", "back\\", "tab\tkey", "ünï", " lead", "trail ", "dot.ted"];

        private static OddNames Sample()
        {
            var value = new OddNames
            {
                Quoted = "q\"v",
                Slashed = 7,
                Lines = 1.5,
                SpacedData = [1, 2, 3],
                Nested = ["a", "b\nc"],
                Probe = new GlobalProbe { Gain = 2.5 },
            };
            value.Temperatures.AddRange([20.5f, 21.5f]);
            for (int i = 0; i < Keys.Length; i++) value.ByKey[Keys[i]] = new Container.Item { Label = Keys[i], Values = [i, i * 10] };
            value.Refs.Add(value.SpacedData);
            value.Refs.Add(value.ByKey["quote\""]);
            return value;
        }

        [Fact]
        public void AnyLegalName_IsWrittenExactly_AsH5pySeesIt_AndReadBack()
        {
            var path = Files.NewPath();
            Sample().Write(path);
            var json = Peers.PythonJson("""
                import sys
                f = h5py.File(sys.argv[1], 'r')
                names = []
                f.visit(names.append)
                print(json.dumps({
                  'attrs': sorted(f.attrs.keys()), 'names': sorted(names),
                  'quoted': f.attrs['quote"double'], 'nested': [s.decode() for s in f['sep\u2028arator/quote"double'][()]],
                  'keys': sorted(f['by key'].keys()), 'label': f['by key']['back\\'].attrs['label'],
                  'refs': [f[r].name for r in f['refs \\ "all"'][()]]}))
                """, path);
            Assert.Equal(new[] { OddNames.Backslash, OddNames.Breaks, OddNames.Quote }.Order(StringComparer.Ordinal), json.GetProperty("attrs").EnumerateArray().Select(e => e.GetString()));
            var names = json.GetProperty("names").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Contains(OddNames.Spaced, names);
            Assert.Contains(OddNames.Unicode, names);
            Assert.Contains(OddNames.Separator + "/" + OddNames.Quote, names);
            Assert.Equal("q\"v", json.GetProperty("quoted").GetString());
            Assert.Equal(["a", "b\nc"], json.GetProperty("nested").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(Keys.Order(StringComparer.Ordinal), json.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("back\\", json.GetProperty("label").GetString());
            Assert.Equal(["/" + OddNames.Spaced, "/by key/quote\""], json.GetProperty("refs").EnumerateArray().Select(e => e.GetString()));

            var back = OddNames.Read(path);
            Assert.Equal("q\"v", back.Quoted);
            Assert.Equal(7, back.Slashed);
            Assert.Equal([1.0, 2, 3], back.SpacedData);
            Assert.Equal([20.5f, 21.5f], back.Temperatures);
            Assert.Equal(Keys.Order(StringComparer.Ordinal), back.ByKey.Keys.Order(StringComparer.Ordinal));
            Assert.All(Keys, k => Assert.Equal(k, back.ByKey[k].Label));
            Assert.Equal(2.5, back.Probe!.Gain);
            Assert.Same(back.SpacedData, back.Refs[0]);
            Assert.Same(back.ByKey["quote\""], back.Refs[1]);
        }

        [Fact]
        public void GetOnlyCollections_AreFilledInPlace_AndInitMembersSetInTheInitializer()
        {
            var path = Files.NewPath();
            Sample().Write(path);
            var back = OddNames.Read(path);
            Assert.Equal(9, back.ByKey.Count);
            Assert.Equal([20.5f, 21.5f], back.Temperatures);
            Assert.Equal([4, 40], back.ByKey["tab\tkey"].Values);
        }

        [Fact]
        public void ADictionaryKeyWithASlash_IsRefusedOnWrite_NamingThePath_AndNothingIsLeftHalfWritten()
        {
            var path = Files.NewPath();
            var value = Sample();
            value.ByKey["a/b"] = new Container.Item { Label = "nested?" };
            var e = Assert.Throws<H5MappingException>(() => value.Write(path));
            Assert.Equal("/by key", e.Path);
            Assert.Contains("\"a/b\"", e.Message);
            Assert.Contains("path separator", e.Message);
            Assert.False(File.Exists(path)); // Write replaces atomically: a failed write leaves no file behind
        }
    }
}
