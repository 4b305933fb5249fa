namespace Hdf5.Mapping.Schema;

/// <summary>What kind of difference between a file and a schema was found.</summary>
public enum H5DifferenceKind
{
    /// <summary>A required group or dataset is missing.</summary>
    MissingObject,
    /// <summary>The file holds a group or dataset the schema does not describe (a warning).</summary>
    ExtraObject,
    /// <summary>A group was expected and a dataset found, or the other way round.</summary>
    WrongObjectKind,
    /// <summary>A required attribute is missing.</summary>
    MissingAttribute,
    /// <summary>The file holds an attribute the schema does not describe (a warning).</summary>
    ExtraAttribute,
    /// <summary>The datatype differs (kind, size, compound members).</summary>
    WrongType,
    /// <summary>A string is stored variable length where fixed was expected, the other way round, or with another fixed length.</summary>
    WrongStringKind,
    /// <summary>The number of dimensions differs.</summary>
    WrongRank,
    /// <summary>A fixed dimension has another length.</summary>
    WrongShape,
    /// <summary>A filter the schema expects is not in the dataset's pipeline.</summary>
    MissingFilter,
    /// <summary>The dataset should be chunked (it has filters) but is not.</summary>
    NotChunked,
    /// <summary>The dataset should be a dimension scale and is not.</summary>
    NotAScale,
    /// <summary>A dimension scale is not attached to the dimension the schema names.</summary>
    UnattachedScale,
    /// <summary>A dimension's label differs.</summary>
    WrongLabel,
}

/// <summary>How much a difference matters.</summary>
public enum H5DifferenceSeverity
{
    /// <summary>The file does not conform: a mapped read may fail or lose meaning.</summary>
    Error,
    /// <summary>The file holds more than the schema describes; reading is unaffected.</summary>
    Warning,
}

/// <summary>One difference between a file and a schema.</summary>
/// <param name="Path">The HDF5 path of the object, with <c>@name</c> for an attribute (<c>/group/data@units</c>).</param>
/// <param name="Kind">What differs.</param>
/// <param name="Message">A sentence saying what was expected and what was found.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record H5SchemaDifference(string Path, H5DifferenceKind Kind, string Message, H5DifferenceSeverity Severity = H5DifferenceSeverity.Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(Severity == H5DifferenceSeverity.Error ? "error" : "warning")} {Kind} {Path}: {Message}";
}
