using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>A dataset's shape and, when asked, its elements as they were before a journaled change wrote it in place
/// (see <see cref="H5ChangeJournal"/>): <see cref="Restore"/> puts them back. Variable-length strings are kept as
/// strings; other types as their stored bytes (references stay valid within the file).</summary>
internal sealed record H5DataKept : H5ChangeJournal.Change, IDisposable
{
    private H5DataKept(string path, long[] shape, DatatypeId? type, byte[]? bytes, string[]? strings)
    {
        Path = path;
        Shape = shape;
        Type = type;
        Bytes = bytes;
        Strings = strings;
    }

    public string Path { get; }
    public long[] Shape { get; }
    private DatatypeId? Type { get; }
    private byte[]? Bytes { get; }
    private string[]? Strings { get; }

    /// <summary>Reads what <paramref name="dataset"/> (at <paramref name="path"/>) holds now.</summary>
    /// <exception cref="NotSupportedException">Its elements are variable-length sequences, which are not kept.</exception>
    public static unsafe H5DataKept Take(H5Dataset dataset, string path, bool elements)
    {
        using var scope = H5Library.Enter();
        var shape = dataset.Shape;
        if (!elements) return new(path, shape, null, null, null);
        var type = dataset.FileType();
        try
        {
            if (H5Call.CheckBool(H5T.IsVariableStr(type), $"inspecting the datatype of {dataset.What}"))
            {
                var strings = dataset.ReadStrings();
                type.Dispose();
                return new(path, shape, null, null, strings);
            }
            if (H5Call.Check(H5T.DetectClass(type, H5T.Class.Vlen), $"inspecting the datatype of {dataset.What}") > 0)
                throw new NotSupportedException($"Cannot write {dataset.What} in place as part of a change that must be undoable: it holds variable-length " +
                    "sequences, which are not kept for the undo.");
            var bytes = new byte[checked((long)H5T.GetSize(type) * H5Shape.Product(shape))];
            if (bytes.Length > 0)
                fixed (byte* p = bytes)
                    H5Call.Check(H5D.Read(dataset.Id, type, DataspaceId.All, DataspaceId.All, PropertyListId.Default, p), $"keeping the elements of {dataset.What}", path);
            return new(path, shape, type, bytes, null);
        }
        catch
        {
            type.Dispose();
            throw;
        }
    }

    /// <summary>Gives the dataset at <see cref="Path"/> of <paramref name="file"/> its kept shape and elements again.</summary>
    public unsafe void Restore(H5File file)
    {
        using var scope = H5Library.Enter();
        using var dataset = file.OpenDataset(Path);
        if (!dataset.Shape.AsSpan().SequenceEqual(Shape))
        {
            var native = H5Shape.ToNative(Shape, "shape");
            fixed (ulong* p = native) H5Call.Check(H5D.SetExtent(dataset.Id, p), $"restoring the shape of {dataset.What}", Path);
        }
        if (Strings is not null) dataset.WriteStrings(Strings);
        else if (Bytes is { Length: > 0 } bytes)
            fixed (byte* p = bytes)
                H5Call.Check(H5D.Write(dataset.Id, Type!, DataspaceId.All, DataspaceId.All, PropertyListId.Default, p), $"restoring the elements of {dataset.What}", Path);
    }

    /// <inheritdoc/>
    public void Dispose() => Type?.Dispose();
}
