using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping;

/// <summary>A file does not match a mapped type: a required member is missing or has the wrong kind.
/// The message names the HDF5 path; when a schema check explains the failure, <see cref="Differences"/> lists every difference.</summary>
public sealed class H5MappingException : Exception
{
    /// <summary>Creates the exception for one path.</summary>
    public H5MappingException(string path, string message) : base($"{path}: {message}") => Path = path;

    /// <summary>Creates the exception from a schema check: <paramref name="message"/> is the whole report.</summary>
    public H5MappingException(string path, string message, Exception? inner, IReadOnlyList<H5SchemaDifference> differences) : base(message, inner)
    {
        Path = path;
        Differences = differences;
    }

    /// <summary>The HDF5 path of the (first) offending member.</summary>
    public string Path { get; }

    /// <summary>Every difference a schema check found; empty when the exception names one path only.</summary>
    public IReadOnlyList<H5SchemaDifference> Differences { get; } = [];
}
