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
        var result = GC.AllocateUninitializedArray<T>(H5Shape.ArrayLength(Size, $"The selection {_selection} of {_dataset.What}"));
        _dataset.ReadSelection(_selection, ref MemoryMarshal.GetArrayDataReference(result), result.LongLength);
        return result;
    }

    /// <summary>Reads the selection into <paramref name="destination"/> (length must equal <see cref="Size"/>).</summary>
    public void Read<T>(Span<T> destination) where T : unmanaged =>
        _dataset.ReadSelection(_selection, ref MemoryMarshal.GetReference(destination), destination.Length);

    /// <summary>Reads a selection of rank 2 into a new <c>T[,]</c>.</summary>
    public T[,] Read2D<T>() where T : unmanaged
    {
        RequireRank(2);
        var result = new T[_selection.Shape[0], _selection.Shape[1]];
        ReadInto<T>(result);
        return result;
    }

    /// <summary>Reads a selection of rank 3 into a new <c>T[,,]</c>.</summary>
    public T[,,] Read3D<T>() where T : unmanaged
    {
        RequireRank(3);
        var result = new T[_selection.Shape[0], _selection.Shape[1], _selection.Shape[2]];
        ReadInto<T>(result);
        return result;
    }

    /// <summary>Reads the selection into an array of any rank with the selection's shape.</summary>
    public void ReadInto<T>(Array destination) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        H5Dataset.CheckElementType<T>(destination);
        var shape = H5Shape.Of(destination);
        if (!shape.AsSpan().SequenceEqual(_selection.Shape))
            throw new H5SelectionException($"The selection {_selection} has shape {H5Shape.Format(_selection.Shape)}; the array has shape {H5Shape.Format(shape)}.");
        _dataset.ReadSelection(_selection, ref H5Dataset.ArrayRef<T>(destination), destination.LongLength);
    }

    /// <summary>Reads a one-element selection (all indices).</summary>
    public T ReadScalar<T>() where T : unmanaged
    {
        T value = default;
        _dataset.ReadSelection(_selection, ref value, 1);
        return value;
    }

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
        var shape = H5Shape.Of(data);
        if (!shape.AsSpan().SequenceEqual(_selection.Shape))
            throw new H5SelectionException($"The selection {_selection} has shape {H5Shape.Format(_selection.Shape)}; the array has shape {H5Shape.Format(shape)}.");
        _dataset.WriteSelection(_selection, in H5Dataset.ArrayRef<T>(data), data.LongLength);
    }

    /// <summary>Writes one value into a one-element selection.</summary>
    public void WriteScalar<T>(T value) where T : unmanaged => _dataset.WriteSelection(_selection, in value, 1);

    private void RequireRank(int rank)
    {
        if (_selection.Shape.Length != rank)
            throw new H5SelectionException($"The selection {_selection} has rank {_selection.Shape.Length} (shape {H5Shape.Format(_selection.Shape)}), not {rank}.");
    }

    internal H5Selection Selection => _selection;

    /// <inheritdoc/>
    public override string ToString() => $"{_dataset.What}{_selection}";
}
