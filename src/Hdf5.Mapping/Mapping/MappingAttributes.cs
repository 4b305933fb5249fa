namespace Hdf5.Mapping;

// The attributes users write on their classes. The source generator (generators/Hdf5.Mapping.Generators) reads
// them at compile time; nothing reads them by reflection at run time.
//
// Naming rule: an HDF5 name defaults to the C# property name as written ("Dt" stays "Dt"); pass a name to the
// attribute to choose another ("dt", "compressed/defl"). Names may be nested paths relative to the group.

/// <summary>Marks the root class of an HDF5 file; the class must be <c>partial</c>. The generator adds
/// <c>Read(path)</c>, <c>Write(path)</c> (atomic replace), <c>ReadFrom(H5Group)</c> and <c>WriteTo(H5Group)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class H5FileAttribute : Attribute;

/// <summary>Marks a class stored as an HDF5 group (the class must be <c>partial</c>), or a property of such a
/// class type stored as a child group named <see cref="Name"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class H5GroupAttribute(string? name = null) : Attribute
{
    /// <summary>The group name (for a property); the property name when null.</summary>
    public string? Name { get; } = name;
}

/// <summary>Stores a property as an HDF5 attribute of the enclosing group.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class H5AttributeAttribute(string? name = null) : Attribute
{
    /// <summary>The attribute name; the property name when null.</summary>
    public string? Name { get; } = name;

    /// <summary>For a string: store it as a fixed-length ASCII string of this many bytes instead of variable-length UTF-8.</summary>
    public int FixedLength { get; set; }

    /// <summary>Store the attribute on the dataset of another property of this class instead of on the group:
    /// <c>[H5Attribute("units", On = nameof(Paths))]</c>. Must name an [H5Dataset] property (H5M009).</summary>
    public string? On { get; set; }
}

/// <summary>Stores a property (an array of numbers, structs or strings) as an HDF5 dataset in the enclosing group.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class H5DatasetAttribute(string? name = null) : Attribute
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
}

/// <summary>The compression filters a mapped dataset can name (see <see cref="H5Filter"/> for what each does).</summary>
public enum H5FilterKind
{
    /// <summary>No compression.</summary>
    None,
    /// <summary>Deflate (gzip), <see cref="H5DatasetAttribute.FilterLevel"/> 0–9 (default 4).</summary>
    Deflate,
    /// <summary>Zstandard, level 1–22 (default 3).</summary>
    Zstd,
    /// <summary>ZFP fixed accuracy 10^FilterLevel (default 1e-4).</summary>
    ZfpAccuracy,
    /// <summary>LZ4.</summary>
    Lz4,
    /// <summary>BZip2, block size 1–9 (default 9).</summary>
    Bzip2,
    /// <summary>Blosc (lz4, level 5, byte shuffle).</summary>
    Blosc,
}
