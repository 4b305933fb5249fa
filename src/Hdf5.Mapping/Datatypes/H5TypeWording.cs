using System.Globalization;

namespace Hdf5.Mapping;

/// <summary>
/// The one wording of a datatype, used wherever a type is shown: <see cref="H5TypeDescriptor.ToString"/> (and so
/// <see cref="H5Datatype.ToString"/>, exception messages, <see cref="H5Listing"/>, the <c>h5m</c> tool) and the
/// expected types of a schema. Numbers read as numpy names them (<c>int32</c>, <c>float64</c>), the rest in words.
/// A part the caller does not know (a schema that accepts any length) is left out.
/// </summary>
internal static class H5TypeWording
{
    private const int MaxEnumMembersShown = 10;

    public static string Integer(bool signed, long size, H5ByteOrder? order = null, int precision = 0, int bitOffset = 0) =>
        (signed ? "int" : "uint") + Bits(size) + Details(order, size, precision, bitOffset);

    public static string Float(long size, H5ByteOrder? order = null) => "float" + Bits(size) + Details(order, size, 0, 0);

    public static string CustomFloat(long size, H5ByteOrder order, H5FloatLayout layout) =>
        string.Create(CultureInfo.InvariantCulture,
            $"float ({size} bytes{OrderText(order)}, sign bit {layout.SignPosition}, {layout.ExponentSize}-bit exponent at {layout.ExponentPosition} biased by {layout.ExponentBias}, {layout.MantissaSize}-bit mantissa at {layout.MantissaPosition})");

    public static string Bitfield(long size, H5ByteOrder? order = null) =>
        string.Create(CultureInfo.InvariantCulture, $"bitfield ({size * 8} bits{OrderText(order)})");

    public static string Time(long size) => string.Create(CultureInfo.InvariantCulture, $"time ({size} bytes)");

    public const string Boolean = "bool";

    /// <summary><c>string (variable length, UTF-8)</c>, <c>string (fixed, 8 bytes, ASCII)</c>; null parts are unknown.</summary>
    public static string String(bool variable, long length, H5CharSet? charSet = null, H5StringPadding? padding = null)
    {
        var parts = new List<string>(3) { variable ? "variable length" : length > 0 ? $"fixed, {length.ToString(CultureInfo.InvariantCulture)} bytes" : "fixed length" };
        if (charSet is { } cs) parts.Add(cs == H5CharSet.Utf8 ? "UTF-8" : "ASCII");
        // NUL padding is what numpy and h5py write; only the other paddings are worth a word.
        if (!variable && padding is H5StringPadding.NullTerminated) parts.Add("NUL-terminated");
        if (!variable && padding is H5StringPadding.SpacePad) parts.Add("space-padded");
        return "string (" + string.Join(", ", parts) + ")";
    }

    /// <summary><c>enum of int8 {RED = 0, GREEN = 1}</c>, or <c>enum (4 bytes)</c> when only the size is known.</summary>
    public static string Enum(string? baseText, long size, IEnumerable<(string Name, string? Value)>? members)
    {
        var head = baseText is null ? $"enum ({size.ToString(CultureInfo.InvariantCulture)} byte{(size == 1 ? "" : "s")})" : "enum of " + baseText;
        if (members is null) return head;
        var list = members.ToList();
        var shown = list.Take(MaxEnumMembersShown).Select(m => m.Value is null ? m.Name : $"{m.Name} = {m.Value}");
        var more = list.Count > MaxEnumMembersShown ? $", … ({list.Count} members)" : "";
        return head + " {" + string.Join(", ", shown) + more + "}";
    }

    /// <summary><c>compound {x: int32, y: float64}</c>, or <c>compound (16 bytes)</c> without members.</summary>
    public static string Compound(long size, IEnumerable<(string Name, string Type)> members)
    {
        var list = members.Select(m => $"{m.Name}: {m.Type}").ToList();
        return list.Count == 0 ? $"compound ({size.ToString(CultureInfo.InvariantCulture)} bytes)" : "compound {" + string.Join(", ", list) + "}";
    }

    /// <summary><c>array (2, 3) of float64</c> (the dimensions as numpy writes a shape).</summary>
    public static string Array(IReadOnlyList<long> dims, string baseText) => $"array {H5Shape.Format(dims.ToArray())} of {baseText}";

    /// <summary><c>variable-length sequence of int32</c> (h5py: <c>vlen_dtype</c>).</summary>
    public static string Sequence(string baseText) => "variable-length sequence of " + baseText;

    public static string Opaque(long size, string? tag) =>
        string.Create(CultureInfo.InvariantCulture, $"opaque ({size} bytes{(string.IsNullOrEmpty(tag) ? "" : $", tag \"{tag}\"")})");

    public static string Reference(H5ReferenceKind kind) => kind switch
    {
        H5ReferenceKind.Object => "object reference",
        H5ReferenceKind.DatasetRegion => "region reference",
        _ => "reference (H5R_ref_t of libhdf5 1.12+)",
    };

    private static string Bits(long size) => (size * 8).ToString(CultureInfo.InvariantCulture);

    private static string OrderText(H5ByteOrder? order) => order switch
    {
        H5ByteOrder.BigEndian => ", big-endian",
        H5ByteOrder.Vax => ", VAX order",
        H5ByteOrder.Mixed => ", mixed order",
        _ => "",
    };

    // "(big-endian, 12-bit precision at bit 4)": only what differs from a plain little-endian type.
    private static string Details(H5ByteOrder? order, long size, int precision, int bitOffset)
    {
        var parts = new List<string>(2);
        var o = OrderText(order);
        if (o.Length > 0) parts.Add(o[2..]);
        if ((precision != 0 && precision != size * 8) || bitOffset != 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{precision}-bit precision at bit {bitOffset}"));
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
