using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The one funnel through which element data moves between .NET memory and libhdf5, for datasets and
/// attributes alike. Numeric and struct data are never touched element by element: the caller's memory is
/// pinned and handed to <c>H5Dread</c>/<c>H5Dwrite</c>, which convert and copy once (style habit 5).
/// Strings are the exception by nature: they are encoded/decoded between UTF-8 and .NET strings.
/// </summary>
internal abstract class H5DataIO
{
    /// <summary>Describes the object in messages ("dataset '/a/b'").</summary>
    public abstract string What { get; }

    /// <summary>The stored datatype (owned by the caller of this funnel).</summary>
    public abstract DatatypeId FileType { get; }

    /// <summary>Reads the selection into <paramref name="buffer"/> as <paramref name="memType"/>.</summary>
    protected abstract unsafe int ReadNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, void* buffer);

    /// <summary>Writes <paramref name="buffer"/> of <paramref name="memType"/> to the selection.</summary>
    protected abstract unsafe int WriteNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, void* buffer);

    /// <summary>Called when a read failed, to turn a generic failure into a precise one (missing filters).</summary>
    protected virtual Exception? DiagnoseReadFailure(H5ErrorStack stack) => null;

    public unsafe void Read<T>(ref T destination, long count, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        var memType = H5TypeMap.ForRead<T>(FileType, What, out var owned);
        using (owned)
        {
            if (count == 0) return;
            fixed (T* p = &destination)
            {
                if (ReadNative(memType, memSpace, fileSpace, p) < 0) ThrowRead();
            }
        }
    }

    public unsafe void Write<T>(ref readonly T source, long count, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        var memType = H5TypeMap.ForWrite<T>(FileType, What);
        if (count == 0) return;
        fixed (T* p = &source)
        {
            if (WriteNative(memType, memSpace, fileSpace, p) < 0) H5Call.Throw($"Writing {What}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowRead()
    {
        var stack = H5ErrorStack.Capture();
        throw DiagnoseReadFailure(stack) ?? H5ErrorTable.Create(stack, $"Reading {What}");
    }

    // ---- strings ----------------------------------------------------------------------------------

    public unsafe string[] ReadStrings(long count, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var fileType = FileType;
        if (H5T.GetClass(fileType) != H5T.Class.String)
            throw new H5TypeMismatchException($"{What} stores {H5TypeMap.Describe(fileType)}, not strings.");
        var result = new string[count];
        if (count == 0) return result;
        var cset = H5T.GetCset(fileType);
        if (H5Call.CheckBool(H5T.IsVariableStr(fileType)))
        {
            using var memType = H5TypeMap.CreateVariableString(cset);
            var pointers = new nint[count];
            fixed (nint* p = pointers)
            {
                if (ReadNative(memType, memSpace, fileSpace, p) < 0) ThrowRead();
                try
                {
                    for (long i = 0; i < count; i++)
                        result[i] = H5Call.FromCString((byte*)p[i]);
                }
                finally
                {
                    // libhdf5 allocated each string; give them back through its allocator.
                    for (long i = 0; i < count; i++)
                        if (p[i] != 0) H5.FreeMemory((void*)p[i]);
                }
            }
            return result;
        }

        var size = (int)H5T.GetSize(fileType);
        var pad = H5T.GetStrpad(fileType);
        using var fixedType = H5TypeMap.CreateFixedString(size, cset, pad);
        var bytes = new byte[checked(count * size)];
        fixed (byte* p = bytes)
            if (ReadNative(fixedType, memSpace, fileSpace, p) < 0) ThrowRead();
        for (long i = 0; i < count; i++)
            result[i] = DecodeFixed(bytes.AsSpan((int)(i * size), size), pad);
        return result;
    }

    public unsafe byte[][] ReadFixedStringBytes(long count, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var fileType = FileType;
        if (H5T.GetClass(fileType) != H5T.Class.String || H5Call.CheckBool(H5T.IsVariableStr(fileType)))
            throw new H5TypeMismatchException($"{What} stores {H5TypeMap.Describe(fileType)}, not fixed-length strings.");
        var size = (int)H5T.GetSize(fileType);
        var pad = H5T.GetStrpad(fileType);
        using var fixedType = H5TypeMap.CreateFixedString(size, H5T.GetCset(fileType), pad);
        var bytes = new byte[checked(count * size)];
        fixed (byte* p = bytes)
            if (count > 0 && ReadNative(fixedType, memSpace, fileSpace, p) < 0) ThrowRead();
        var result = new byte[count][];
        for (long i = 0; i < count; i++)
            result[i] = TrimFixed(bytes.AsSpan((int)(i * size), size), pad).ToArray();
        return result;
    }

    internal static ReadOnlySpan<byte> TrimFixed(ReadOnlySpan<byte> s, H5T.Str pad)
    {
        if (pad == H5T.Str.SpacePad) return s.TrimEnd((byte)' ');
        var nul = s.IndexOf((byte)0);
        return nul < 0 ? s : s[..nul]; // NULLTERM and NULLPAD both end at the first NUL (numpy bytes semantics)
    }

    private static string DecodeFixed(ReadOnlySpan<byte> s, H5T.Str pad) => Encoding.UTF8.GetString(TrimFixed(s, pad));

    public unsafe void WriteStrings(ReadOnlySpan<string> values, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var fileType = FileType;
        if (H5T.GetClass(fileType) != H5T.Class.String)
            throw new H5TypeMismatchException($"{What} stores {H5TypeMap.Describe(fileType)}; strings cannot be written to it.");
        if (values.Length == 0) return;
        var cset = H5T.GetCset(fileType);
        if (cset == H5T.Cset.Ascii)
            foreach (var v in values)
                if (v is not null && !Ascii.IsValid(v))
                    throw new ArgumentException($"{What} stores ASCII strings; '{v}' has non-ASCII characters.", nameof(values));

        if (H5Call.CheckBool(H5T.IsVariableStr(fileType)))
        {
            // One unmanaged block holds every string, NUL-terminated, followed by the pointer table.
            long total = 0;
            foreach (var v in values) total += Encoding.UTF8.GetByteCount(v ?? string.Empty) + 1;
            var block = (byte*)NativeMemory.Alloc((nuint)(total + values.Length * sizeof(nint)));
            try
            {
                var table = (nint*)(block + total);
                var cursor = block;
                for (int i = 0; i < values.Length; i++)
                {
                    var s = values[i] ?? string.Empty;
                    var n = Encoding.UTF8.GetBytes(s, new Span<byte>(cursor, (int)(total - (cursor - block))));
                    cursor[n] = 0;
                    table[i] = (nint)cursor;
                    cursor += n + 1;
                }
                using var memType = H5TypeMap.CreateVariableString(cset);
                if (WriteNative(memType, memSpace, fileSpace, table) < 0) H5Call.Throw($"Writing {What}");
            }
            finally
            {
                NativeMemory.Free(block);
            }
            return;
        }

        var size = (int)H5T.GetSize(fileType);
        var pad = H5T.GetStrpad(fileType);
        var bytes = new byte[checked((long)values.Length * size)];
        if (pad == H5T.Str.SpacePad) bytes.AsSpan().Fill((byte)' ');
        for (int i = 0; i < values.Length; i++)
        {
            var s = values[i] ?? string.Empty;
            var slot = bytes.AsSpan(i * size, size);
            // A NULLTERM value that fills the whole type is stored without its terminator, as libhdf5 and h5py read it
            // (netCDF's NC_CHAR attributes and the HUG23 tutorial's 8-byte "0.000000" are stored so).
            var needed = Encoding.UTF8.GetByteCount(s);
            if (needed > size)
                throw new ArgumentException($"'{s}' needs {needed} bytes but {What} stores fixed-length strings of {size} bytes.", nameof(values));
            Encoding.UTF8.GetBytes(s, slot);
        }
        using var fixedType = H5TypeMap.CreateFixedString(size, cset, pad);
        fixed (byte* p = bytes)
            if (WriteNative(fixedType, memSpace, fileSpace, p) < 0) H5Call.Throw($"Writing {What}");
    }
}
