using System;

namespace Hdf5.Mapping;

// The attributes users write on their classes. The source generator (generators/Hdf5.Mapping.Generators) links
// this file as source and reads the attributes at compile time, naming their properties with nameof; nothing reads
// them by reflection at run time. Member attributes also allow fields, so the generator can say "use a property"
// (H5M015) instead of the compiler's bare "not valid on this declaration type".
//
// Naming rule: an HDF5 name defaults to the C# property name as written ("Dt" stays "Dt"); pass a name to the
// attribute to choose another ("dt", "compressed/defl"). Names may be nested paths relative to the group.

/// <summary>Marks the root class of an HDF5 file; the class must be <c>partial</c>. The generator adds
/// <c>Read(path)</c>, <c>Write(path)</c> (atomic replace), <c>ReadFrom(H5Group)</c> and <c>WriteTo(H5Group)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class H5FileAttribute : Attribute
{
    /// <summary>The low format bound <c>Write(path)</c> creates files with (h5py: <c>libver=(low, ...)</c>); the default is the
    /// earliest format. <see cref="H5LibraryVersion.V18"/> or later is needed for attributes larger than 64 KiB (dense
    /// attribute storage); files stay readable by libhdf5 1.10 up to <see cref="H5LibraryVersion.V110"/>.</summary>
    public H5LibraryVersion LibverLow { get; set; }
}

/// <summary>Marks a class stored as an HDF5 group (the class must be <c>partial</c>), or a property of such a
/// class type stored as a child group named <see cref="Name"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class H5GroupAttribute(string? name = null) : Attribute
{
    /// <summary>The group name (for a property); the property name when null.</summary>
    public string? Name { get; } = name;
}

/// <summary>Stores a property as an HDF5 attribute of the enclosing group.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class H5AttributeAttribute(string? name = null) : Attribute
{
    /// <summary>The attribute name; the property name when null.</summary>
    public string? Name { get; } = name;

    /// <summary>For a string: store it as a fixed-length string of this many bytes instead of variable-length UTF-8;
    /// <see cref="H5FixedLength.OfValue"/> makes it as long as the value written (numpy's <c>np.bytes_</c>, netCDF's <c>NC_CHAR</c>).</summary>
    public int FixedLength { get; set; }

    /// <summary>For fixed-length strings: the character set the type declares, ASCII (default, numpy's <c>S</c>n) or
    /// UTF-8 (h5py's <c>string_dtype('utf-8', n)</c>), which lets the strings hold any character. Variable-length strings are
    /// always UTF-8, as h5py writes them.</summary>
    public H5CharSet CharSet { get; set; }

    /// <summary>For fixed-length strings: how the rest of each value is filled (NUL padding by default, as numpy's <c>S</c>n;
    /// <see cref="H5StringPadding.NullTerminated"/> for C strings).</summary>
    public H5StringPadding Padding { get; set; } = H5StringPadding.NullPad;

    /// <summary>Store the attribute on the dataset of another property of this class instead of on the group:
    /// <c>[H5Attribute("units", On = nameof(Paths))]</c>. Must name an [H5Dataset] property (H5M009).</summary>
    public string? On { get; set; }
}

/// <summary>Stores a property as an HDF5 dataset in the enclosing group: an array of numbers, structs or strings
/// (<c>T[]</c>, <c>T[,]</c>, ..., <c>List&lt;T&gt;</c>), or one value (a scalar dataset).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class H5DatasetAttribute(string? name = null) : Attribute
{
    /// <summary>The dataset name or relative path; the property name when null.</summary>
    public string? Name { get; } = name;

    /// <summary>Chunk shape; its rank must equal the array's rank (checked at compile time, H5M003).</summary>
    public long[]? Chunks { get; set; }

    /// <summary>The compression filter; every filter but <see cref="H5FilterKind.None"/> needs <see cref="Chunks"/> (H5M004).</summary>
    public H5FilterKind Filter { get; set; }

    /// <summary>The filter's level (deflate 0–9, Zstd 1–22, BZip2 block size) or, for ZFP accuracy, the tolerance
    /// exponent: <c>FilterLevel = -4</c> means accuracy 1e-4. 0 selects the filter's default.</summary>
    public int FilterLevel { get; set; }

    /// <summary>Apply the byte-shuffle filter before <see cref="Filter"/>.</summary>
    public bool Shuffle { get; set; }

    /// <summary>Maximum shape, one entry per dimension; <see cref="H5Dataset.Unlimited"/> (-1) for an unlimited
    /// dimension. Its rank must equal the array's rank (H5M003). A chunk shape is guessed when <see cref="Chunks"/> is not set.</summary>
    public long[]? MaxShape { get; set; }

    /// <summary>The storage layout; <see cref="H5DatasetLayout.Auto"/> lets the other options decide (chunked with chunks,
    /// filters or a maximum shape, contiguous otherwise).</summary>
    public H5DatasetLayout Layout { get; set; }

    /// <summary>The value unwritten elements read as (h5py: <c>fillvalue=</c>), converted to the element type;
    /// numeric element types only (H5M002).</summary>
    public double FillValue { get; set; }

    /// <summary>For an <see cref="H5Region"/> array: the [H5Dataset] the regions select from, stored as an HDF5 dataset of
    /// region references to it (h5py: <c>ds.regionref[...]</c>). Name a property of this class (<c>nameof(Data)</c>), a
    /// member of another mapped class by a <c>nameof</c> chain from this class (<c>nameof(Child.Data)</c>) or from the
    /// [H5File] class (<c>nameof(Root.Child.Data)</c>), or give an HDF5 path (relative to this group, or absolute from the
    /// file's root). Regions into several datasets are <see cref="H5MappedRegion"/> values in an [H5Reference] property.</summary>
    public string? RegionOf { get; set; }

    /// <summary>For strings: store them fixed length, padded to this many bytes (numpy <c>S</c>n); 0 (default) stores
    /// variable-length UTF-8; <see cref="H5FixedLength.OfValue"/> makes them as long as the longest value written.</summary>
    public int FixedLength { get; set; }

    /// <summary>For fixed-length strings: the character set the type declares, ASCII (default, numpy's <c>S</c>n) or
    /// UTF-8 (h5py's <c>string_dtype('utf-8', n)</c>), which lets the strings hold any character. Variable-length strings are
    /// always UTF-8, as h5py writes them.</summary>
    public H5CharSet CharSet { get; set; }

    /// <summary>For fixed-length strings: how the rest of each value is filled (NUL padding by default, as numpy's <c>S</c>n).</summary>
    public H5StringPadding Padding { get; set; } = H5StringPadding.NullPad;

    /// <summary>The shape every file must have, one entry per dimension, -1 for a dimension of any length. Not enforced on
    /// write; the type's schema (<c>H5Schema</c>) carries it, so validation reports files of another shape.</summary>
    public long[]? Shape { get; set; }
}

