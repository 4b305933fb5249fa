using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>A dataset's shape and, when asked, its elements as they were before a journaled change wrote it in place
/// (see <see cref="H5ChangeJournal"/>): <see cref="Restore"/> puts them back. The elements are kept as libhdf5 reads
/// them in their stored type, variable-length parts included (freed by <see cref="Dispose"/>); references stay valid
/// within the file.</summary>
internal sealed record H5DataKept : H5ChangeJournal.Change, IDisposable
{
    private readonly DatatypeId? _type;
    private nint _elements;

    private H5DataKept(string path, long[] shape, DatatypeId? type, nint elements)
    {
        Path = path;
        Shape = shape;
        _type = type;
        _elements = elements;
    }

    public string Path { get; }
    public long[] Shape { get; }

    /// <summary>Reads what <paramref name="dataset"/> (at <paramref name="path"/>) holds now.</summary>
    public static unsafe H5DataKept Take(H5Dataset dataset, string path, bool elements)
    {
        using var scope = H5Library.Enter();
        var shape = dataset.Shape;
        var count = H5Shape.Product(shape);
        if (!elements || count == 0) return new(path, shape, null, 0);
        var type = dataset.FileType();
        var size = checked((nuint)H5T.GetSize(type) * (nuint)count);
        var buffer = NativeMemory.Alloc(size);
        if (H5D.Read(dataset.Id, type, DataspaceId.All, DataspaceId.All, PropertyListId.Default, buffer) < 0)
        {
            var stack = H5ErrorStack.Capture(); // before closing the type, which clears it
            NativeMemory.Free(buffer);
            type.Dispose();
            throw dataset.DataFailure(stack, $"Keeping the elements of {dataset.What} before writing it in place");
        }
        return new(path, shape, type, (nint)buffer);
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
        if (_elements != 0)
            H5Call.Check(H5D.Write(dataset.Id, _type!, DataspaceId.All, DataspaceId.All, PropertyListId.Default, (void*)_elements), $"restoring the elements of {dataset.What}", Path);
    }

    /// <summary>Frees the kept elements (and the variable-length data libhdf5 allocated for them).</summary>
    public unsafe void Dispose()
    {
        if (_elements == 0) return;
        using (H5Library.Enter())
        {
            using var space = H5Shape.CreateSpace(Shape);
            if (H5Api.ReclaimVlen(_type!, space, PropertyListId.Default, (void*)_elements) < 0) H5ErrorStack.Capture(); // nothing to report it to
        }
        NativeMemory.Free((void*)_elements);
        _elements = 0;
        _type!.Dispose();
    }
}
