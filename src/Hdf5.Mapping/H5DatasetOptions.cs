using System.Runtime.CompilerServices;

namespace Hdf5.Mapping;

/// <summary>
/// How a dataset is stored (h5py's <c>create_dataset</c> keyword arguments): layout, chunk shape, maximum shape,
/// the filter pipeline and the fill value.
/// </summary>
public sealed class H5DatasetOptions
{
    /// <summary>Chunk shape (h5py: <c>chunks=</c>). Required for filters and unlimited dimensions; when filters
    /// or a maximum shape are set without chunks, a chunk shape is guessed as h5py does.</summary>
    public long[]? Chunks { get; set; }

    /// <summary>Maximum shape; <see cref="H5Dataset.Unlimited"/> (-1) for an unlimited dimension (h5py: <c>maxshape=</c>, <c>None</c>).</summary>
    public long[]? MaxShape { get; set; }

    /// <summary>Layout; chosen from the other options when null (chunked if chunks, filters or a maximum shape are set).</summary>
    public H5Layout? Layout { get; set; }

    /// <summary>The filter pipeline, applied in order when writing (h5py: <c>compression=</c>, <c>shuffle=</c>, ...).</summary>
    public IList<H5Filter> Filters { get; } = new List<H5Filter>();

    /// <summary>Whether the object header records creation and modification times; off, as in h5py, so that
    /// identical content gives identical files.</summary>
    public bool TrackTimes { get; set; }

    /// <summary>Whether a dataset of structs keeps .NET's layout of the struct, with its padding, in the file. By
    /// default (false) the compound type is packed, as numpy lays out a structured dtype and h5py writes it: a struct
    /// <c>{ byte Tag; int Value; }</c> is stored as 5 bytes, not 8. libhdf5 converts between the two layouts on every
    /// read and write; aligned storage skips that conversion at the cost of the padding bytes.</summary>
    public bool AlignCompounds { get; set; }

    /// <summary>When the fill value is written into new storage (h5py: <c>dcpl.set_fill_time</c>). Null gives h5py's
    /// choice: <see cref="H5FillTime.Alloc"/> for chunked datasets (so chunks added by a resize read as the fill
    /// value), libhdf5's default <see cref="H5FillTime.IfSet"/> for the other layouts.</summary>
    public H5FillTime? FillTime { get; set; }

    /// <summary>The fill value's bytes, .NET type and memory type, if one was set.</summary>
    internal (byte[] Bytes, Type Type, LowLevel.DatatypeId MemoryType)? FillValue { get; private set; }

    /// <summary>Sets the value unwritten elements read as (h5py: <c>fillvalue=</c>); must have the dataset's element type.</summary>
    public void SetFillValue<T>(T value) where T : unmanaged
    {
        var bytes = new byte[Unsafe.SizeOf<T>()];
        Unsafe.WriteUnaligned(ref bytes[0], value);
        FillValue = (bytes, typeof(T), H5TypeMap.MemoryType<T>());
    }

    /// <summary>Sets the fill value fluently (see <see cref="SetFillValue{T}"/>).</summary>
    public H5DatasetOptions WithFillValue<T>(T value) where T : unmanaged
    {
        SetFillValue(value);
        return this;
    }

    /// <summary>Adds filters fluently: <c>new H5DatasetOptions { Chunks = [20, 250] }.With(H5Filter.Deflate(6))</c>.</summary>
    public H5DatasetOptions With(params H5Filter[] filters)
    {
        foreach (var f in filters) Filters.Add(f);
        return this;
    }
}
