using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>An open attribute (h5py's <c>AttributeManager</c> hands out values; this is the object under it,
/// like <c>h5py.h5a.AttrID</c>). Most code uses <see cref="H5AttributeCollection"/> instead.</summary>
public sealed class H5Attribute : IDisposable
{
    private readonly AttributeIO _io;

    internal H5Attribute(AttributeId id, string name, string owner)
    {
        Id = id;
        Name = name;
        _io = new AttributeIO(this, $"attribute '{name}' of {owner}");
    }

    /// <summary>The attribute id.</summary>
    public AttributeId Id { get; }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The shape; empty for a scalar attribute.</summary>
    public long[] Shape
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = Space();
            return H5Shape.Read(space).Dims;
        }
    }

    /// <summary>The number of elements: 1 for a scalar, 0 for a null dataspace.</summary>
    public long Size
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = Space();
            return space.GetElementCount();
        }
    }

    /// <summary>Whether the dataspace is null: the attribute has a type but no value (h5py: <c>h5py.Empty</c>).
    /// <see cref="Read{T}()"/> then returns an empty array and <see cref="ReadScalar{T}()"/> raises <see cref="H5NullDataspaceException"/>.</summary>
    public bool IsNull
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = Space();
            return space.GetExtentType() == H5S.Class.Null;
        }
    }

    /// <summary>The shape of the data as <typeparamref name="T"/> values: <see cref="Shape"/>, followed by the dimensions
    /// of an HDF5 array element type read as its base type.</summary>
    public long[] ShapeOf<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return [.. Shape, .. _io.Plan<T>(writing: false).ExtraDims];
    }

    internal string What => _io.What;

    internal H5TypeDescriptor Description => _io.FileDescriptor;

    /// <summary>The stored datatype; dispose it when done.</summary>
    public H5Datatype DType
    {
        get
        {
            using var scope = H5Library.Enter();
            return new H5Datatype(FileType());
        }
    }

    internal void AssumeStoredAs(DatatypeId type) => _io.AssumeStoredAs(type);

    internal DataspaceId Space() => new(H5Call.Check(H5A.GetSpace(Id), $"reading the dataspace of {_io.What}"));

    internal DatatypeId FileType() => new(H5Call.Check(H5A.GetType(Id), $"reading the datatype of {_io.What}"));

    /// <summary>Reads every element, row-major.</summary>
    public T[] Read<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        var result = new T[checked((int)(Size * _io.Plan<T>(writing: false).ValuesPerElement))];
        _io.Read(ref MemoryMarshal.GetArrayDataReference(result), result.Length, DataspaceId.All, DataspaceId.All);
        return result;
    }

    /// <summary>Reads into an array of the attribute's shape.</summary>
    public void ReadInto<T>(Array destination) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        H5Dataset.CheckElementType<T>(destination);
        using var scope = H5Library.Enter();
        var shape = ShapeOf<T>();
        if (!shape.AsSpan().SequenceEqual(H5Shape.Of(destination)))
            throw new H5SelectionException($"{_io.What} has shape {H5Shape.Format(shape)}; the array has shape {H5Shape.Format(H5Shape.Of(destination))}.");
        _io.Read(ref H5Dataset.ArrayRef<T>(destination), destination.LongLength, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads a one-element attribute.</summary>
    public T ReadScalar<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        var size = Size * _io.Plan<T>(writing: false).ValuesPerElement;
        if (size == 0 && IsNull) throw new H5NullDataspaceException($"{_io.What} has a null dataspace (h5py.Empty): it holds no value.");
        if (size != 1) throw new H5SelectionException($"{_io.What} has shape {H5Shape.Format(Shape)} ({size} {typeof(T).Name} values), not one value.");
        T value = default;
        _io.Read(ref value, 1, DataspaceId.All, DataspaceId.All);
        return value;
    }

    /// <summary>Reads every element through <paramref name="type"/> (strings, sequences, compounds with such members).</summary>
    public T[] Read<T>(H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return _io.ReadElements(type, Size, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads variable-length sequences into one flat array with offsets (a <c>DIMENSION_LIST</c> holds
    /// sequences of object references).</summary>
    public H5Ragged<T> ReadRagged<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return _io.ReadRagged<T>(Size, DataspaceId.All, DataspaceId.All);
    }

    internal void WriteElements<T>(ReadOnlySpan<T> values, H5ElementType<T> type) => _io.WriteElements(type, values, DataspaceId.All, DataspaceId.All);

    internal void WriteRagged<T>(H5Ragged<T> values) where T : unmanaged => _io.WriteRagged(values, DataspaceId.All, DataspaceId.All);

    /// <summary>Reads string elements (variable or fixed length).</summary>
    public string[] ReadStrings()
    {
        using var scope = H5Library.Enter();
        return _io.ReadStrings(Size, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads fixed-length string elements as bytes (h5py 3 returns <c>numpy.bytes_</c> for these).</summary>
    public byte[][] ReadFixedStringBytes()
    {
        using var scope = H5Library.Enter();
        return _io.ReadFixedStringBytes(Size, DataspaceId.All, DataspaceId.All);
    }

    internal void Write<T>(ref readonly T source, long count) where T : unmanaged => _io.Write(in source, count, DataspaceId.All, DataspaceId.All);

    internal void WriteStrings(ReadOnlySpan<string> values) => _io.WriteStrings(values, DataspaceId.All, DataspaceId.All);

    /// <summary>Closes the attribute.</summary>
    public void Dispose()
    {
        _io.Dispose();
        Id.Dispose();
    }

    private sealed class AttributeIO(H5Attribute owner, string what) : H5DataIO
    {
        private DatatypeId? _fileType;

        public override string What => what;

        public override DatatypeId FileType => _fileType ??= owner.FileType();

        // H5Aread and H5Awrite take no transfer property list, so they cannot refuse a value that does not fit: a
        // conversion between different types goes through H5Tconvert with the checking list instead, and the
        // attribute is read or written in its stored type. Variable-length data is left to libhdf5 (nothing to range-check).
        protected override unsafe int ReadNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, long elements, void* buffer)
        {
            if (!NeedsCheckedConversion(memType)) return H5A.Read(owner.Id, memType, buffer);
            var fileSize = FileType.GetSize();
            var memSize = memType.GetSize();
            var scratch = NativeMemory.Alloc((nuint)Math.Max(1, elements * Math.Max(fileSize, memSize)));
            try
            {
                if (H5A.Read(owner.Id, FileType, scratch) < 0) return -1;
                if (!H5ConversionGuard.Convert(FileType, memType, elements, scratch)) return -1;
                Buffer.MemoryCopy(scratch, buffer, elements * memSize, elements * memSize);
                return 0;
            }
            finally
            {
                NativeMemory.Free(scratch);
            }
        }

        protected override unsafe int WriteNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, long elements, void* buffer)
        {
            if (!NeedsCheckedConversion(memType)) return H5A.Write(owner.Id, memType, buffer);
            var fileSize = FileType.GetSize();
            var memSize = memType.GetSize();
            var scratch = NativeMemory.Alloc((nuint)Math.Max(1, elements * Math.Max(fileSize, memSize)));
            try
            {
                Buffer.MemoryCopy(buffer, scratch, elements * memSize, elements * memSize);
                if (!H5ConversionGuard.Convert(memType, FileType, elements, scratch)) return -1;
                return H5A.Write(owner.Id, FileType, scratch);
            }
            finally
            {
                NativeMemory.Free(scratch);
            }
        }

        // The type found identical when the plan was made needs no second look; otherwise the comparison comes
        // before the description, which costs a dozen calls.
        private bool NeedsCheckedConversion(DatatypeId memType) =>
            memType != IdenticalMemoryType && !memType.IsEqualTo(FileType) && !FileDescriptor.HasVariableLengthData;

        public override void Dispose()
        {
            base.Dispose();
            _fileType?.Dispose();
        }
    }
}
