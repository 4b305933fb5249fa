using System.Globalization;

namespace Hdf5.Mapping;

/// <summary>Finds enum values that are not members of their enum type in elements laid out as a memory type
/// describes them (native byte order), wherever the enums sit: alone, in compounds or in arrays.</summary>
internal static class H5EnumValues
{
    /// <summary>Whether values of <paramref name="type"/> hold an enum other than h5py's bool (whose values .NET keeps to 0 and 1).</summary>
    public static bool Contains(H5TypeDescriptor type) => type switch
    {
        H5EnumType e => !e.IsBoolean,
        H5CompoundType c => c.Members.Any(m => Contains(m.Type)),
        H5ArrayType a => Contains(a.BaseType),
        _ => false,
    };

    /// <summary>A description of the first undefined enum value in <paramref name="element"/>, or null when every value is a member.</summary>
    public static string? FindUndefined(H5TypeDescriptor type, ReadOnlySpan<byte> element, string path)
    {
        switch (type)
        {
            case H5EnumType e when !e.IsBoolean:
                var value = H5TypeReader.DecodeInteger(element[..(int)e.Size], e.BaseType);
                if (e.NameOf(value) is not null) return null;
                var where = path.Length == 0 ? "" : $" in member '{path}'";
                return $"the value {value.ToString(CultureInfo.InvariantCulture)}{where}, which is not a member of {e} (an HDF5 enum holds only its members)";
            case H5CompoundType c:
                foreach (var m in c.Members)
                    if (FindUndefined(m.Type, element.Slice((int)m.Offset, (int)m.Type.Size), path.Length == 0 ? m.Name : path + "." + m.Name) is { } bad)
                        return bad;
                return null;
            case H5ArrayType a:
                var size = (int)a.BaseType.Size;
                for (long i = 0; i < a.ElementCount; i++)
                    if (FindUndefined(a.BaseType, element.Slice((int)(i * size), size), $"{path}[{i}]") is { } bad)
                        return bad;
                return null;
            default:
                return null;
        }
    }
}
