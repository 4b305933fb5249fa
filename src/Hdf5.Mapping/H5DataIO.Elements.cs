using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Elements described by an H5ElementType (strings, sequences, compounds with such members) and ragged sequences of
// blittable values. Encoded elements go to libhdf5 in one native buffer per call; what libhdf5 allocates inside the
// elements it reads (variable-length data) is freed through its own allocator once the values are decoded.
internal abstract partial class H5DataIO
{
    private readonly ConcurrentDictionary<(object, bool), object> _bound = new();

    /// <summary><paramref name="type"/> adapted to the stored type and checked against it (once per element type).</summary>
    private H5ElementType<T> Bind<T>(H5ElementType<T> type, bool writing)
    {
        if (_bound.TryGetValue((type, writing), out var cached)) return (H5ElementType<T>)cached;
        using var scope = H5Library.Enter();
        var bound = type.Bind(FileDescriptor);
        var problems = H5TypeCompatibility.Problems(FileDescriptor, bound.Description, writing);
        if (problems.Count > 0)
            throw new H5TypeMismatchException(writing
                ? $"{What} stores {FileDescriptor}; {bound.Description} elements of {typeof(T).Name} cannot be written to it: {string.Join("; ", problems)}."
                : $"{What} stores {FileDescriptor}, which cannot be read as {bound.Description} elements of {typeof(T).Name}: {string.Join("; ", problems)}.");
        return (H5ElementType<T>)_bound.GetOrAdd((type, writing), bound);
    }

    /// <summary>Whether elements of <paramref name="type"/> can be written to the stored type without loss.</summary>
    public bool Accepts<T>(H5ElementType<T> type)
    {
        using var scope = H5Library.Enter();
        return H5TypeCompatibility.Problems(FileDescriptor, type.Bind(FileDescriptor).Description, writing: true).Count == 0;
    }

    public unsafe T[] ReadElements<T>(H5ElementType<T> type, long count, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var bound = Bind(type, writing: false);
        var result = new T[count];
        if (count == 0) return result;
        var size = bound.Size;
        var buffer = (byte*)NativeMemory.AllocZeroed((nuint)(count * size));
        var filled = false;
        try
        {
            H5ConversionGuard.Reset();
            if (ReadNative(bound.MemoryType, memSpace, fileSpace, count, buffer) < 0) ThrowRead();
            filled = true;
            for (long i = 0; i < count; i++) result[i] = bound.Decode(buffer + i * size);
            return result;
        }
        finally
        {
            // What libhdf5 allocated in a buffer it filled is ours to free. After a failed read it is not: libhdf5 1.14
            // frees the sequences of a conversion it abandoned itself, and freeing them again would corrupt the heap.
            if (filled && bound.HasPointers)
                for (long i = 0; i < count; i++) bound.Free(buffer + i * size);
            NativeMemory.Free(buffer);
        }
    }

    public unsafe void WriteElements<T>(H5ElementType<T> type, ReadOnlySpan<T> values, DataspaceId memSpace, DataspaceId fileSpace)
    {
        var bound = Bind(type, writing: true);
        if (values.IsEmpty) return;
        var size = bound.Size;
        var buffer = (byte*)NativeMemory.AllocZeroed((nuint)((long)values.Length * size));
        using var arena = new H5NativeArena();
        try
        {
            // Everything is encoded (and so checked) before libhdf5 is asked to change the file.
            for (int i = 0; i < values.Length; i++)
            {
                try
                {
                    bound.Encode(values[i], buffer + (long)i * size, arena);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"Element {i} written to {What}: {e.Message}", nameof(values), e);
                }
            }
            H5ConversionGuard.Reset();
            if (WriteNative(bound.MemoryType, memSpace, fileSpace, values.Length, buffer) < 0) ThrowWrite();
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }

    // ---- ragged sequences of blittable values -------------------------------------------------------

    private H5SequenceType Sequences<T>(bool writing) where T : unmanaged
    {
        if (FileDescriptor is not H5SequenceType s)
            throw new H5TypeMismatchException($"{What} stores {FileDescriptor}, not variable-length sequences.");
        var problems = H5TypeCompatibility.Problems(s.BaseType, H5TypeMap.DescriptorOf<T>(), writing);
        if (problems.Count > 0)
            throw new H5TypeMismatchException($"{What} stores {s}, whose elements {(writing ? "cannot be written from" : "cannot be read as")} {typeof(T).Name}: {string.Join("; ", problems)}.");
        return s;
    }

    public unsafe H5Ragged<T> ReadRagged<T>(long count, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        Sequences<T>(writing: false);
        var handles = new H5T.Hvl[count];
        if (count == 0) return new H5Ragged<T>([], [0]);
        using var memType = SequenceMemoryType<T>();
        fixed (H5T.Hvl* h = handles)
        {
            try
            {
                H5ConversionGuard.Reset();
                if (ReadNative(memType, memSpace, fileSpace, count, h) < 0) ThrowRead();
                var offsets = new long[count + 1];
                for (long i = 0; i < count; i++) offsets[i + 1] = checked(offsets[i] + (long)h[i].Length);
                var values = new T[checked((int)offsets[count])];
                fixed (T* v = values)
                    for (long i = 0; i < count; i++)
                        Buffer.MemoryCopy(h[i].Pointer, v + offsets[i], ((long)h[i].Length) * sizeof(T), ((long)h[i].Length) * sizeof(T));
                return new H5Ragged<T>(values, offsets);
            }
            finally
            {
                for (long i = 0; i < count; i++)
                    if (h[i].Pointer != null) H5.FreeMemory(h[i].Pointer);
            }
        }
    }

    public unsafe void WriteRagged<T>(H5Ragged<T> ragged, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        Sequences<T>(writing: true);
        var raw = new H5RawElement<T>();
        var count = ragged.Count;
        if (count == 0) return;
        if (H5EnumValues.Contains(raw.Description))
            for (int i = 0; i < ragged.Values.Length; i++)
                if (H5EnumValues.FindUndefined(raw.Description, MemoryMarshal.AsBytes(ragged.Values.AsSpan(i, 1)), "") is { } bad)
                    throw new ArgumentException($"Value {i} written to {What} holds {bad}.", nameof(ragged));
        var handles = new H5T.Hvl[count];
        using var memType = SequenceMemoryType<T>();
        T empty = default;
        fixed (T* v = ragged.Values)
        fixed (H5T.Hvl* h = handles)
        {
            // The sequences point straight into the pinned values: libhdf5 copies them once, into the file. An empty
            // sequence still points somewhere: libhdf5 stores a NULL one as "no sequence", which h5py 3.7 cannot read.
            for (int i = 0; i < count; i++)
            {
                h[i].Length = (nuint)(ragged.Offsets[i + 1] - ragged.Offsets[i]);
                h[i].Pointer = v == null ? &empty : v + ragged.Offsets[i];
            }
            H5ConversionGuard.Reset();
            if (WriteNative(memType, memSpace, fileSpace, count, h) < 0) ThrowWrite();
        }
    }

    private static DatatypeId SequenceMemoryType<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return new DatatypeId(H5Call.Check(H5T.VlenCreate(H5TypeMap.MemoryType<T>()), "creating a variable-length sequence type"));
    }
}
