using System.Runtime.CompilerServices;
using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.Schema;

/// <summary>What kind of values a datatype holds, as a schema compares them (finer than <see cref="H5TypeClass"/>:
/// signed and unsigned integers differ, h5py's bool enum is a boolean, references say what they point at).</summary>
public enum H5ValueKind
{
    /// <summary>Any type (a lazy dataset, or a schema that does not care).</summary>
    Any,
    /// <summary>A signed integer.</summary>
    SignedInteger,
    /// <summary>An unsigned integer.</summary>
    UnsignedInteger,
    /// <summary>An IEEE floating-point number.</summary>
    Float,
    /// <summary>A boolean, stored as h5py does: an 8-bit enum {FALSE = 0, TRUE = 1}.</summary>
    Boolean,
    /// <summary>An enumeration over an integer.</summary>
    Enum,
    /// <summary>A string, variable or fixed length.</summary>
    String,
    /// <summary>A compound (struct) type.</summary>
    Compound,
    /// <summary>An object reference.</summary>
    ObjectReference,
    /// <summary>A dataset region reference.</summary>
    RegionReference,
    /// <summary>Anything else (array, variable-length sequence, opaque, bitfield, time).</summary>
    Other,
}

/// <summary>How a string type stores its characters.</summary>
public enum H5StringKind
{
    /// <summary>Variable length (h5py's default for <c>str</c>).</summary>
    Variable,
    /// <summary>Fixed length, padded (numpy's <c>S</c> dtypes).</summary>
    Fixed,
}

/// <summary>One member of a compound type in a schema.</summary>
/// <param name="Name">The HDF5 member name.</param>
/// <param name="Type">The member's type.</param>
public sealed record H5FieldSchema(string Name, H5TypeSchema Type);

/// <summary>
/// The datatype a schema expects: a kind, a size in bytes and, for strings, how they are stored. Immutable;
/// <see cref="Of{T}"/> describes a .NET element type, <see cref="FromDatatype"/> a datatype found in a file.
/// </summary>
public sealed class H5TypeSchema : IEquatable<H5TypeSchema>
{
    private H5TypeSchema(H5ValueKind kind, int size, H5StringKind? stringKind = null, IReadOnlyList<H5FieldSchema>? fields = null, string? detail = null)
    {
        Kind = kind;
        Size = size;
        StringKind = stringKind;
        Fields = fields ?? [];
        Detail = detail;
    }

    /// <summary>The kind of values.</summary>
    public H5ValueKind Kind { get; }

    /// <summary>Size of one element in bytes; 0 when any size will do (variable strings, fixed strings of any length, <see cref="H5ValueKind.Any"/>).</summary>
    public int Size { get; }

    /// <summary>For strings: variable or fixed length; null for other kinds.</summary>
    public H5StringKind? StringKind { get; }

    /// <summary>For compound types: the members, in order.</summary>
    public IReadOnlyList<H5FieldSchema> Fields { get; }

    /// <summary>For <see cref="H5ValueKind.Other"/> types found in a file: libhdf5's description (for messages).</summary>
    public string? Detail { get; }

    /// <summary>Any type.</summary>
    public static H5TypeSchema Any { get; } = new(H5ValueKind.Any, 0);

    /// <summary>A variable-length string.</summary>
    public static H5TypeSchema VariableString { get; } = new(H5ValueKind.String, 0, H5StringKind.Variable);

    /// <summary>A fixed-length string of <paramref name="length"/> bytes (0: any length).</summary>
    public static H5TypeSchema FixedString(int length = 0) => new(H5ValueKind.String, length, H5StringKind.Fixed);

    /// <summary>An object reference.</summary>
    public static H5TypeSchema ObjectReference { get; } = new(H5ValueKind.ObjectReference, 8);

    /// <summary>A dataset region reference.</summary>
    public static H5TypeSchema RegionReference { get; } = new(H5ValueKind.RegionReference, 12);

    /// <summary>A compound type of <paramref name="size"/> bytes with the given members (matched by name, as libhdf5 converts them).</summary>
    public static H5TypeSchema Compound(int size, params H5FieldSchema[] fields) => new(H5ValueKind.Compound, size, fields: fields);