/// <summary>Names the HDF5 compound member a field of a mapped struct (or a field or property of a mapped record) is
/// stored as (the member's own name when absent).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class H5FieldAttribute(string name) : Attribute
{
    /// <summary>The HDF5 member name.</summary>
    public string Name { get; } = name;

    /// <summary>For a string member of a record: store it as a fixed-length string of this many bytes (numpy <c>S</c>n);
    /// 0 (the default) stores a variable-length UTF-8 string, as h5py does for <c>str</c>.</summary>
    public int FixedLength { get; set; }
}

/// <summary>The storage layout of a mapped dataset.</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
enum H5DatasetLayout
{
    /// <summary>Chosen from the other options: chunked when chunks, filters or a maximum shape are set, contiguous otherwise.</summary>
    Auto,
    /// <summary>One contiguous block in the file.</summary>
    Contiguous,
    /// <summary>In the object header (at most 64 KiB of data).</summary>
    Compact,
    /// <summary>Fixed-size chunks.</summary>
    Chunked,
}

/// <summary>Makes the dataset of this property a dimension scale named <see cref="Name"/> (h5py:
/// <c>ds.make_scale(name)</c>), stored by H5DS so that h5py, netCDF-4 and HDFView see it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class DimensionScaleAttribute(string name = "") : Attribute
{
    /// <summary>The scale's name (its NAME attribute); empty for none.</summary>
    public string Name { get; } = name;
}

/// <summary>Attaches a [DimensionScale] dataset to dimension <see cref="Dimension"/> of this property's dataset (h5py:
/// <c>ds.dims[i].attach_scale(scale)</c>). Repeat it to attach several scales. The scale must be a [DimensionScale]
/// dataset (H5M012), the dimension must exist (H5M013), and when both datasets declare a <c>Shape</c> the lengths must
/// agree (H5M018). A scale in another class is attached once the whole graph is written.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = true)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class AttachScaleAttribute(int dimension, string scale) : Attribute
{
    /// <summary>The dimension (0-based) of this dataset.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>The [DimensionScale] dataset: a property of this class (<c>nameof(X)</c>), a member of another mapped class
    /// by a <c>nameof</c> chain from this class (<c>nameof(Axes.X)</c>) or from the [H5File] class
    /// (<c>nameof(Root.Axes.X)</c>), or an HDF5 path (relative to this group, or absolute from the file's root).</summary>
    public string Scale { get; } = scale;

    /// <summary>A label for the dimension (h5py: <c>ds.dims[i].label</c>), or null.</summary>
    public string? Label { get; set; }
}

/// <summary>
/// Stores HDF5 object references to other mapped objects of the same file. The property holds the objects
/// themselves: a mapped group object, or the array (or list) of a mapped dataset, or an array/list of them
/// (<c>object[]</c> mixes both). On write each object becomes a reference to where it was stored; on read each
/// reference becomes the object read from its target. Stored as a dataset (scalar for one reference, 1-D for many),
/// as in h5py's <c>f["objrefs/refs"] = [ds.ref, ...]</c>. <see cref="H5MappedRegion"/> elements (a mapped dataset's
/// array and a region of it) are stored as region references, as h5py's <c>[ds.regionref[...], ...]</c>.
/// </summary>
/// <remarks>Objects are matched by identity: the referenced object must be the very instance stored by another
/// member; one that is not raises <see cref="H5MappingException"/> naming the path. Targets the type cannot hold are
/// a compile error (H5M014).</remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed class H5ReferenceAttribute(string? name = null) : Attribute
{
    /// <summary>The dataset name or relative path; the property name when null.</summary>
    public string? Name { get; } = name;
}
