using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Whole-dataset reads, writes and copies that report progress and can be cancelled. They move the data in blocks of
// whole chunks (H5Blocks), still straight between your pinned memory and libhdf5: each block is one H5Dread/H5Dwrite
// whose memory selection is the block's place in your array. Without a progress sink or a cancellable token they are
// the single-call transfers of H5Dataset.cs.
public sealed partial class H5Dataset
{
    /// <summary>Reads every element, row-major, reporting <see cref="H5ProgressUnit.Bytes"/> after each block of about
    /// 8 MiB (whole chunks) and stopping between blocks when <paramref name="cancellationToken"/> is cancelled.</summary>
    public T[] Read<T>(IProgress<H5Progress>? progress, CancellationToken cancellationToken = default) where T : unmanaged
    {
        long size;
        using (H5Library.Enter()) size = Size * ValuesPerElement<T>(writing: false);
        var result = GC.AllocateUninitializedArray<T>(checked((int)size));
        Read<T>(result.AsSpan(), progress, cancellationToken);
        return result;
    }

    /// <summary>Reads every element into <paramref name="destination"/> (its length must equal <see cref="Size"/>),
    /// reporting progress in bytes after each block; see <see cref="Read{T}(IProgress{H5Progress}?, CancellationToken)"/>.</summary>
    public void Read<T>(Span<T> destination, IProgress<H5Progress>? progress, CancellationToken cancellationToken = default) where T : unmanaged
    {
        long[] shape;
        long perElement;
        using (H5Library.Enter())
        {
            CheckWholeValues<T>(destination.Length, writing: false);
            (shape, perElement) = (Shape, ValuesPerElement<T>(writing: false));
        }
        TransferInBlocks(ref MemoryMarshal.GetReference(destination), shape, perElement, write: false, progress, cancellationToken);
    }

