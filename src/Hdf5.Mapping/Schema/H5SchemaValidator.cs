namespace Hdf5.Mapping.Schema;

/// <summary>Options of <see cref="H5SchemaValidator"/>.</summary>
public sealed class H5ValidationOptions
{
    /// <summary>Report groups, datasets and attributes the schema does not describe, as warnings (default true).</summary>
    public bool ReportExtras { get; init; } = true;

    /// <summary>Receives <see cref="H5ProgressUnit.Objects"/> as each object is checked, out of the file's object count
    /// (objects the schema does not describe count as checked when they are reported, with what is below them).</summary>
    public IProgress<H5Progress>? Progress { get; init; }

    /// <summary>Accept integers of any width and signedness where the schema expects integers, when every stored value
    /// fits the expected type (as a mapped read converts them): h5py writes numpy's default int64 for Python ints, e.g. in
    /// <c>*_indices</c> datasets. Off by default: a differing width is an error that names this option.</summary>
    public bool AcceptAnyIntegerWidth { get; init; }

    /// <summary>Accept strings of any kind (variable or fixed length, any length) where the schema expects strings: a mapped
    /// read decodes both. h5py writes <c>np.bytes_</c> values as fixed-length strings. Off by default: a differing string
    /// kind is an error that names this option.</summary>
    public bool AcceptAnyStringKind { get; init; }
}

/// <summary>
/// Compares a file with a <see cref="H5GroupSchema"/> and reports every difference, with its path: missing and extra
/// objects and attributes, wrong object kinds, datatypes, string kinds, ranks and fixed shapes, missing filters,
/// datasets that should be scales and scales that are not attached. Nothing is written; the file may be read-only.
/// Generated <c>Read</c> methods use it to explain a failed read; data producers can run it in CI
/// (<c>h5m validate file.h5 --schema Assembly.dll:Type</c>).
/// </summary>
public static class H5SchemaValidator
{
    // Attributes netCDF-4 maintains itself (as H5DS does its own): never "extra".
    private static readonly HashSet<string> s_netcdfBookkeeping = ["_Netcdf4Dimid", "_Netcdf4Coordinates", "_NCProperties"];

    /// <summary>Opens <paramref name="path"/> read-only and validates the whole file against <paramref name="schema"/>.</summary>
    public static H5ValidationResult Validate(string path, H5GroupSchema schema, H5ValidationOptions? options = null)
    {
        using var file = H5File.Open(path);
        return Validate(file, schema, options);
    }

    /// <summary>Validates <paramref name="group"/> (a file's root or any group) against <paramref name="schema"/>.</summary>
    public static H5ValidationResult Validate(H5Group group, H5GroupSchema schema, H5ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(schema);
        var differences = new List<H5SchemaDifference>();
        options ??= new H5ValidationOptions();
        var model = H5FileModel.Read(group, new H5FileModelOptions { Progress = options.Progress });
        new H5SchemaWalker(differences, options, model, group.File).Group(model.Root, group.Name, schema);
        return new H5ValidationResult(group.File.Filename, differences);
    }

    /// <summary>Explains a failed mapped read: when <paramref name="group"/> does not match <paramref name="schema"/>, returns an
    /// <see cref="H5MappingException"/> listing every error, with <paramref name="failure"/> inside; otherwise null (the failure
    /// has another cause and should propagate as it is). Generated <c>Read</c> methods call this in an exception filter.</summary>
    public static H5MappingException? Explain(H5Group group, H5GroupSchema schema, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure is OutOfMemoryException or OperationCanceledException || (failure is H5MappingException { Differences.Count: > 0 })) return null;
        try
        {
            var result = Validate(group, schema, new H5ValidationOptions { ReportExtras = false });
            return result.IsValid ? null : result.ToException(failure);
        }
        catch (Exception) when (failure is not null)
        {
            return null; // the check itself failed (a broken file): the original failure says more
        }
    }
}
