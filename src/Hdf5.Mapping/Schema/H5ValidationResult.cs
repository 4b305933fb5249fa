using System.Collections;
using System.Text;

namespace Hdf5.Mapping.Schema;

/// <summary>Every difference found between a file and a schema, in file order. Empty when the file conforms.</summary>
public sealed class H5ValidationResult : IReadOnlyList<H5SchemaDifference>
{
    private readonly List<H5SchemaDifference> _differences;

    internal H5ValidationResult(string fileName, List<H5SchemaDifference> differences)
    {
        FileName = fileName;
        _differences = differences;
    }

    /// <summary>The file that was checked.</summary>
    public string FileName { get; }

    /// <summary>True when there is no error (warnings, such as extra objects, are allowed).</summary>
    public bool IsValid => !_differences.Any(d => d.Severity == H5DifferenceSeverity.Error);

    /// <summary>The differences that make the file non-conforming.</summary>
    public IEnumerable<H5SchemaDifference> Errors => _differences.Where(d => d.Severity == H5DifferenceSeverity.Error);

    /// <summary>The differences that do not (extra objects and attributes).</summary>
    public IEnumerable<H5SchemaDifference> Warnings => _differences.Where(d => d.Severity == H5DifferenceSeverity.Warning);

    /// <inheritdoc/>
    public int Count => _differences.Count;

    /// <inheritdoc/>
    public H5SchemaDifference this[int index] => _differences[index];

    /// <summary>Throws <see cref="H5MappingException"/> listing every error, when there is one.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw ToException(null);
    }

    internal H5MappingException ToException(Exception? inner)
    {
        var errors = Errors.ToArray();
        var text = new StringBuilder();
        text.Append($"{FileName} does not match the schema ({errors.Length} error{(errors.Length == 1 ? "" : "s")}):");
        foreach (var e in errors) text.AppendLine().Append("  ").Append(e.Path).Append(" [").Append(e.Kind).Append("] ").Append(e.Message);
        return new H5MappingException(errors[0].Path, text.ToString(), inner, errors);
    }

    /// <inheritdoc/>
    public IEnumerator<H5SchemaDifference> GetEnumerator() => _differences.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One line per difference; "conforms" when there is none.</summary>
    public override string ToString() =>
        _differences.Count == 0 ? $"{FileName}: conforms" : string.Join(Environment.NewLine, _differences.Select(d => d.ToString()));
}
