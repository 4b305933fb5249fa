using System.Runtime.CompilerServices;
using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>A blittable value copied as it is (numbers, bool, enums, registered or measured structs); enum values
/// that are not members are refused when written.</summary>
internal sealed class H5RawElement<T> : H5ElementType<T>
{
    private readonly bool _checksEnums;

    public H5RawElement() : base(H5TypeMap.MemoryType(typeof(T), Unsafe.SizeOf<T>()), Unsafe.SizeOf<T>()) =>
        _checksEnums = H5EnumValues.Contains(Description);

    internal override unsafe void Encode(in T value, byte* destination, H5NativeArena arena)
    {
        Unsafe.WriteUnaligned(destination, value);
        if (_checksEnums && H5EnumValues.FindUndefined(Description, new ReadOnlySpan<byte>(destination, Size), "") is { } bad)
            throw new ArgumentException($"A {typeof(T).Name} value holds {bad}.");
    }

    internal override unsafe T Decode(byte* source) => Unsafe.ReadUnaligned<T>(source);
}

/// <summary>A string, variable length (a pointer to NUL-terminated bytes) or fixed length (padded bytes in place).</summary>
internal sealed class H5StringElement : H5ElementType<string>
{
    private readonly H5CharSet _charSet;
    private readonly int _fixedSize;
    private readonly H5StringPadding _padding;

    /// <summary>A string element; <paramref name="fixedSize"/> 0 means variable length.</summary>
    public H5StringElement(H5CharSet charSet, int fixedSize = 0, H5StringPadding padding = H5StringPadding.NullTerminated)
        : base(Create(charSet, fixedSize, padding), fixedSize == 0 ? IntPtr.Size : fixedSize)
    {
        _charSet = charSet;
        _fixedSize = fixedSize;
        _padding = padding;
    }

    private static DatatypeId Create(H5CharSet charSet, int fixedSize, H5StringPadding padding)
    {
        using var scope = H5Library.Enter();
        return fixedSize == 0
            ? H5TypeMap.CreateVariableString((H5T.Cset)charSet)
            : H5TypeMap.CreateFixedString(fixedSize, (H5T.Cset)charSet, (H5T.Str)padding);
    }

    internal override bool HasPointers => _fixedSize == 0;

    internal override unsafe void Encode(in string value, byte* destination, H5NativeArena arena)
    {
        var s = value ?? string.Empty;
        if (_charSet == H5CharSet.Ascii && !Ascii.IsValid(s))
            throw new ArgumentException($"'{s}' has non-ASCII characters, but the strings are stored as ASCII.");
        var n = Encoding.UTF8.GetByteCount(s);
        if (_fixedSize == 0)
        {
            var bytes = arena.Allocate(n + 1);
            Encoding.UTF8.GetBytes(s, new Span<byte>(bytes, n));
            *(byte**)destination = bytes;
            return;
        }
        var slot = new Span<byte>(destination, _fixedSize);
        var needed = n + (_padding == H5StringPadding.NullTerminated ? 1 : 0);
        if (needed > _fixedSize)
            throw new ArgumentException($"'{s}' needs {needed} bytes, but the strings are stored in {_fixedSize}.");
        slot.Fill(_padding == H5StringPadding.SpacePad ? (byte)' ' : (byte)0);
        Encoding.UTF8.GetBytes(s, slot);
    }

    internal override unsafe string Decode(byte* source) => _fixedSize == 0
        ? H5Call.FromCString(*(byte**)source)
        : Encoding.UTF8.GetString(H5DataIO.TrimFixed(new ReadOnlySpan<byte>(source, _fixedSize), _padding));

    internal override unsafe void Free(byte* element)
    {
        var p = *(byte**)element;
        if (_fixedSize == 0 && p != null) H5.FreeMemory(p);
    }

    // libhdf5 does not convert between fixed- and variable-length strings, nor between character sets: take the stored kind.
    internal override H5ElementType<string> Bind(H5TypeDescriptor stored)
    {
        if (stored is not H5StringType s) return this;
        var size = s.IsVariableLength ? 0 : (int)s.Size;
        return size == _fixedSize && s.CharSet == _charSet && (size == 0 || s.Padding == _padding)
            ? this
            : new H5StringElement(s.CharSet, size, s.Padding);
    }
}

/// <summary>Opaque bytes with a tag, as a <c>byte[]</c> of the type's size.</summary>
internal sealed class H5OpaqueElement : H5ElementType<byte[]>
{
    public H5OpaqueElement(int size, string tag) : base(Create(size, tag), size) { }

    private static DatatypeId Create(int size, string tag)
    {
        using var type = H5Datatype.Opaque(size, tag);
        return type.Id.CopyType();
    }

    internal override unsafe void Encode(in byte[] value, byte* destination, H5NativeArena arena)
    {
        if (value is null || value.Length != Size)
            throw new ArgumentException($"Opaque elements have {Size} bytes; a value has {value?.Length ?? 0}.");
        value.AsSpan().CopyTo(new Span<byte>(destination, Size));
    }

    internal override unsafe byte[] Decode(byte* source) => new ReadOnlySpan<byte>(source, Size).ToArray();
}
