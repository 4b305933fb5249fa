namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>
/// Scaffolds annotated partial classes from an existing file, as EF Core scaffolds entities from a database: the root
/// becomes an <c>[H5File]</c> class, every group an <c>[H5Group]</c> class (groups of identical layout share one class),
/// datasets and attributes become properties whose attributes keep the HDF5 names, compound types become structs,
/// enums become C# enums; chunking, filters, maximum shapes, dimension scales and region references are kept.
/// What cannot be mapped is left out with a comment saying why (and listed in <see cref="H5ScaffoldResult.Skipped"/>).
/// The sources compile with the Hdf5.Mapping generator and read the file back value for value.
/// </summary>
/// <remarks>Three stages, as EF Core's scaffolding: the file is read into a <see cref="H5FileModel"/> (the only stage
/// that calls libhdf5), the model is planned into classes, members and types (<see cref="H5ClassPlanner"/>, pure), and
/// the plan is written as C# (<see cref="H5ScaffoldWriter"/>).</remarks>
public static class H5Scaffolder
{
    /// <summary>Scaffolds the file at <paramref name="path"/> (opened read-only).</summary>
    public static H5ScaffoldResult Scaffold(string path, H5ScaffoldOptions? options = null)
    {
        using var file = H5File.Open(path);
        return Scaffold(file, options);
    }

    /// <summary>Scaffolds an open file.</summary>
    public static H5ScaffoldResult Scaffold(H5File file, H5ScaffoldOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= new H5ScaffoldOptions();
        // A selected path that is not in the file is a mistake (a typo would otherwise scaffold an empty root).
        foreach (var p in options.Paths ?? [])
            if (!file.ContainsKey(p))
                throw new ArgumentException($"{file.Filename} has no object at '{p}' (H5ScaffoldOptions.Paths).", nameof(options));
        return Scaffold(ReadModel(file, options.Progress), options, file.CreatedLowBound);
    }

    /// <summary>Scaffolds from a file's model alone (no libhdf5 call): the planning and writing stages. A model read
    /// with <see cref="H5FileModelOptions.ReadScalarStrings"/> and <see cref="H5FileModelOptions.ReadReferenceTargets"/>
    /// gives the same classes as the file; without them, summaries are left out and references stay raw.</summary>
    /// <param name="model">The file's model, from its root group.</param>
    /// <param name="options">Options (namespace, class name, lazy datasets, paths).</param>
    /// <param name="lowBound">The format bound the file was created with (kept on the <c>[H5File]</c> class).</param>
    public static H5ScaffoldResult Scaffold(H5FileModel model, H5ScaffoldOptions? options = null, H5LibraryVersion lowBound = H5LibraryVersion.Earliest)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new H5ScaffoldOptions();
        var plan = H5ClassPlanner.Plan(model, lowBound, options);
        return H5ScaffoldWriter.Write(plan, options.Namespace);
    }

    /// <summary>The first stage: the file's model with what planning needs beyond the structure (scalar string
    /// attributes for summaries, reference targets for mapped references and regions).</summary>
    internal static H5FileModel ReadModel(H5File file, IProgress<H5Progress>? progress) =>
        H5FileModel.Read(file, new H5FileModelOptions { ReadScalarStrings = true, ReadReferenceTargets = true, Progress = progress });
}
