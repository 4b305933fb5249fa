using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// A datatype as h5py's low-level <c>h5t.TypeID</c> answers for it, and the same answers taken from our
/// <see cref="H5TypeDescriptor"/>, in one JSON shape, so a test can compare the two models field by field.
/// </summary>
public static class PeerTypes
{
    /// <summary>Python: <c>desc(typeid)</c> returns the JSON-ready answers of h5py for a type; <c>describe_file(path)</c>
    /// prints them for every dataset and attribute of a file (keys "/path" and "/path@attr").</summary>
    public const string DescribeFunctions = """
        def desc(t):
            d = {'class': int(t.get_class()), 'size': int(t.get_size())}
            if isinstance(t, h5py.h5t.TypeAtomicID):
                d['order'] = int(t.get_order()); d['precision'] = int(t.get_precision()); d['offset'] = int(t.get_offset())
            if isinstance(t, h5py.h5t.TypeIntegerID):
                d['signed'] = t.get_sign() == h5py.h5t.SGN_2
            if isinstance(t, h5py.h5t.TypeFloatID):
                d['fields'] = [int(x) for x in t.get_fields()]; d['ebias'] = int(t.get_ebias()); d['norm'] = int(t.get_norm())
            if isinstance(t, h5py.h5t.TypeStringID):
                d['vlen'] = bool(t.is_variable_str()); d['cset'] = int(t.get_cset()); d['strpad'] = int(t.get_strpad())
            if isinstance(t, h5py.h5t.TypeEnumID):
                d['base'] = desc(t.get_super())
                d['members'] = [[t.get_member_name(i).decode(), str(t.get_member_value(i))] for i in range(t.get_nmembers())]
            if isinstance(t, h5py.h5t.TypeCompoundID):
                d['members'] = [[t.get_member_name(i).decode(), int(t.get_member_offset(i)), desc(t.get_member_type(i))] for i in range(t.get_nmembers())]
            if isinstance(t, h5py.h5t.TypeArrayID):
                d['dims'] = [int(x) for x in t.get_array_dims()]; d['base'] = desc(t.get_super())
            if isinstance(t, h5py.h5t.TypeVlenID):
                d['base'] = desc(t.get_super())
            if isinstance(t, h5py.h5t.TypeOpaqueID):
                d['tag'] = t.get_tag().decode()
            return d

        def describe_file(path):
            out = {}
            with h5py.File(path, 'r') as f:
                def visit(name, obj):
                    if isinstance(obj, h5py.Dataset):
                        out['/' + name] = desc(obj.id.get_type())
                    for a in obj.attrs:
                        out['/' + name + '@' + a] = desc(h5py.h5a.open(obj.id, a.encode()).get_type())
                for a in f.attrs:
                    out['/@' + a] = desc(h5py.h5a.open(f.id, a.encode()).get_type())
                f.visititems(visit)
            print(json.dumps(out))
        """;

    /// <summary>h5py's answers for every dataset and attribute of <paramref name="path"/>.</summary>
    public static JsonElement DescribeWithH5py(string path) =>
        Peers.PythonJson("import sys\n" + DescribeFunctions + "\ndescribe_file(sys.argv[1])\n", path);

    /// <summary>Our descriptor's answers in the JSON shape <see cref="DescribeFunctions"/> prints.</summary>
    public static JsonObject Describe(H5TypeDescriptor t)
    {
        var d = new JsonObject { ["class"] = (int)t.Class, ["size"] = t.Size };
        switch (t)
        {
            case H5IntegerType i:
                Atomic(d, i.ByteOrder, i.Precision, i.BitOffset);
                d["signed"] = i.IsSigned;
                break;
            case H5FloatType f:
                Atomic(d, f.ByteOrder, f.Precision, f.BitOffset);
                var l = f.Layout;
                d["fields"] = new JsonArray(l.SignPosition, l.ExponentPosition, l.ExponentSize, l.MantissaPosition, l.MantissaSize);
                d["ebias"] = l.ExponentBias;
                d["norm"] = (int)l.Normalization;
                break;
            case H5StringType s:
                d["vlen"] = s.IsVariableLength;
                d["cset"] = (int)s.CharSet;
                d["strpad"] = (int)s.Padding;
                break;
            case H5EnumType e:
                d["base"] = Describe(e.BaseType);
                d["members"] = new JsonArray(e.Members.Select(m => (JsonNode)new JsonArray(m.Name, m.Value.ToString(CultureInfo.InvariantCulture))).ToArray());
                break;
            case H5CompoundType c:
                d["members"] = new JsonArray(c.Members.Select(m => (JsonNode)new JsonArray(m.Name, m.Offset, Describe(m.Type))).ToArray());
                break;
            case H5ArrayType a:
                d["dims"] = new JsonArray(a.Dims.Select(x => (JsonNode)x).ToArray());
                d["base"] = Describe(a.BaseType);
                break;
            case H5SequenceType v:
                d["base"] = Describe(v.BaseType);
                break;
            case H5OpaqueType o:
                d["tag"] = o.Tag;
                break;
        }
        return d;
    }

    private static void Atomic(JsonObject d, H5ByteOrder order, int precision, int offset)
    {
        d["order"] = (int)order;
        d["precision"] = precision;
        d["offset"] = offset;
    }

    /// <summary>Asserts that our descriptor of every dataset and attribute of <paramref name="path"/> gives h5py's answers.</summary>
    public static void AssertSameAsH5py(string path)
    {
        var theirs = DescribeWithH5py(path);
        var count = 0;
        using var f = H5File.Open(path);
        foreach (var entry in theirs.EnumerateObject())
        {
            var ours = Describe(DescriptorAt(f, entry.Name));
            var expected = JsonNode.Parse(entry.Value.GetRawText())!;
            Assert.True(JsonNode.DeepEquals(expected, ours), $"{entry.Name}: h5py says {expected.ToJsonString()}, we say {ours.ToJsonString()}");
            count++;
        }
        Assert.True(count > 0, "h5py found no dataset or attribute to compare.");
    }

    private static H5TypeDescriptor DescriptorAt(H5File f, string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var objectPath = at < 0 ? key : key[..at];
        using var obj = f.OpenObject(objectPath.Length == 0 ? "/" : objectPath);
        if (at < 0)
        {
            using var type = ((H5Dataset)obj).DType;
            return type.Description;
        }
        using var attribute = obj.Attrs.Open(key[(at + 1)..]);
        using var attrType = attribute.DType;
        return attrType.Description;
    }
}