    /// <summary>Reads the whole dataset into an array of any rank whose shape equals <see cref="Shape"/>, reporting
    /// progress in bytes after each block.</summary>
    public void ReadInto<T>(Array destination, IProgress<H5Progress>? progress, CancellationToken cancellationToken = default) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckElementType<T>(destination);
        long[] shape;
        long perElement;
        using (H5Library.Enter())
        {
            CheckWholeShape<T>(destination, writing: false);
            (shape, perElement) = (Shape, ValuesPerElement<T>(writing: false));
        }
        TransferInBlocks(ref ArrayRef<T>(destination), shape, perElement, write: false, progress, cancellationToken);
    }

    /// <summary>Writes the whole dataset from <paramref name="data"/> (row-major, <see cref="Size"/> elements), reporting
    /// progress in bytes after each block of whole chunks. Cancelling stops between blocks: the blocks before stay
    /// written, the rest keep their previous contents.</summary>
    public void Write<T>(ReadOnlySpan<T> data, IProgress<H5Progress>? progress, CancellationToken cancellationToken = default) where T : unmanaged
    {
        long[] shape;
        long perElement;
        using (H5Library.Enter())
        {
            CheckWholeValues<T>(data.Length, writing: true);
            (shape, perElement) = (Shape, ValuesPerElement<T>(writing: true));
        }
        TransferInBlocks(ref MemoryMarshal.GetReference(data), shape, perElement, write: true, progress, cancellationToken);
    }

    /// <summary>Writes the whole dataset from an array of any rank whose shape equals <see cref="Shape"/>, reporting
    /// progress in bytes after each block; see <see cref="Write{T}(ReadOnlySpan{T}, IProgress{H5Progress}?, CancellationToken)"/>.</summary>
    public void WriteArray<T>(Array data, IProgress<H5Progress>? progress, CancellationToken cancellationToken = default) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckElementType<T>(data);
        long[] shape;
        long perElement;
        using (H5Library.Enter())
        {
            CheckWholeShape<T>(data, writing: true);
            (shape, perElement) = (Shape, ValuesPerElement<T>(writing: true));
        }
        TransferInBlocks(ref ArrayRef<T>(data), shape, perElement, write: true, progress, cancellationToken);
    }

    // perElement: .NET values per stored element (more than one when an array-typed dataset is read as its base type).
    private void TransferInBlocks<T>(ref T buffer, long[] shape, long perElement, bool write, IProgress<H5Progress>? progress, CancellationToken cancellationToken) where T : unmanaged
    {
        var elementBytes = Unsafe.SizeOf<T>() * perElement;
        var total = H5Shape.Product(shape) * elementBytes;
        var name = progress is null ? null : Name;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new H5Progress(0, total, H5ProgressUnit.Bytes, name));
        H5Blocks? blocks = null;
        if (shape.Length > 0 && (progress is not null || cancellationToken.CanBeCanceled))
            using (H5Library.Enter()) blocks = new H5Blocks(shape, Chunks, elementBytes);
        if (blocks is null || blocks.Count <= 1)
        {
            using (H5Library.Enter()) OneTransfer(ref buffer, H5Shape.Product(shape) * perElement, write, DataspaceId.All, DataspaceId.All);
            progress?.Report(new H5Progress(total, total, H5ProgressUnit.Bytes, name));
            return;
        }
        using var fileSpace = FileSpace();
        using var memSpace = H5Shape.CreateSpace(shape); // your whole array; each block selects its own place in it
        long done = 0;
        foreach (var (start, count, elements) in blocks.Enumerate())
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (H5Library.Enter())
            {
                H5Blocks.Select(fileSpace, start, count);
                H5Blocks.Select(memSpace, start, count);
                OneTransfer(ref buffer, elements * perElement, write, memSpace, fileSpace);
            }
            done += elements * elementBytes;
            progress?.Report(new H5Progress(done, total, H5ProgressUnit.Bytes, name));
        }
    }

    private void OneTransfer<T>(ref T buffer, long elements, bool write, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged
    {
        if (write) _io.Write(in buffer, elements, memSpace, fileSpace);
        else _io.Read(ref buffer, elements, memSpace, fileSpace);
    }

    /// <summary>Copies every element into <paramref name="destination"/>, a dataset of the same shape in this file or
    /// another, whose stored type is the same (h5repack's job: give the destination the chunks, filters, fill value or
    /// layout you want; a different type raises <see cref="H5TypeMismatchException"/> before anything is written, since
    /// libhdf5 would clip values that do not fit). Blocks of whole
    /// chunks of the destination, about 8 MiB each, pass through one buffer, reporting
    /// <see cref="H5ProgressUnit.Bytes"/> (of the source's native type) after each; cancelling stops between blocks.
    /// Attributes are not copied. References are refused across files: they would point into the wrong file.</summary>
    public unsafe void CopyTo(H5Dataset destination, IProgress<H5Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long[] shape;
        long[]? chunks;
        using (H5Library.Enter())
        {
            shape = Shape;
            var target = destination.Shape;
            if (!shape.AsSpan().SequenceEqual(target))
                throw new H5SelectionException($"Cannot copy {What} of shape {H5Shape.Format(shape)} into {destination.What} of shape {H5Shape.Format(target)}.");
            chunks = destination.Chunks;
        }
        using var fileType = FileType();
        using (var targetType = destination.FileType())
            if (!H5Call.CheckBool(H5T.Equal(fileType, targetType)))
                throw new H5TypeMismatchException($"Cannot copy {What} ({H5TypeMap.Describe(fileType)}) into {destination.What}, which stores {H5TypeMap.Describe(targetType)}.");
        using var memType = new DatatypeId(H5Call.Check(H5T.GetNativeType(fileType, H5T.Direction.Default), $"finding the native type of {What}"));
        if (H5Call.CheckBool(H5T.DetectClass(fileType, H5T.Class.Reference)) && !ReferenceEquals(File, destination.File) && File.Filename != destination.File.Filename)
            throw new H5TypeMismatchException($"{What} holds references, which would point into '{destination.File.Filename}' after a copy: copy it within its own file.");
        var vlen = H5Call.CheckBool(H5T.DetectClass(memType, H5T.Class.Vlen)) || H5Call.CheckBool(H5T.IsVariableStr(memType));
        var elementBytes = (long)H5T.GetSize(memType);
        var blocks = new H5Blocks(shape, chunks, elementBytes);
        var total = H5Shape.Product(shape) * elementBytes;
        var name = progress is null ? null : Name;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new H5Progress(0, total, H5ProgressUnit.Bytes, name));
        if (shape.Length == 0)
        {
            CopyBlock(destination, memType, DataspaceId.All, DataspaceId.All, DataspaceId.All, 1, elementBytes, vlen);
            progress?.Report(new H5Progress(total, total, H5ProgressUnit.Bytes, name));
            return;
        }
        using var sourceSpace = FileSpace();
        using var targetSpace = destination.FileSpace();
        long done = 0;
        foreach (var (start, count, elements) in blocks.Enumerate())
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (H5Library.Enter())
            {
                H5Blocks.Select(sourceSpace, start, count);
                H5Blocks.Select(targetSpace, start, count);
                using var memSpace = H5Shape.CreateSpace(Array.ConvertAll(count, c => (long)c)); // the block's shape: see H5Selection
                CopyBlock(destination, memType, memSpace, sourceSpace, targetSpace, elements, elementBytes, vlen);
            }
            done += elements * elementBytes;
            progress?.Report(new H5Progress(done, total, H5ProgressUnit.Bytes, name));
        }
    }

    private unsafe void CopyBlock(H5Dataset destination, DatatypeId memType, DataspaceId memSpace, DataspaceId sourceSpace,
        DataspaceId targetSpace, long elements, long elementBytes, bool vlen)
    {
        var bytes = checked((nuint)(elements * elementBytes));
        var buffer = NativeMemory.AllocZeroed(Math.Max(bytes, 1));
        try
        {
            if (H5D.Read(Id, memType, memSpace, sourceSpace, PropertyListId.Default, buffer) < 0)
            {
                throw DataFailure(H5ErrorStack.Capture(), $"Reading {What}");
            }
            try
            {
                H5Call.Check(H5D.Write(destination.Id, memType, memSpace, targetSpace, PropertyListId.Default, buffer), $"Writing {destination.What}");
            }
            finally
            {
                // libhdf5 allocated the variable-length parts of what it read; hand them back through its allocator.
                if (vlen)
                {
                    using var space = ReferenceEquals(memSpace, DataspaceId.All) ? FileSpace() : null;
                    H5Api.ReclaimVlen(memType, space ?? memSpace, PropertyListId.Default, buffer);
                }
            }
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }
}
