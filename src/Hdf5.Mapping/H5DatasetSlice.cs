using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

/// <summary>
/// A hyperslab of a dataset, made by <c>ds[...]</c>; nothing is read until you call a Read method. The result's
/// shape drops the dimensions selected by a single index, as numpy does.
/// </summary>
public sealed class H5DatasetSlice
{
    private readonly H5Dataset _dataset;
    private readonly H5Selection _selection;

    internal H5DatasetSlice(H5Dataset dataset, H5Selection selection)
    {
        _dataset = dataset;
        _selection = selection;
    }

    /// <summary>The shape of the selected data.</summary>
    public long[] Shape => (long[])_selection.Shape.Clone();

    /// <summary>The number of selected elements.</summary>
    public long Size => _selection.Size;

    /// <summary>Reads the selection, row-major.</summary>
    public T[] Read<T>() where T : unmanaged
    {
        var result = GC.AllocateUninitializedArray<T>(checked((int)(Size * _dataset.ValuesPerElement<T>(writing: false))));
        _dataset.ReadSelection(_selection, ref MemoryMarshal.GetArrayDataReference(result), result.LongLength);
        return result;
    }

    /// <summary>Reads the selection into <paramref name="destination"/> (length must equal <see cref="Size"/>).</summary>
    public void Read<T>(Span<T> destination) where T : unmanaged =>
        _dataset.ReadSelection(_selection, ref MemoryMarshal.GetReference(destination), destination.Length);

    /// <summary>Reads a selection of rank 2 into a new <c>T[,]</c>.</summary>
    public T[,] Read2D<T>() where T : unmanaged
    {
        var shape = RequireRank<T>(2);
        var result = new T[shape[0], shape[1]];
        ReadInto<T>(result);
        return result;
    }

    /// <summary>Reads a selection of rank 3 into a new <c>T[,,]</c>.</summary>
    public T[,,] Read3D<T>() where T : unmanaged
    {
        var shape = RequireRank<T>(3);
        var result = new T[shape[0], shape[1], shape[2]];
        ReadInto<T>(result);
        return result;
    }

    /// <summary>Reads the selection into an array of any rank with the selection's shape.</summary>
    public void ReadInto<T>(Array destination) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        H5Dataset.CheckElementType<T>(destination);
        CheckShape<T>(destination, writing: false);
        _dataset.ReadSelection(_selection, ref H5Dataset.ArrayRef<T>(destination), destination.LongLength);
    }

    /// <summary>Reads a one-element selection (all indices).</summary>
    public T ReadScalar<T>() where T : unmanaged
    {
        T value = default;
        _dataset.ReadSelection(_selection, ref value, 1);
        return value;
    }

    /// <summary>Reads the selected elements through <paramref name="type"/> (see <see cref="H5Dataset.Read{T}(H5ElementType{T})"/>).</summary>
    public T[] Read<T>(H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _dataset.ReadSelectionElements(_selection, type);
    }

    /// <summary>Writes the selected elements through <paramref name="type"/>.</summary>
    public void Write<T>(ReadOnlySpan<T> values, H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _dataset.WriteSelectionElements(_selection, values, type);
    }

    /// <summary>Reads the selected variable-length sequences as arrays.</summary>
    public T[][] ReadSequences<T>() where T : unmanaged => Read(H5ElementType.Sequence<T>());

    /// <summary>Reads the selected variable-length sequences into one flat array with offsets.</summary>
    public H5Ragged<T> ReadRagged<T>() where T : unmanaged => _dataset.ReadSelectionRagged<T>(_selection);

    /// <summary>Reads the selected strings.</summary>
    public string[] ReadStrings() => _dataset.ReadSelectionStrings(_selection);

    /// <summary>Writes <paramref name="data"/> (row-major, length <see cref="Size"/>) into the selection.</summary>
    public void Write<T>(ReadOnlySpan<T> data) where T : unmanaged =>
        _dataset.WriteSelection(_selection, in MemoryMarshal.GetReference(data), data.Length);

    /// <summary>Writes an array of the selection's shape into the selection.</summary>
    public void WriteArray<T>(Array data) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        H5Dataset.CheckElementType<T>(data);
        CheckShape<T>(data, writing: true);
        _dataset.WriteSelection(_selection, in H5Dataset.ArrayRef<T>(data), data.LongLength);
    }

    /// <summary>Writes one value into a one-element selection.</summary>
    public void WriteScalar<T>(T value) where T : unmanaged => _dataset.WriteSelection(_selection, in value, 1);

    /// <summary>The shape of the selected data as <typeparamref name="T"/> values: <see cref="Shape"/>, followed by the
    /// dimensions of an HDF5 array element type read as its base type (see <see cref="H5Dataset.ShapeOf{T}"/>).</summary>
    public long[] ShapeOf<T>() where T : unmanaged => ShapeOf<T>(writing: false);

    private long[] ShapeOf<T>(bool writing) where T : unmanaged => [.. _selection.Shape, .. _dataset.ExtraDims<T>(writing)];

    private long[] RequireRank<T>(int rank) where T : unmanaged
    {
        var shape = ShapeOf<T>();
        if (shape.Length != rank)
            throw new H5SelectionException($"The selection {_selection} has rank {shape.Length} as {typeof(T).Name} (shape {H5Shape.Format(shape)}), not {rank}.");
        return shape;
    }

    private void CheckShape<T>(Array array, bool writing) where T : unmanaged
    {
        var expected = ShapeOf<T>(writing);
        var shape = H5Shape.Of(array);
        if (!shape.AsSpan().SequenceEqual(expected))
            throw new H5SelectionException($"The selection {_selection} has shape {H5Shape.Format(expected)} as {typeof(T).Name}; the array has shape {H5Shape.Format(shape)}.");
    }

    internal H5Selection Selection => _selection;

    /// <inheritdoc/>
    public override string ToString() => $"{_dataset.What}{_selection}";
}
