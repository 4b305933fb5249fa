namespace Hdf5.Mapping.Generators.Model;

/// <summary>What the generator knows about one mapped class: no symbols, only names, so it compares by value.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="TypeRef">The global:: name of the class.</param>
/// <param name="IsFile">True for an [H5File] class, false for an [H5Group] class.</param>
/// <param name="IsPublic">Whether the class is public (the generated members follow).</param>
/// <param name="Members">The mapped properties in declaration order.</param>
/// <param name="Compounds">The structs stored as compound types.</param>
/// <param name="LibverLow">For an [H5File] class: the value of H5LibraryVersion files are created with (0 = earliest).</param>
internal sealed record MappedTypeSpec(string? Namespace, string Name, string TypeRef, bool IsFile, bool IsPublic, EquatableArray<MemberSpec> Members,
    EquatableArray<CompoundSpec> Compounds, int LibverLow = 0);

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

/// <summary>How a property is stored.</summary>
internal enum MemberKind
{
    Attribute,
    Dataset,
    Group,
    /// <summary>Object references to other mapped objects, stored as a dataset.</summary>
    Reference,
}

/// <summary>A dimension scale attached to one dimension of a mapped dataset.</summary>
/// <param name="Dimension">The host dataset's dimension.</param>
/// <param name="ScaleName">The HDF5 name of the scale dataset (same group).</param>
/// <param name="Label">The dimension label, or null.</param>
internal sealed record ScaleAttachment(int Dimension, string ScaleName, string? Label);

/// <summary>One mapped property.</summary>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="H5Name">The HDF5 name (or relative path).</param>
/// <param name="Kind">Attribute, dataset or group.</param>
/// <param name="ElementType">The global:: name of the element type (the array element, the scalar, or the group class).</param>
/// <param name="Rank">0 for a scalar, 1.. for arrays.</param>
/// <param name="IsString">Whether the elements are strings.</param>
/// <param name="IsOptional">Nullable: absent in the file reads as null, null is not written.</param>
/// <param name="FixedLength">For string attributes: a fixed length in bytes, 0 for variable length.</param>
/// <param name="Chunks">Chunk shape, empty when none.</param>
/// <param name="FilterExpression">The H5Filter factory call, or null.</param>
/// <param name="Shuffle">Shuffle before the filter.</param>
/// <param name="Target">For an attribute stored on a dataset of the same class: that dataset's HDF5 name; null for the group.</param>
/// <param name="Collection">"List" for List&lt;T&gt; (datasets, attributes, groups, references), "Dictionary" for Dictionary&lt;string, TGroup&gt;,
/// "Array" for an array of references, "Lazy" for H5Dataset&lt;T&gt;; null otherwise.</param>
/// <param name="MaxShape">Maximum shape (-1 unlimited), empty when none.</param>
/// <param name="Layout">Value of Hdf5.Mapping.H5DatasetLayout (0 = Auto).</param>
/// <param name="FillValue">The fill value as a C# literal, or null.</param>
/// <param name="RegionOf">For an H5Region array: the HDF5 name of the dataset its references select from.</param>
/// <param name="ScaleName">For a [DimensionScale] dataset: the scale name ("" for none); null when not a scale.</param>
/// <param name="Scales">Scales attached to this dataset's dimensions.</param>
/// <param name="FilterIds">HDF5 filter ids of the pipeline (2 for shuffle, then the compression filter), for the schema.</param>
/// <param name="Shape">The expected shape (-1 for any length), empty when not declared; used by the schema only.</param>
/// <param name="Utf8">For fixed-length strings: the type declares UTF-8 (<c>CharSet = H5CharSet.Utf8</c>) rather than ASCII.</param>
/// <param name="IsRecord">Whether the elements are records (read and written through their registered element type).</param>
internal sealed record MemberSpec(
    string PropertyName,
    string H5Name,
    MemberKind Kind,
    string ElementType,
    int Rank,
    bool IsString,
    bool IsOptional,
    int FixedLength,
    EquatableArray<long> Chunks,
    string? FilterExpression,
    bool Shuffle,
    string? Target = null,
    string? Collection = null,
    EquatableArray<long> MaxShape = default,
    int Layout = 0,
    string? FillValue = null,
    string? RegionOf = null,
    string? ScaleName = null,
    EquatableArray<ScaleAttachment> Scales = default,
    EquatableArray<int> FilterIds = default,
    EquatableArray<long> Shape = default,
    bool Utf8 = false,
    bool IsRecord = false);
