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

/// <summary>A blittable struct stored as an HDF5 compound type; its datatype is registered at module load.</summary>
/// <param name="TypeRef">The global:: name of the struct.</param>
/// <param name="Fields">Its public instance fields, in declaration order.</param>
internal sealed record CompoundSpec(string TypeRef, EquatableArray<FieldSpec> Fields);

/// <summary>One field of a compound struct.</summary>
/// <param name="Name">The C# field name.</param>
/// <param name="TypeRef">The global:: name of the field type (a number, bool or enum).</param>
/// <param name="H5Name">The HDF5 member name: [H5Field("name")] or the field name.</param>
internal sealed record FieldSpec(string Name, string TypeRef, string H5Name);
