using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>A variable-length sequence (<c>hvl_t</c>) of elements, as <c>T[]</c>.</summary>
internal sealed class H5SequenceElement<T> : H5ElementType<T[]>
{
    private readonly H5ElementType<T> _element;

    public H5SequenceElement(H5ElementType<T> element) : base(Create(element), Unsafe.SizeOf<H5T.Hvl>()) => _element = element;

    private static DatatypeId Create(H5ElementType<T> element)
    {
        using var scope = H5Library.Enter();
        return new DatatypeId(H5Call.Check(H5T.VlenCreate(element.MemoryType), "creating a variable-length sequence type"));
    }

    internal override bool HasPointers => true;

    internal override unsafe void Encode(in T[] value, byte* destination, H5NativeArena arena)
    {
        var hvl = (H5T.Hvl*)destination;
        var n = value?.Length ?? 0;
        hvl->Length = (nuint)n;
        // An empty sequence still points somewhere: libhdf5 stores a NULL one as "no sequence", which h5py 3.7 cannot read.
        var size = _element.Size;
        var items = arena.Allocate(Math.Max(1L, (long)n * size));
        hvl->Pointer = items;
        if (n == 0) return;
        for (int i = 0; i < n; i++) _element.Encode(value![i], items + (long)i * size, arena);
    }

    internal override unsafe T[] Decode(byte* source)
    {
        var hvl = (H5T.Hvl*)source;
        var n = checked((int)hvl->Length);
        if (n == 0) return [];
        var result = new T[n];
        var items = (byte*)hvl->Pointer;
        if (_element is H5RawElement<T>)
        {
            // Blittable elements: one copy of the whole sequence.
            new ReadOnlySpan<byte>(items, n * _element.Size).CopyTo(Bytes(result));
            return result;
        }
        for (int i = 0; i < n; i++) result[i] = _element.Decode(items + (long)i * _element.Size);
        return result;
    }

    // The bytes of an array of a blittable T (checked by the callers: H5RawElement only exists for such types).
    internal static Span<byte> Bytes(T[] values) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetArrayDataReference(values)), values.Length * Unsafe.SizeOf<T>());

    internal override unsafe void Free(byte* element)
    {
        var hvl = (H5T.Hvl*)element;
        if (hvl->Pointer == null) return;
        if (_element.HasPointers)
            for (long i = 0; i < (long)hvl->Length; i++) _element.Free((byte*)hvl->Pointer + i * _element.Size);
        H5.FreeMemory(hvl->Pointer);
        hvl->Pointer = null;
    }

    internal override H5ElementType<T[]> Bind(H5TypeDescriptor stored)
    {
        if (stored is not H5SequenceType s) return this;
        var bound = _element.Bind(s.BaseType);
        return ReferenceEquals(bound, _element) ? this : new H5SequenceElement<T>(bound);
    }
}

/// <summary>A fixed-shape HDF5 array of elements, as a flat, row-major <c>T[]</c>.</summary>
internal sealed class H5ArrayElement<T> : H5ElementType<T[]>
{
    private readonly H5ElementType<T> _element;
    private readonly long[] _dims;
    private readonly int _count;

    public H5ArrayElement(H5ElementType<T> element, long[] dims) : base(Create(element, dims), checked(element.Size * Count(dims)))
    {
        _element = element;
        _dims = dims;
        _count = Count(dims);
    }

    private static int Count(long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0) throw new ArgumentException("An array type needs at least one dimension.", nameof(dims));
        return checked((int)H5Shape.Product(dims));
    }

    private static unsafe DatatypeId Create(H5ElementType<T> element, long[] dims)
    {
        var d = H5Shape.ToNative(dims, nameof(dims));
        using var scope = H5Library.Enter();
        fixed (ulong* p = d)
            return new DatatypeId(H5Call.Check(H5T.ArrayCreate2(element.MemoryType, (uint)d.Length, p), "creating an array type"));
    }

    internal override bool HasPointers => _element.HasPointers;

    internal override unsafe void Encode(in T[] value, byte* destination, H5NativeArena arena)
    {
        if (value is null || value.Length != _count)
            throw new ArgumentException($"Array elements of shape {H5Shape.Format(_dims)} hold {_count} values; a value has {value?.Length ?? 0}.");
        for (int i = 0; i < _count; i++) _element.Encode(value[i], destination + (long)i * _element.Size, arena);
    }

    internal override unsafe T[] Decode(byte* source)
    {
        var result = new T[_count];
        if (_element is H5RawElement<T>)
        {
            new ReadOnlySpan<byte>(source, Size).CopyTo(H5SequenceElement<T>.Bytes(result));
            return result;
        }
        for (int i = 0; i < _count; i++) result[i] = _element.Decode(source + (long)i * _element.Size);
        return result;
    }

    internal override unsafe void Free(byte* element)
    {
        if (!_element.HasPointers) return;
        for (int i = 0; i < _count; i++) _element.Free(element + (long)i * _element.Size);
    }

    internal override H5ElementType<T[]> Bind(H5TypeDescriptor stored)
    {
        if (stored is not H5ArrayType a) return this;
        var bound = _element.Bind(a.BaseType);
        return ReferenceEquals(bound, _element) ? this : new H5ArrayElement<T>(bound, _dims);
    }
}
