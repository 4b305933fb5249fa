using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Hdf5.Mapping.Generators;

/// <summary>Text the emitter writes from user data. An HDF5 name may hold any character ('"', '\', newlines,
/// unicode), so every name goes through here: as a string literal, in a // comment, or in an XML doc comment.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal of <paramref name="value"/> (Roslyn's own escaping).</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A name as written in a // comment: its literal form, so a newline cannot end the comment.</summary>
    public static string InComment(string value) => Literal(value);

    /// <summary>A name as written in an XML doc comment: its literal form, XML-escaped.</summary>
    public static string InDoc(string value) =>
        Literal(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A double as a C# literal.</summary>
    public static string Literal(double value) =>
        double.IsNaN(value) ? "double.NaN"
        : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
        : value.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>"new long[] { 1, 2 }".</summary>
    public static string LongArray(System.Collections.Generic.IEnumerable<long> values) =>
        "new long[] { " + string.Join(", ", values) + " }";

    /// <summary>A name made into an identifier fragment for generated locals: "__" + camelCase of the property name.</summary>
    public static string Local(string propertyName) =>
        "__" + char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
}
