namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>Options of <see cref="H5Scaffolder"/>.</summary>
public sealed class H5ScaffoldOptions
{
    /// <summary>The namespace of the generated classes (default <c>H5Scaffolded</c>).</summary>
    public string Namespace { get; init; } = "H5Scaffolded";

    /// <summary>The name of the <c>[H5File]</c> class; by default derived from the file name (<c>atl03_sample.h5</c> → <c>Atl03Sample</c>).</summary>
    public string? RootClassName { get; init; }

    /// <summary>Datasets larger than this many bytes become lazy <c>H5Dataset&lt;T&gt;</c> properties (read slice by slice)
    /// instead of arrays loaded by <c>Read</c>; null (default) loads every dataset. Numeric datasets only.</summary>
    public long? LazyAboveBytes { get; init; }

    /// <summary>Scaffold only these HDF5 paths (and what is below them); their parent groups are kept as containers. Null or empty: everything.</summary>
    public IReadOnlyList<string>? Paths { get; init; }

    /// <summary>Receives <see cref="H5ProgressUnit.Objects"/> as each object is visited, out of the file's object count
    /// (for a progress bar on large files).</summary>
    public IProgress<H5Progress>? Progress { get; init; }
}
