namespace Hdf5.Mapping;

/// <summary>A file does not match a mapped type: a required member is missing or has the wrong kind.
/// The message names the HDF5 path.</summary>
public sealed class H5MappingException(string path, string message) : Exception($"{path}: {message}")
{
    /// <summary>The HDF5 path of the offending member.</summary>
    public string Path { get; } = path;
}
