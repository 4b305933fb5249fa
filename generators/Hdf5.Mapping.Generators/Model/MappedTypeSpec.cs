namespace Hdf5.Mapping.Generators.Model;

/// <summary>What the generator knows about one mapped class: no symbols, only names, so it compares by value.</summary>
internal sealed record MappedTypeSpec
{
    /// <summary>The namespace, or null for the global namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>The class name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The global:: name of the class.</summary>
    public string TypeRef { get; init; } = "";

    /// <summary>How the class is declared: "class" or "record" (a record class).</summary>
    public string Keyword { get; init; } = "class";

    /// <summary>The partial types the class is nested in, outermost first.</summary>
    public EquatableArray<ContainingTypeSpec> ContainingTypes { get; init; } = EquatableArray<ContainingTypeSpec>.Empty;

    /// <summary>True for an [H5File] class, false for an [H5Group] class.</summary>
    public bool IsFile { get; init; }

    /// <summary>For an [H5File] class: the low format bound Write creates files with (<c>[H5File(LibverLow = ...)]</c>).</summary>
    public H5LibraryVersion LibverLow { get; init; }

    /// <summary>Whether the generated members are public (they are internal otherwise).</summary>
    public bool IsPublic { get; init; }

    /// <summary>The mapped properties in declaration order.</summary>
    public EquatableArray<MemberSpec> Members { get; init; } = EquatableArray<MemberSpec>.Empty;

    /// <summary>The structs the members store as compound types (registered once per compilation, not per class).</summary>
    public EquatableArray<CompoundSpec> Compounds { get; init; } = EquatableArray<CompoundSpec>.Empty;
}

/// <summary>A type a mapped class is nested in: how it is declared and its name.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Name">Its name.</param>
/// <param name="IsStatic">Whether it is a static class.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name, bool IsStatic);

/// <summary>A struct or class stored as an HDF5 compound type, registered at module load: a blittable struct as its
/// datatype, a record (a class or struct with string or sequence members) as its element type.</summary>
/// <param name="TypeRef">The global:: name of the struct or class.</param>
/// <param name="Fields">Its mapped members, in declaration order.</param>
/// <param name="IsRecord">True for a record (read and written through an element type), false for a blittable struct.</param>
internal sealed record CompoundSpec(string TypeRef, EquatableArray<FieldSpec> Fields, bool IsRecord = false);

/// <summary>How a member of a record is stored.</summary>
internal enum FieldKind
{
    /// <summary>A number, bool, enum or reference, as it is.</summary>
    Value,
    /// <summary>A string, variable length or (with a fixed length) fixed.</summary>
    String,
    /// <summary>An array of numbers, as a variable-length sequence.</summary>
    Sequence,
}

/// <summary>One member of a compound struct or record.</summary>
/// <param name="Name">The C# field or property name.</param>
/// <param name="TypeRef">The global:: name of the member type (for a sequence, the array type).</param>
/// <param name="H5Name">The HDF5 member name: [H5Field("name")] or the member name.</param>
/// <param name="Kind">How a record member is stored.</param>
/// <param name="FixedLength">For a string member: [H5Field(FixedLength = n)], 0 for variable length.</param>
/// <param name="SequenceOf">For a sequence member: the global:: name of the element type.</param>
internal sealed record FieldSpec(string Name, string TypeRef, string H5Name, FieldKind Kind = FieldKind.Value, int FixedLength = 0, string? SequenceOf = null);
