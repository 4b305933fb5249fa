using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// An HDF5 dataset (h5py's <c>Dataset</c>). Reads and writes go straight between your memory and libhdf5:
/// arrays and spans are pinned and passed to <c>H5Dread</c>/<c>H5Dwrite</c>, with no intermediate copy.
/// Element data is row-major (C order), as in h5py and numpy.
/// </summary>
public sealed partial class H5Dataset : H5Object
{
    private readonly DatasetIO _io;

    private readonly DatasetId _id;

    internal H5Dataset(DatasetId id, H5File file, string? path) : base(id, file, path)
    {
        _id = id;
        _io = new DatasetIO(this);
    }

    /// <summary>Marks an unlimited dimension in <see cref="H5DatasetOptions.MaxShape"/> (h5py: <c>None</c>).</summary>
    public const long Unlimited = -1;

    /// <summary>The dataset id (h5py: <c>Dataset.id</c>, a <c>DatasetID</c>).</summary>
    /// <exception cref="ObjectDisposedException">The dataset, or its file, was closed.</exception>
    public DatasetId Id => Open(_id);

    // ---- shape and type -----------------------------------------------------------------------------

    /// <summary>The current shape; empty for a scalar dataset (h5py: <c>shape</c>).</summary>
    public long[] Shape
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = FileSpace();
            return H5Shape.Read(space).Dims;
        }
    }

    /// <summary>The maximum shape, with <see cref="Unlimited"/> for unlimited dimensions (h5py: <c>maxshape</c>).</summary>
    public long[] MaxShape
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = FileSpace();
            return H5Shape.Read(space).MaxDims;
        }
    }

    /// <summary>The number of dimensions (h5py: <c>ndim</c>).</summary>
    public int Rank => Shape.Length;

    /// <summary>The number of elements (h5py: <c>size</c>): 1 for a scalar, 0 for a null dataspace.</summary>
    public long Size
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = FileSpace();
            return space.GetElementCount();
        }
    }

    /// <summary>Whether the dataspace is null: the dataset has a type but no value, not even a scalar one (h5py:
    /// <c>h5py.Empty</c>; <c>ds.shape</c> is <c>None</c>). <see cref="Shape"/> is then empty and <see cref="Size"/> 0;
    /// <see cref="Read{T}()"/> returns an empty array and <see cref="ReadScalar{T}()"/> raises <see cref="H5NullDataspaceException"/>.</summary>
    public bool IsNull
    {
        get
        {
            using var scope = H5Library.Enter();
            using var space = FileSpace();
            return space.GetExtentType() == H5S.Class.Null;
        }
    }

    /// <summary>The size of the data in memory, in bytes (h5py: <c>nbytes</c>).</summary>
    public long NBytes => Size * _io.FileDescriptor.Size;

    /// <summary>The shape of the data as <typeparamref name="T"/> values: <see cref="Shape"/>, followed by the dimensions
    /// of an HDF5 array element type when <typeparamref name="T"/> is its base type (h5py adds those axes: a dataset of
    /// 4 elements of <c>float64[2, 3]</c> reads as <c>double</c> in shape (4, 2, 3)).</summary>
    public long[] ShapeOf<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return [.. Shape, .. _io.Plan<T>(writing: false).ExtraDims];
    }

    internal long ValuesPerElement<T>(bool writing) where T : unmanaged => _io.Plan<T>(writing).ValuesPerElement;

    internal long[] ExtraDims<T>(bool writing) where T : unmanaged => _io.Plan<T>(writing).ExtraDims;

    /// <summary>The stored datatype (h5py: <c>dtype</c>); dispose it when done.</summary>
    public H5Datatype DType
    {
        get
        {
            using var scope = H5Library.Enter();
            return new H5Datatype(FileType());
        }
    }

    /// <summary>Changes the shape of a chunked dataset within its maximum shape (h5py: <c>resize</c>).</summary>
    public unsafe void Resize(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        using var scope = H5Library.Enter();
        if (File.Mode == H5FileMode.ReadOnly)
            throw new H5ReadOnlyFileException($"Cannot resize {What}: '{File.Filename}' is open read-only.");
        var max = MaxShape;
        if (shape.Length != max.Length)
            throw new ArgumentException($"Cannot resize {What} of rank {max.Length} to {H5Shape.Format(shape)}.", nameof(shape));
        for (int i = 0; i < shape.Length; i++)
            if (max[i] != Unlimited && shape[i] > max[i])
                throw new H5SelectionException($"Cannot resize {What} to {H5Shape.Format(shape)}: dimension {i} exceeds the maximum shape {H5Shape.Format(max)}.");
        var d = H5Shape.ToNative(shape, nameof(shape));
        File.Journal?.BeforeDataChange(this);
        fixed (ulong* p = d) H5Call.Check(H5D.SetExtent(Id, p), $"Resizing {What}", Path);
    }

    internal DataspaceId FileSpace() => new(H5Call.Check(H5D.GetSpace(Id), $"reading the dataspace of {What}", Path));

    internal DatatypeId FileType() => new(H5Call.Check(H5D.GetType(Id), $"reading the datatype of {What}", Path));

    internal override string What => $"dataset '{Path}'";

    // ---- whole-dataset writes -----------------------------------------------------------------------

    /// <summary>Writes the whole dataset from <paramref name="data"/> (row-major; its length must equal <see cref="Size"/>).</summary>
    public void Write<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: true);
        var count = CheckWholeValues<T>(data.Length, writing: true);
        _io.Write(in MemoryMarshal.GetReference(data), count, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Writes the whole dataset from a 1-D array.</summary>
    public void Write<T>(T[] data) where T : unmanaged => Write<T>((ReadOnlySpan<T>)data);

    /// <summary>Writes the whole dataset from a 2-D array whose shape must equal <see cref="Shape"/>.</summary>
    public void Write<T>(T[,] data) where T : unmanaged => WriteArray<T>(data);

    /// <summary>Writes the whole dataset from a 3-D array whose shape must equal <see cref="Shape"/>.</summary>
    public void Write<T>(T[,,] data) where T : unmanaged => WriteArray<T>(data);

    /// <summary>Writes the whole dataset from an array of any rank (<c>T[,,,]</c>, ...) whose shape must equal <see cref="Shape"/>.</summary>
    public void WriteArray<T>(Array data) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: true);
        ArgumentNullException.ThrowIfNull(data);
        CheckElementType<T>(data);
        CheckWholeShape<T>(data, writing: true);
        _io.Write(in ArrayRef<T>(data), data.LongLength, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Writes a scalar dataset (or a dataset of one element).</summary>
    public void WriteScalar<T>(T value) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: true);
        CheckWholeValues<T>(1, writing: true);
        _io.Write(in value, 1, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Writes strings to a string dataset (variable or fixed length; too long fixed strings are an error).</summary>
    public void WriteStrings(ReadOnlySpan<string> values)
    {
        using var scope = EnterTransfer(writing: true);
        CheckWholeSize(values.Length);
        _io.WriteStrings(values, DataspaceId.All, DataspaceId.All);
    }

    // ---- whole-dataset reads ------------------------------------------------------------------------

    /// <summary>Reads every element, row-major (h5py: <c>ds[()]</c> flattened).</summary>
    public T[] Read<T>() where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        var result = GC.AllocateUninitializedArray<T>(H5Shape.ArrayLength(checked(Size * ValuesPerElement<T>(writing: false)), What));
        _io.Read(ref MemoryMarshal.GetArrayDataReference(result), result.LongLength, DataspaceId.All, DataspaceId.All);
        return result;
    }

    /// <summary>Reads every element, row-major, into new native memory (see <see cref="H5NativeBuffer{T}"/>): with
    /// <paramref name="hugePages"/>, memory on 2 MiB pages, so that a large read into new memory does not pay a page
    /// fault per 4 KiB. Dispose the buffer when done. For memory of your own (a reused or pooled array), use
    /// <see cref="Read{T}(Span{T})"/>.</summary>
    /// <exception cref="H5SelectionException">The dataset holds more values than one span can (<see cref="Array.MaxLength"/>).</exception>
    public H5NativeBuffer<T> ReadNative<T>(bool hugePages = true) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        var buffer = H5NativeBuffer<T>.Allocate(H5Shape.ArrayLength(checked(Size * ValuesPerElement<T>(writing: false)), What), hugePages);
        try
        {
            _io.Read(ref MemoryMarshal.GetReference(buffer.Span), buffer.Length, DataspaceId.All, DataspaceId.All);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Reads every element into <paramref name="destination"/>, whose length must equal <see cref="Size"/>
    /// (memory of your own: a reused array, one rented from <see cref="System.Buffers.ArrayPool{T}"/>, native memory).</summary>
    public void Read<T>(Span<T> destination) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        var count = CheckWholeValues<T>(destination.Length, writing: false);
        _io.Read(ref MemoryMarshal.GetReference(destination), count, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads a 2-D dataset into a new <c>T[,]</c>.</summary>
    public T[,] Read2D<T>() where T : unmanaged
    {
        var shape = RequireRank<T>(2);
        var result = new T[shape[0], shape[1]];
        ReadInto<T>(result);
        return result;
    }

    /// <summary>Reads a 3-D dataset into a new <c>T[,,]</c>.</summary>
    public T[,,] Read3D<T>() where T : unmanaged
    {
        var shape = RequireRank<T>(3);
        var result = new T[shape[0], shape[1], shape[2]];
        ReadInto<T>(result);
        return result;
    }

    /// <summary>Reads the whole dataset into an array of any rank whose shape equals <see cref="Shape"/>
    /// (h5py: <c>read_direct</c>).</summary>
    public void ReadInto<T>(Array destination) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        ArgumentNullException.ThrowIfNull(destination);
        CheckElementType<T>(destination);
        CheckWholeShape<T>(destination, writing: false);
        _io.Read(ref ArrayRef<T>(destination), destination.LongLength, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads a scalar dataset (or a dataset of one element).</summary>
    public T ReadScalar<T>() where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        CheckWholeValues<T>(1, writing: false);
        T value = default;
        _io.Read(ref value, 1, DataspaceId.All, DataspaceId.All);
        return value;
    }

    /// <summary>Reads a string dataset, variable or fixed length (h5py 3: <c>ds.asstr()[()]</c>).</summary>
    public string[] ReadStrings()
    {
        using var scope = EnterTransfer(writing: false);
        return _io.ReadStrings(Size, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads a scalar string dataset.</summary>
    public string ReadScalarString()
    {
        var all = ReadStrings();
        if (all.Length == 0 && IsNull) throw new H5NullDataspaceException($"{What} has a null dataspace (h5py.Empty): it holds no string.");
        if (all.Length != 1) throw new H5SelectionException($"{What} holds {all.Length} strings, not one.");
        return all[0];
    }

    /// <summary>Reads a fixed-length string dataset as raw bytes, padding removed (h5py 3 without <c>asstr()</c>).</summary>
    public byte[][] ReadFixedStringBytes()
    {
        using var scope = EnterTransfer(writing: false);
        return _io.ReadFixedStringBytes(Size, DataspaceId.All, DataspaceId.All);
    }

    // ---- elements of an element type, variable-length sequences -------------------------------------

    /// <summary>Reads every element through <paramref name="type"/> (strings, sequences, arrays, compounds with such
    /// members; h5py: <c>ds[()]</c> of a structured or vlen dtype). A string member stored with a fixed length is read
    /// too; a member of the element type that the stored compound lacks is an error.</summary>
    public T[] Read<T>(H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return _io.ReadElements(type, Size, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Reads a scalar dataset (or one of one element) through <paramref name="type"/>.</summary>
    public T ReadScalar<T>(H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        CheckWholeSize(1);
        return _io.ReadElements(type, 1, DataspaceId.All, DataspaceId.All)[0];
    }

    /// <summary>Writes every element through <paramref name="type"/>; the values are encoded (and checked) before the file changes.</summary>
    public void Write<T>(ReadOnlySpan<T> values, H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        CheckWholeSize(values.Length);
        _io.WriteElements(type, values, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Whether elements of <paramref name="type"/> can be written to this dataset's stored type without loss.</summary>
    internal bool Accepts<T>(H5ElementType<T> type) => _io.Accepts(type);

    /// <summary>Writes a scalar dataset (or one of one element) through <paramref name="type"/>.</summary>
    public void WriteScalar<T>(T value, H5ElementType<T> type) => Write([value], type);

    /// <summary>Reads a dataset of variable-length sequences (h5py: <c>vlen_dtype</c>) as arrays.</summary>
    public T[][] ReadSequences<T>() where T : unmanaged => Read(H5ElementType.Sequence<T>());

    /// <summary>Reads a dataset of variable-length sequences into one flat array with offsets (no array per sequence).</summary>
    public H5Ragged<T> ReadRagged<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return _io.ReadRagged<T>(Size, DataspaceId.All, DataspaceId.All);
    }

    /// <summary>Writes variable-length sequences, one per element.</summary>
    public void WriteSequences<T>(IReadOnlyList<T[]> sequences) where T : unmanaged => WriteRagged(H5Ragged<T>.From(sequences));

    /// <summary>Writes variable-length sequences from one flat array with offsets, without copying the values.</summary>
    public void WriteRagged<T>(H5Ragged<T> sequences) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(sequences);
        using var scope = H5Library.Enter();
        CheckWholeSize(sequences.Count);
        _io.WriteRagged(sequences, DataspaceId.All, DataspaceId.All);
    }

    // ---- selections ---------------------------------------------------------------------------------

    /// <summary>A hyperslab of this dataset, as h5py's <c>ds[...]</c>: <c>ds[10..12, 500..510].Read2D&lt;double&gt;()</c>.
    /// Indices drop their dimension; ranges and <see cref="H5Selector.Slice(long, long?, long)"/> keep it.</summary>
    public H5DatasetSlice this[params H5Selector[] selection]
    {
        get
        {
            using var scope = H5Library.Enter();
            ArgumentNullException.ThrowIfNull(selection);
            return SliceOf(selection);
        }
    }

    /// <summary>Reads the elements at the given coordinates (one row of <paramref name="coordinates"/> per point,
    /// one column per dimension), in that order (h5py: point selection).</summary>
    public T[] ReadPoints<T>(long[,] coordinates) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        ArgumentNullException.ThrowIfNull(coordinates);
        using var fileSpace = SelectPoints(coordinates);
        var n = coordinates.GetLength(0);
        var result = new T[n * ValuesPerElement<T>(writing: false)];
        using var memSpace = H5Shape.CreateSpace([n]);
        _io.Read(ref MemoryMarshal.GetArrayDataReference(result), result.LongLength, memSpace, fileSpace);
        return result;
    }

    /// <summary>Writes <paramref name="values"/> to the elements at the given coordinates.</summary>
    public void WritePoints<T>(long[,] coordinates, ReadOnlySpan<T> values) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: true);
        ArgumentNullException.ThrowIfNull(coordinates);
        var n = coordinates.GetLength(0);
        var perPoint = ValuesPerElement<T>(writing: true);
        if (values.Length != n * perPoint) throw new ArgumentException($"{n} points need {n * perPoint} values; {values.Length} given.", nameof(values));
        using var fileSpace = SelectPoints(coordinates);
        using var memSpace = H5Shape.CreateSpace([n]);
        _io.Write(in MemoryMarshal.GetReference(values), values.Length, memSpace, fileSpace);
    }

    internal unsafe DataspaceId SelectPoints(long[,] coordinates)
    {
        var shape = Shape;
        if (coordinates.GetLength(1) != shape.Length)
            throw new ArgumentException($"Points have {coordinates.GetLength(1)} coordinates but {What} has rank {shape.Length}.", nameof(coordinates));
        var n = coordinates.GetLength(0);
        var coords = new ulong[coordinates.Length];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < shape.Length; d++)
            {
                var c = coordinates[i, d];
                if (c < 0 || c >= shape[d])
                    throw new H5SelectionException($"Point {i} has coordinate {c} in dimension {d}, outside 0..{shape[d] - 1} of {What}.");
                coords[i * shape.Length + d] = (ulong)c;
            }
        var space = FileSpace();
        if (n == 0)
        {
            H5Call.Check(H5S.SelectNone(space));
            return space;
        }
        fixed (ulong* p = coords) H5Call.Check(H5S.SelectElements(space, H5S.SelOper.Set, (nuint)n, p), "selecting points");
        return space;
    }

    internal void ReadSelection<T>(H5Selection selection, ref T destination, long count) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: false);
        var expected = selection.Size * ValuesPerElement<T>(writing: false);
        if (count != expected)
            throw new H5SelectionException($"The selection {selection} of {What} holds {expected} {typeof(T).Name} values; the destination has {count}.");
        using var fileSpace = FileSpace();
        selection.SelectOn(fileSpace); // a fresh dataspace of our own: select on it, no copy
        using var memSpace = selection.CreateMemorySpace();
        _io.Read(ref destination, count, memSpace, fileSpace);
    }

    internal void WriteSelection<T>(H5Selection selection, ref readonly T source, long count) where T : unmanaged
    {
        using var scope = EnterTransfer(writing: true);
        var expected = selection.Size * ValuesPerElement<T>(writing: true);
        if (count != expected)
            throw new H5SelectionException($"The selection {selection} of {What} holds {expected} {typeof(T).Name} values; the data has {count}.");
        using var fileSpace = FileSpace();
        selection.SelectOn(fileSpace);
        using var memSpace = selection.CreateMemorySpace();
        _io.Write(in source, count, memSpace, fileSpace);
    }

    internal T[] ReadSelectionElements<T>(H5Selection selection, H5ElementType<T> type)
    {
        using var scope = H5Library.Enter();
        using var fileSpace = FileSpace();
        selection.SelectOn(fileSpace);
        using var memSpace = selection.CreateMemorySpace();
        return _io.ReadElements(type, selection.Size, memSpace, fileSpace);
    }

    internal void WriteSelectionElements<T>(H5Selection selection, ReadOnlySpan<T> values, H5ElementType<T> type)
    {
        if (values.Length != selection.Size)
            throw new H5SelectionException($"The selection {selection} of {What} has {selection.Size} elements; the data has {values.Length}.");
        using var scope = H5Library.Enter();
        using var fileSpace = FileSpace();
        selection.SelectOn(fileSpace);
        using var memSpace = selection.CreateMemorySpace();
        _io.WriteElements(type, values, memSpace, fileSpace);
    }

    internal H5Ragged<T> ReadSelectionRagged<T>(H5Selection selection) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        using var fileSpace = FileSpace();
        selection.SelectOn(fileSpace);
        using var memSpace = selection.CreateMemorySpace();
        return _io.ReadRagged<T>(selection.Size, memSpace, fileSpace);
    }

    internal string[] ReadSelectionStrings(H5Selection selection)
    {
        using var scope = EnterTransfer(writing: false);
        using var fileSpace = FileSpace();
        selection.SelectOn(fileSpace);
        using var memSpace = selection.CreateMemorySpace();
        return _io.ReadStrings(selection.Size, memSpace, fileSpace);
    }

    // ---- checks -------------------------------------------------------------------------------------

    private long CheckWholeSize(long length)
    {
        var shape = Shape;
        var size = Size;
        if (length != size)
            throw new H5SelectionException($"{What} has shape {H5Shape.Format(shape)} ({size} elements); the buffer has {length}.");
        return size;
    }

    // Whole-dataset transfers of T values: the element count times the values per element (array types expand).
    private long CheckWholeValues<T>(long length, bool writing) where T : unmanaged
    {
        var shape = Shape;
        var size = Size;
        if (size == 0 && length == 1 && IsNull)
            throw new H5NullDataspaceException($"{What} has a null dataspace (h5py.Empty): it holds no value to {(writing ? "write" : "read")}.");
        var perElement = ValuesPerElement<T>(writing);
        if (length != size * perElement)
            throw new H5SelectionException(perElement == 1
                ? $"{What} has shape {H5Shape.Format(shape)} ({size} elements); the buffer has {length}."
                : $"{What} has shape {H5Shape.Format(shape)} of {_io.FileDescriptor} ({size * perElement} {typeof(T).Name} values); the buffer has {length}.");
        return length;
    }

    private void CheckWholeShape<T>(Array array, bool writing) where T : unmanaged
    {
        long[] shape = [.. Shape, .. ExtraDims<T>(writing)];
        var given = H5Shape.Of(array);
        if (!shape.AsSpan().SequenceEqual(given))
            throw new H5SelectionException($"{What} has shape {H5Shape.Format(shape)} as {typeof(T).Name}; the array has shape {H5Shape.Format(given)}.");
    }

    private long[] RequireRank<T>(int rank) where T : unmanaged
    {
        var shape = ShapeOf<T>();
        if (shape.Length != rank)
            throw new H5SelectionException($"{What} has rank {shape.Length} as {typeof(T).Name} (shape {H5Shape.Format(shape)}), not {rank}.");
        return shape;
    }

    internal static void CheckElementType<T>(Array array) where T : unmanaged
    {
        if (array.GetType().GetElementType() != typeof(T))
            throw new ArgumentException($"The array holds {array.GetType().GetElementType()?.Name}, not {typeof(T).Name}.", nameof(array));
    }

    /// <summary>A reference to the first element of an array of any rank (no copy; the caller pins it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref T ArrayRef<T>(Array array) where T : unmanaged =>
        ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array));

    /// <summary>The exception for a failed call on this dataset's data (<paramref name="doing"/>: "Reading ...",
    /// "Writing ..."): when the error table finds a missing filter, the filter of this dataset's pipeline that is not
    /// available, with its id and name; otherwise the error table's exception.</summary>
    internal Exception DataFailure(H5ErrorStack stack, string doing, H5ErrorKind unclassified = H5ErrorKind.Other) =>
        H5ErrorTable.Classify(stack) == H5ErrorKind.MissingFilter && UnavailableFilter(H5ErrorTable.FilterName(stack)) is { } filter
            ? H5FilterCatalog.Missing(filter.Id, filter.Name, doing, stack)
            : H5ErrorTable.Create(stack, doing, Path, unclassified);

    // libhdf5 names the filter it could not find ("required filter 'lzf' is not registered"), and the pipeline gives its
    // id: the named one when it is in the pipeline and unavailable, else the first unavailable one; null when every
    // filter of the pipeline is available (then the stack's cause is not one of them).
    private H5Filter? UnavailableFilter(string? named)
    {
        var unavailable = Filters.Where(f => !H5FilterCatalog.IsAvailable(f.Id)).ToList();
        return unavailable.FirstOrDefault(f => named is not null && string.Equals(f.Name, named, StringComparison.Ordinal))
            ?? unavailable.FirstOrDefault();
    }

    private sealed class DatasetIO(H5Dataset owner) : H5DataIO
    {
        private DatatypeId? _fileType;

        public override string What => owner.What;

        public override string? ObjectPath => owner.Path;

        // The stored type never changes: read it once per dataset object.
        public override DatatypeId FileType => _fileType ??= owner.FileType();

        protected override unsafe int ReadNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, long elements, void* buffer) =>
            H5D.Read(owner.Id, memType, memSpace, fileSpace, owner.TransferList(), buffer);

        protected override unsafe int WriteNative(DatatypeId memType, DataspaceId memSpace, DataspaceId fileSpace, long elements, void* buffer)
        {
            owner.RefuseGlobalHeapWrite();
            if (owner.LeavesWritesToAnotherRank) return owner.WriteNothingForAnotherRank(memType);
            owner.File.Journal?.BeforeDataChange(owner); // in an undoable change, what it overwrites is kept first
            return H5D.Write(owner.Id, memType, memSpace, fileSpace, owner.TransferList(), buffer);
        }

        protected override Exception Failure(H5ErrorStack stack, string doing) => owner.DataFailure(stack, doing);

        public override void Dispose()
        {
            base.Dispose();
            _fileType?.Dispose();
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _io.Dispose();
        base.Dispose(disposing);
    }
}
