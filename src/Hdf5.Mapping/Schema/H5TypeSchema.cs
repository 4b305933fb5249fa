using System.Runtime.CompilerServices;

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

    /// <summary>For enums found in a file: the member names (for messages).</summary>
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
        if (typeof(T) == typeof(char)) return new(H5ValueKind.UnsignedInteger, 2); // stored as a uint16 code unit
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
        return FromDescriptor(type.Description);
    }

    /// <summary>Describes a type from its <see cref="H5TypeDescriptor"/> (the model every part of this library reads).</summary>
    public static H5TypeSchema FromDescriptor(H5TypeDescriptor type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var size = (int)type.Size;
        H5TypeSchema schema = type switch
        {
            H5IntegerType i => new(i.IsSigned ? H5ValueKind.SignedInteger : H5ValueKind.UnsignedInteger, size),
            H5FloatType => new(H5ValueKind.Float, size),
            H5StringType { IsVariableLength: true } => VariableString,
            H5StringType => FixedString(size),
            H5ReferenceType { Kind: H5ReferenceKind.Object } => ObjectReference,
            H5ReferenceType { Kind: H5ReferenceKind.DatasetRegion } => RegionReference,
            H5EnumType { IsBoolean: true } => new(H5ValueKind.Boolean, 1),
            H5EnumType e => new(H5ValueKind.Enum, size, detail: string.Join(", ", e.Members.Select(m => m.Name))),
            H5CompoundType c => new(H5ValueKind.Compound, size, fields: c.Members.Select(m => new H5FieldSchema(m.Name, FromDescriptor(m.Type))).ToArray()),
            _ => new(H5ValueKind.Other, size),
        };
        return schema.Found(type);
    }

    // A schema read from a file keeps the type it came from, so that messages show it in the library's one wording.
    private H5TypeSchema Found(H5TypeDescriptor descriptor) =>
        new(Kind, Size, StringKind, Fields, Detail) { Descriptor = descriptor };

    /// <summary>For a type found in a file: its full description; null for expected types.</summary>
    public H5TypeDescriptor? Descriptor { get; private init; }

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

    /// <summary>A short description in the wording <see cref="H5TypeDescriptor.ToString"/> uses: <c>int32</c>, <c>float64</c>,
    /// <c>string (variable length)</c>, <c>compound {x: int32, y: float64}</c>, ...; a type found in a file shows in full.</summary>
    public override string ToString() => Descriptor?.ToString() ?? Kind switch
    {
        H5ValueKind.Any => "any type",
        H5ValueKind.SignedInteger => H5TypeWording.Integer(signed: true, Size),
        H5ValueKind.UnsignedInteger => H5TypeWording.Integer(signed: false, Size),
        H5ValueKind.Float => H5TypeWording.Float(Size),
        H5ValueKind.Boolean => H5TypeWording.Boolean,
        H5ValueKind.Enum => H5TypeWording.Enum(null, Size, Detail?.Split(", ").Select(n => (n, (string?)null))),
        H5ValueKind.String => H5TypeWording.String(StringKind == H5StringKind.Variable, Size),
        H5ValueKind.Compound => H5TypeWording.Compound(Size, Fields.Select(f => (f.Name, f.Type.ToString()))),
        H5ValueKind.ObjectReference => H5TypeWording.Reference(H5ReferenceKind.Object),
        H5ValueKind.RegionReference => H5TypeWording.Reference(H5ReferenceKind.DatasetRegion),
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
