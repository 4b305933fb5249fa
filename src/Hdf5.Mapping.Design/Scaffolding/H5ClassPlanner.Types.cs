using System.Globalization;
using System.Text;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Scaffolding;

internal sealed partial class H5ClassPlanner
{
    private static string ArrayType(string element, int rank) => element + "[" + new string(',', rank - 1) + "]";

    private static string ArrayInit(string element, int rank) =>
        rank == 1 ? " = [];" : $" = new {element}[{string.Join(", ", Enumerable.Repeat("0", rank))}];";

    // The C# element type of a numeric, bool, enum or compound datatype; null (and a comment) when there is none.
    private string? ElementType(H5TypeDescriptor type, H5TypeSchema described, string path, List<string> comments, bool allowCompound, int rank = 1)
    {
        switch (described.Kind)
        {
            case H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger or H5ValueKind.Float:
                var name = Primitive(described);
                if (name is null) Skip(comments, path, $"{described} has no .NET counterpart");
                return name;
            case H5ValueKind.Boolean:
                return "bool";
            case H5ValueKind.ObjectReference:
                return "H5ObjectReference";
            case H5ValueKind.Enum:
                return Enum((H5EnumType)type, path);
            case H5ValueKind.Compound when allowCompound:
                return Struct((H5CompoundType)type, described, path, comments, rank);
            case H5ValueKind.Compound:
                Skip(comments, path, "a compound attribute (mapped attributes hold numbers, bool, enums and strings)");
                return null;
            default:
                Skip(comments, path, $"its type ({described}) has no mapped counterpart");
                return null;
        }
    }

    private static string? Primitive(H5TypeSchema t) => (t.Kind, t.Size) switch
    {
        (H5ValueKind.SignedInteger, 1) => "sbyte",
        (H5ValueKind.SignedInteger, 2) => "short",
        (H5ValueKind.SignedInteger, 4) => "int",
        (H5ValueKind.SignedInteger, 8) => "long",
        (H5ValueKind.UnsignedInteger, 1) => "byte",
        (H5ValueKind.UnsignedInteger, 2) => "ushort",
        (H5ValueKind.UnsignedInteger, 4) => "uint",
        (H5ValueKind.UnsignedInteger, 8) => "ulong",
        (H5ValueKind.Float, 2) => "System.Half",
        (H5ValueKind.Float, 4) => "float",
        (H5ValueKind.Float, 8) => "double",
        _ => null,
    };

    private string Enum(H5EnumType type, string path)
    {
        var underlying = Primitive(H5TypeSchema.FromDescriptor(type.BaseType)) ?? "int";
        var members = new CSharpNames.Scope();
        var body = new StringBuilder();
        // Members keep their HDF5 names: libhdf5 converts enum values by member name, so renamed members would not read.
        body.Append("    // Member names are the file's: libhdf5 converts enums by name, so keep them when renaming.\n");
        foreach (var (name, value) in type.Members)
        {
            var member = CSharpNames.IsIdentifier(name) ? name : members.Claim(CSharpNames.Pascal(name));
            if (member != name) _skipped.Add($"{path}: enum member '{name}' is not a C# identifier; named {member}, values of it will not convert");
            body.Append("    ").Append(member).Append(" = ").Append(value.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        }
        var leaf = path.Split('/', '@')[^1];
        return DeclareType($"{CSharpNames.Pascal(leaf)}Kind", H5TypePlanKind.Enum, underlying, body.ToString(), path);
    }

    // A compound of numbers, bool and enums becomes a blittable struct; one with (fixed- or variable-length) string
    // members or variable-length sequences of numbers becomes a record struct, which mapped datasets hold 1-D only.
    private string? Struct(H5CompoundType type, H5TypeSchema described, string path, List<string> comments, int rank)
    {
        var body = new StringBuilder();
        var fields = new CSharpNames.Scope();
        var isRecord = false;
        for (int i = 0; i < described.Fields.Count; i++)
        {
            var field = described.Fields[i];
            var stored = type.Members[i].Type;
            if (FieldType(field, stored, path) is not { } element)
            {
                Skip(comments, path, $"compound member '{field.Name}' is {field.Type} (mapped structs hold numbers, bool, enums, strings and sequences of numbers)");
                return null;
            }
            isRecord |= element == "string" || element.EndsWith("[]", StringComparison.Ordinal);
            Field(body, fields.Claim(CSharpNames.Pascal(field.Name)), field.Name, element, stored);
        }
        if (isRecord && rank != 1)
        {
            Skip(comments, path, $"a dataset of rank {rank} of compounds with string or sequence members (mapped record datasets are 1-D)");
            return null;
        }
        var leaf = path.Split('/')[^1];
        return DeclareType($"{CSharpNames.Pascal(leaf)}Record", H5TypePlanKind.Struct, "", body.ToString(), path);
    }

    private string? FieldType(H5FieldSchema field, H5TypeDescriptor stored, string path) => field.Type.Kind switch
    {
        H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger or H5ValueKind.Float => Primitive(field.Type),
        H5ValueKind.Boolean => "bool",
        H5ValueKind.Enum => Enum((H5EnumType)stored, path + "." + field.Name),
        H5ValueKind.String => "string",
        _ when stored is H5SequenceType { BaseType: var b } && Primitive(H5TypeSchema.FromDescriptor(b)) is { } p => p + "[]",
        _ => null,
    };

    private static void Field(StringBuilder body, string name, string h5Name, string element, H5TypeDescriptor stored)
    {
        var fixedLength = stored is H5StringType { IsVariableLength: false } s ? s.Size : 0;
        if (fixedLength > 0)
            body.Append("    [H5Field(").Append(CSharpNames.Literal(h5Name)).Append(", FixedLength = ").Append(fixedLength.ToString(CultureInfo.InvariantCulture)).Append(")]\n");
        else if (name != h5Name) body.Append("    [H5Field(").Append(CSharpNames.Literal(h5Name)).Append(")]\n");
        body.Append("    public ").Append(element).Append(' ').Append(name).Append(";\n");
    }

    // Structs and enums of identical layout are declared once.
    private string DeclareType(string wanted, H5TypePlanKind kind, string underlying, string body, string path)
    {
        var key = kind + ":" + underlying + "\n" + body;
        if (!_typesByBody.TryGetValue(key, out var plan))
        {
            plan = new H5TypePlan(_typeNames.Claim(wanted), kind, underlying, body);
            _typesByBody[key] = plan;
            _types.Add(plan);
        }
        plan.Paths.Add(path);
        return plan.Name;
    }
}