    /// <summary>Describes the .NET element type <typeparamref name="T"/> (a number, bool, enum, <see cref="Half"/> or reference).
    /// Structs are described by <see cref="Compound"/>, which the generator emits with their fields.</summary>
    public static H5TypeSchema Of<T>() where T : unmanaged
    {
        // Type tests fold per instantiation; no reflection is needed (trimming and NativeAOT keep working).
        if (typeof(T) == typeof(bool)) return new(H5ValueKind.Boolean, 1);
        if (typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half)) return new(H5ValueKind.Float, Unsafe.SizeOf<T>());
        if (typeof(T) == typeof(sbyte) || typeof(T) == typeof(short) || typeof(T) == typeof(int) || typeof(T) == typeof(long))
            return new(H5ValueKind.SignedInteger, Unsafe.SizeOf<T>());
        if (typeof(T) == typeof(byte) || typeof(T) == typeof(ushort) || typeof(T) == typeof(uint) || typeof(T) == typeof(ulong))
            return new(H5ValueKind.UnsignedInteger, Unsafe.SizeOf<T>());
        if (typeof(T) == typeof(H5ObjectReference)) return ObjectReference;
        if (typeof(T) == typeof(H5RegionReference)) return RegionReference;
        if (typeof(T).IsEnum) return new(H5ValueKind.Enum, Unsafe.SizeOf<T>());
        return new(H5ValueKind.Compound, Unsafe.SizeOf<T>());
    }

    /// <summary>Describes a datatype found in a file.</summary>
    public static H5TypeSchema FromDatatype(H5Datatype type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return Describe(type.Id);
    }

    private static unsafe H5TypeSchema Describe(H5Id id)
    {
        var size = (int)H5T.GetSize(id);
        switch (H5T.GetClass(id))
        {
            case H5T.Class.Integer:
                return new(H5T.GetSign(id) == H5T.Sign.None ? H5ValueKind.UnsignedInteger : H5ValueKind.SignedInteger, size);
            case H5T.Class.Float:
                return new(H5ValueKind.Float, size);
            case H5T.Class.String:
                return H5Call.CheckBool(H5T.IsVariableStr(id)) ? VariableString : FixedString(size);
            case H5T.Class.Reference:
                return size switch
                {
                    8 => ObjectReference,
                    12 => RegionReference,
                    _ => new(H5ValueKind.Other, size, detail: H5TypeMap.ReferenceText(size)),
                };
            case H5T.Class.Enum:
                var names = new List<string>();
                var n = H5T.GetNmembers(id);
                for (uint i = 0; i < n; i++)
                {
                    var p = H5T.GetMemberName(id, i);
                    names.Add(H5Call.FromCString(p));
                    H5.FreeMemory(p);
                }
                var isBool = size == 1 && names.Count == 2 && names.Contains("FALSE") && names.Contains("TRUE");
                return new(isBool ? H5ValueKind.Boolean : H5ValueKind.Enum, size, detail: string.Join(", ", names));
            case H5T.Class.Compound:
                var fields = new List<H5FieldSchema>();
                var count = H5T.GetNmembers(id);
                for (uint i = 0; i < count; i++)
                {
                    var p = H5T.GetMemberName(id, i);
                    var name = H5Call.FromCString(p);
                    H5.FreeMemory(p);
                    using var member = new DatatypeId(H5T.GetMemberType(id, i));
                    fields.Add(new H5FieldSchema(name, Describe(member)));
                }
                return new(H5ValueKind.Compound, size, fields: fields);
            case H5T.Class.Array:
                var rank = H5T.GetArrayNdims(id);
                var dims = stackalloc ulong[Math.Max(rank, 1)];
                H5T.GetArrayDims2(id, dims);
                using (var super = new DatatypeId(H5T.GetSuper(id)))
                {
                    var shape = string.Join("x", Enumerable.Range(0, rank).Select(i => dims[i]));
                    return new(H5ValueKind.Other, size, detail: $"array [{shape}] of {Describe(super)}");
                }
            case H5T.Class.Vlen:
                using (var super = new DatatypeId(H5T.GetSuper(id)))
                    return new(H5ValueKind.Other, size, detail: $"variable-length sequence of {Describe(super)}");
            default:
                return new(H5ValueKind.Other, size, detail: H5T.GetClass(id).ToString().ToLowerInvariant());
        }
    }

    /// <summary>Whether a value stored as <paramref name="actual"/> satisfies this expected type; <paramref name="reason"/>
    /// says what differs. Compound members are matched by name (libhdf5 converts by name) and may come in any order;
    /// the file may hold members the schema does not name.</summary>
    public bool Accepts(H5TypeSchema actual, out string reason)
    {
        ArgumentNullException.ThrowIfNull(actual);
        reason = "";
        if (Kind == H5ValueKind.Any) return true;
        if (Kind != actual.Kind)
        {
            reason = $"expected {this}, found {actual}";
            return false;
        }
        switch (Kind)
        {
            case H5ValueKind.String:
                if (StringKind != actual.StringKind || (StringKind == H5StringKind.Fixed && Size != 0 && Size != actual.Size))
                {
                    reason = $"expected {this}, found {actual}";
                    return false;
                }
                return true;
            case H5ValueKind.Compound:
                var problems = new List<string>();
                foreach (var field in Fields)
                {
                    var match = actual.Fields.FirstOrDefault(f => f.Name == field.Name);
                    if (match is null) problems.Add($"member '{field.Name}' is missing");
                    else if (!field.Type.Accepts(match.Type, out var inner)) problems.Add($"member '{field.Name}': {inner}");
                }
                reason = string.Join("; ", problems);
                return problems.Count == 0;
            default:
                if (Size != 0 && Size != actual.Size)
                {
                    reason = $"expected {this}, found {actual}";
                    return false;
                }
                return true;
        }
    }

    /// <summary>A short description: <c>int32</c>, <c>float64</c>, <c>string (variable)</c>, <c>compound {x: int32, y: float64}</c>, ...</summary>
    public override string ToString() => Kind switch
    {
        H5ValueKind.Any => "any type",
        H5ValueKind.SignedInteger => $"int{Size * 8}",
        H5ValueKind.UnsignedInteger => $"uint{Size * 8}",
        H5ValueKind.Float => $"float{Size * 8}",
        H5ValueKind.Boolean => "bool",
        H5ValueKind.Enum => $"enum ({Size} byte{(Size == 1 ? "" : "s")})" + (Detail is null ? "" : $" {{{Detail}}}"),
        H5ValueKind.String => StringKind == H5StringKind.Variable ? "string (variable length)" : Size == 0 ? "string (fixed length)" : $"string (fixed, {Size} bytes)",
        H5ValueKind.Compound => Fields.Count == 0 ? $"compound ({Size} bytes)" : "compound {" + string.Join(", ", Fields.Select(f => $"{f.Name}: {f.Type}")) + "}",
        H5ValueKind.ObjectReference => "object reference",
        H5ValueKind.RegionReference => "region reference",
        _ => Detail ?? "other",
    };

    /// <inheritdoc/>
    public bool Equals(H5TypeSchema? other) =>
        other is not null && other.Kind == Kind && other.Size == Size && other.StringKind == StringKind && other.Fields.SequenceEqual(Fields);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as H5TypeSchema);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Size, StringKind, Fields.Count);
}
