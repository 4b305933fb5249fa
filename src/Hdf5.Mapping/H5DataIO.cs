using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The one funnel through which element data moves between .NET memory and libhdf5, for datasets and
/// attributes alike. Numeric and struct data are never touched element by element: the caller's memory is
/// pinned and handed to <c>H5Dread</c>/<c>H5Dwrite</c>, which convert and copy once.
/// Strings are the exception by nature: they are encoded/decoded between UTF-8 and .NET strings.
/// </summary>
internal abstract partial class H5DataIO : IDisposable
{
    // Almost every object is read or written as one .NET type: that plan sits in a field, and a dictionary is made
    // only for a second one (small objects are opened by the thousand, and each dictionary costs a kilobyte).
    private sealed record PlanEntry(Type Type, bool Writing, H5TransferPlan Plan);

    private PlanEntry? _firstPlan;
    private System.Collections.Concurrent.ConcurrentDictionary<(Type, bool), H5TransferPlan>? _morePlans;
    private H5TypeDescriptor? _fileDescriptor;

    /// <summary>Describes the object in messages ("dataset '/a/b'").</summary>
    public abstract string What { get; }

    /// <summary>The path of the object, named by corrupt-file exceptions.</summary>
    public virtual string? ObjectPath => null;

    /// <summary>The stored datatype (owned by the caller of this funnel).</summary>
    public abstract DatatypeId FileType { get; }

    /// <summary>What the stored datatype is (read once).</summary>
    public H5TypeDescriptor FileDescriptor => _fileDescriptor ??= H5TypeReader.Read(FileType);

    /// <summary>Reads the selection (<paramref name="elements"/> stored elements) into <paramref name="buffer"/> as <paramref name="memType"/>.</summary>
    protected abstract unsafe int ReadNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, long elements, void* buffer);

    /// <summary>Writes <paramref name="buffer"/> (<paramref name="elements"/> elements of <paramref name="memType"/>) to the selection.</summary>
    protected abstract unsafe int WriteNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, long elements, void* buffer);

    /// <summary>The exception for a failed read or write (<paramref name="doing"/> says which): the error table's, unless
    /// the object knows more (a dataset names a missing filter from its pipeline).</summary>
    protected virtual Exception Failure(H5ErrorStack stack, string doing) => H5ErrorTable.Create(stack, doing, ObjectPath);

    /// <summary>How <typeparamref name="T"/> values are read from (or written to) this object: checked once per .NET type.</summary>
    public H5TransferPlan Plan<T>(bool writing) where T : unmanaged
    {
        if (_firstPlan is { } first && first.Type == typeof(T) && first.Writing == writing) return first.Plan;
        if (_morePlans is { } more && more.TryGetValue((typeof(T), writing), out var known)) return known;
        using var scope = H5Library.Enter();
        // The common case, a location stored exactly as T, is one comparison instead of describing the stored type.
        var plan = IsStoredAs(H5TypeMap.MemoryType<T>()) ? H5TransferPlan.Identical<T>()
            : writing ? H5TransferPlan.ForWrite<T>(FileType, FileDescriptor, What) : H5TransferPlan.ForRead<T>(FileType, FileDescriptor, What);
        if (Interlocked.CompareExchange(ref _firstPlan, new PlanEntry(typeof(T), writing, plan), null) is null) return plan;
        if (_firstPlan is { } raced && raced.Type == typeof(T) && raced.Writing == writing)
        {
            plan.Dispose();
            return raced.Plan;
        }
        Interlocked.CompareExchange(ref _morePlans, new(), null);
        if (_morePlans.TryAdd((typeof(T), writing), plan)) return plan;
        plan.Dispose();
        return _morePlans[(typeof(T), writing)];
    }

    /// <summary>The memory type a plan found the stored type equal to, if any.</summary>
    protected DatatypeId? IdenticalMemoryType { get; private set; }

    /// <summary>Says that the stored type is <paramref name="memoryType"/> (the creator of the object knows it), so
    /// that plans for it need not ask libhdf5.</summary>
    public void AssumeStoredAs(DatatypeId memoryType) => IdenticalMemoryType = memoryType;

    private bool IsStoredAs(DatatypeId memoryType)
    {
        if (memoryType == IdenticalMemoryType) return true;
        var equal = H5T.Equal(FileType, memoryType);
        if (equal > 0) IdenticalMemoryType = memoryType;
        if (equal >= 0) return equal > 0;
        H5ErrorStack.Capture(); // not comparable: the full description decides
        return false;
    }

    /// <summary>Reads <paramref name="valueCount"/> values of <typeparamref name="T"/> (stored elements times
    /// <see cref="H5TransferPlan.ValuesPerElement"/>) into <paramref name="destination"/>.</summary>
    public unsafe void Read<T>(ref T destination, long valueCount, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        var plan = Plan<T>(writing: false);
        if (valueCount == 0) return;
        fixed (T* p = &destination)
        {
            if (H5ChildProgress.Enabled) H5ChildProgress.Report($"reading {What}");
            H5ConversionGuard.Reset();
            if (ReadNative(plan.MemoryType, memSpace, fileSpace, valueCount / plan.ValuesPerElement, p) < 0) ThrowRead();
        }
    }

    /// <summary>Writes <paramref name="valueCount"/> values from <paramref name="source"/> (stored elements times
    /// <see cref="H5TransferPlan.ValuesPerElement"/>).</summary>
    public unsafe void Write<T>(ref readonly T source, long valueCount, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        var plan = Plan<T>(writing: true);
        if (plan.ChecksEnumValues) plan.CheckEnumValues(MemoryMarshal.CreateReadOnlySpan(in source, checked((int)valueCount)), What);
        if (valueCount == 0) return;
        fixed (T* p = &source)
        {
            H5ConversionGuard.Reset();
            if (WriteNative(plan.MemoryType, memSpace, fileSpace, valueCount / plan.ValuesPerElement, p) < 0) ThrowWrite();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void ThrowRead()
    {
        var refused = H5ConversionGuard.Refused();
        var stack = H5ErrorStack.Capture();
        if (refused is not null) throw new H5TypeMismatchException($"Reading {What}: {refused}.", stack);
        throw Failure(stack, $"Reading {What}");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void ThrowWrite()
    {
        var refused = H5ConversionGuard.Refused();
        var stack = H5ErrorStack.Capture();
        if (refused is not null) throw new H5TypeMismatchException($"Writing {What}: {refused}.", stack);
        throw Failure(stack, $"Writing {What}");
    }

    /// <summary>Releases the memory types the plans own.</summary>
    public virtual void Dispose()
    {
        Interlocked.Exchange(ref _firstPlan, null)?.Plan.Dispose();
        if (Interlocked.Exchange(ref _morePlans, null) is { } more)
            foreach (var plan in more.Values) plan.Dispose();
    }

    // ---- strings ----------------------------------------------------------------------------------

    private H5StringType StringType(string doing) =>
        FileDescriptor as H5StringType ?? throw new H5TypeMismatchException($"{What} stores {FileDescriptor}; {doing}.");

    public unsafe string[] ReadStrings(long count, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var type = StringType("it holds no strings");
        var result = new string[H5Shape.ArrayLength(count, What)];
        if (count == 0) return result;
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"reading {What}");
        if (type.IsVariableLength)
        {
            using var unusual = type.CharSet is H5CharSet.Ascii or H5CharSet.Utf8 ? null : H5TypeMap.CreateVariableString((H5T.Cset)type.CharSet);
            var memType = unusual ?? H5TypeMap.VariableString((H5T.Cset)type.CharSet);
            var pointers = new nint[count];
            fixed (nint* p = pointers)
            {
                if (ReadNative(memType, memSpace, fileSpace, count, p) < 0) ThrowRead();
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

        var bytes = ReadFixed(type, count, memSpace, fileSpace);
        var size = (int)type.Size;
        for (long i = 0; i < count; i++)
            result[i] = DecodeFixed(bytes.AsSpan((int)(i * size), size), type.Padding);
        return result;
    }

    public byte[][] ReadFixedStringBytes(long count, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var type = StringType("it holds no fixed-length strings");
        if (type.IsVariableLength) throw new H5TypeMismatchException($"{What} stores {type}, not fixed-length strings.");
        var bytes = ReadFixed(type, count, memSpace, fileSpace);
        var size = (int)type.Size;
        var result = new byte[count][];
        for (long i = 0; i < count; i++)
            result[i] = TrimFixed(bytes.AsSpan((int)(i * size), size), type.Padding).ToArray();
        return result;
    }

    private unsafe byte[] ReadFixed(H5StringType type, long count, DataspaceId memSpace, DataspaceId fileSpace)
    {
        using var fixedType = H5TypeMap.CreateFixedString((int)type.Size, (H5T.Cset)type.CharSet, (H5T.Str)type.Padding);
        var bytes = new byte[checked(count * type.Size)];
        fixed (byte* p = bytes)
            if (count > 0 && ReadNative(fixedType, memSpace, fileSpace, count, p) < 0) ThrowRead();
        return bytes;
    }

    internal static ReadOnlySpan<byte> TrimFixed(ReadOnlySpan<byte> s, H5StringPadding pad)
    {
        if (pad == H5StringPadding.SpacePad) return s.TrimEnd((byte)' ');
        var nul = s.IndexOf((byte)0);
        return nul < 0 ? s : s[..nul]; // NULLTERM and NULLPAD both end at the first NUL (numpy bytes semantics)
    }

    private static string DecodeFixed(ReadOnlySpan<byte> s, H5StringPadding pad) => Encoding.UTF8.GetString(TrimFixed(s, pad));

    public unsafe void WriteStrings(ReadOnlySpan<string> values, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var type = StringType("strings cannot be written to it");
        if (values.Length == 0) return;
        if (type.CharSet == H5CharSet.Ascii)
            foreach (var v in values)
                if (v is not null && !Ascii.IsValid(v))
                    throw new ArgumentException($"{What} stores ASCII strings; '{v}' has non-ASCII characters.", nameof(values));
        if (type.IsVariableLength) WriteVariableStrings(type, values, memSpace, fileSpace);
        else WriteFixedStrings(type, values, memSpace, fileSpace);
    }

    private unsafe void WriteVariableStrings(H5StringType type, ReadOnlySpan<string> values, DataspaceId memSpace, DataspaceId fileSpace)
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
            using var unusual = type.CharSet is H5CharSet.Ascii or H5CharSet.Utf8 ? null : H5TypeMap.CreateVariableString((H5T.Cset)type.CharSet);
            var memType = unusual ?? H5TypeMap.VariableString((H5T.Cset)type.CharSet);
            if (WriteNative(memType, memSpace, fileSpace, values.Length, table) < 0) ThrowWrite();
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }

    private unsafe void WriteFixedStrings(H5StringType type, ReadOnlySpan<string> values, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var size = (int)type.Size;
        var bytes = new byte[checked((long)values.Length * size)];
        if (type.Padding == H5StringPadding.SpacePad) bytes.AsSpan().Fill((byte)' ');
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
        using var fixedType = H5TypeMap.CreateFixedString(size, (H5T.Cset)type.CharSet, (H5T.Str)type.Padding);
        fixed (byte* p = bytes)
            if (WriteNative(fixedType, memSpace, fileSpace, values.Length, p) < 0) ThrowWrite();
    }
}
