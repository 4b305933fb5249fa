using System.Runtime.CompilerServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// How elements of a .NET type move between memory and one stored type: the memory type to hand libhdf5 and how
/// many .NET values make one stored element. An HDF5 array element of <c>float64[2, 3]</c> read as <see cref="double"/>
/// is six values, the extra axes h5py adds to the shape; an opaque element read as <see cref="byte"/> is its bytes.
/// Made once per stored type and .NET type, after checking that the two convert without loss.
/// </summary>
internal sealed class H5TransferPlan : IDisposable
{
    private readonly DatatypeId? _owned;

    private H5TransferPlan(DatatypeId memoryType, DatatypeId? owned, long valuesPerElement, H5TypeDescriptor memory)
    {
        MemoryType = memoryType;
        _owned = owned;
        ValuesPerElement = valuesPerElement;
        Memory = memory;
        ChecksEnumValues = H5EnumValues.Contains(memory);
    }

    /// <summary>The memory type passed to <c>H5Dread</c>/<c>H5Dwrite</c>.</summary>
    public DatatypeId MemoryType { get; }

    /// <summary>.NET values per stored element (1, or the element count of an expanded array type, or an opaque size).</summary>
    public long ValuesPerElement { get; }

    /// <summary>The array dimensions added to the stored shape (empty unless an array type is expanded).</summary>
    public long[] ExtraDims { get; private init; } = [];

    /// <summary>The description of the memory type of one .NET value.</summary>
    public H5TypeDescriptor Memory { get; }

    /// <summary>Whether written values must be checked against enum members (the memory type holds an enum).</summary>
    public bool ChecksEnumValues { get; }

    public void Dispose() => _owned?.Dispose();

    /// <summary>The plan for a location stored exactly as <typeparamref name="T"/>'s memory type (<c>H5Tequal</c>):
    /// nothing to check or convert, so the stored type need not be described.</summary>
    public static H5TransferPlan Identical<T>() where T : unmanaged =>
        new(H5TypeMap.MemoryType<T>(), null, 1, H5TypeMap.DescriptorOf<T>());

    /// <summary>The plan for reading values stored as <paramref name="file"/> into <typeparamref name="T"/>.</summary>
    public static H5TransferPlan ForRead<T>(DatatypeId fileType, H5TypeDescriptor file, string what) where T : unmanaged =>
        Make<T>(fileType, file, what, writing: false);

    /// <summary>The plan for writing <typeparamref name="T"/> values to a location stored as <paramref name="file"/>.</summary>
    public static H5TransferPlan ForWrite<T>(DatatypeId fileType, H5TypeDescriptor file, string what) where T : unmanaged =>
        Make<T>(fileType, file, what, writing: true);

    private static H5TransferPlan Make<T>(DatatypeId fileType, H5TypeDescriptor file, string what, bool writing) where T : unmanaged
    {
        var memory = H5TypeMap.DescriptorOf<T>();
        var memoryType = H5TypeMap.MemoryType<T>();
        if (file is H5ArrayType array && memory is not H5ArrayType)
            return Expanded<T>(array, memory, memoryType, what, writing);
        if (file is H5OpaqueType && typeof(T) == typeof(byte))
        {
            // Opaque bytes convert only to the identical opaque type.
            var copy = fileType.CopyType();
            return new H5TransferPlan(copy, copy, file.Size, memory);
        }
        if (file is H5EnumType e && memory is H5IntegerType i && !writing)
            return EnumAsInteger<T>(fileType, e, i, what);
        var problems = H5TypeCompatibility.Problems(file, memory, writing);
        if (problems.Count > 0) throw Mismatch<T>(file, what, writing, problems);
        return new H5TransferPlan(memoryType, null, 1, memory);
    }

    // h5py adds an array type's dimensions to the shape: each stored element becomes that many values of the base.
    private static unsafe H5TransferPlan Expanded<T>(H5ArrayType array, H5TypeDescriptor memory, DatatypeId memoryType, string what, bool writing) where T : unmanaged
    {
        var problems = H5TypeCompatibility.Problems(array.BaseType, memory, writing);
        if (problems.Count > 0) throw Mismatch<T>(array, what, writing, problems);
        var dims = H5Shape.ToNative(array.Dims.ToArray(), "dims");
        DatatypeId id;
        using (H5Library.Enter())
        {
            fixed (ulong* p = dims)
                id = new DatatypeId(H5Call.Check(H5T.ArrayCreate2(memoryType, (uint)dims.Length, p), $"creating the memory type of {what}"));
        }
        return new H5TransferPlan(id, id, array.ElementCount, memory) { ExtraDims = array.Dims.ToArray() };
    }

    // h5py reads an enum as its base integer: read the raw values straight into an integer of the same size and sign.
    private static H5TransferPlan EnumAsInteger<T>(DatatypeId fileType, H5EnumType file, H5IntegerType memory, string what) where T : unmanaged
    {
        if (file.Size != memory.Size || file.BaseType.IsSigned != memory.IsSigned)
            throw new H5TypeMismatchException($"{what} stores {file}, which can be read as its base integer {file.BaseType.ToString()} but not as {typeof(T).Name}.");
        using var scope = H5Library.Enter();
        var native = fileType.GetNativeType();
        return new H5TransferPlan(native, native, 1, memory);
    }

    private static H5TypeMismatchException Mismatch<T>(H5TypeDescriptor file, string what, bool writing, List<string> problems) =>
        new((writing
            ? $"{what} stores {file}; {typeof(T).Name} values cannot be written to it: {string.Join("; ", problems)}."
            : $"{what} stores {file}, which cannot be read as {typeof(T).Name}: {string.Join("; ", problems)}.") + Hint(file, writing));

    // Where the values of a type that blittable elements cannot hold are read and written instead.
    private static string Hint(H5TypeDescriptor file, bool writing) => file switch
    {
        H5SequenceType => writing ? " Write it with WriteSequences or WriteRagged." : " Read it with ReadSequences<T>() or ReadRagged<T>().",
        H5StringType => writing ? " Write it with WriteStrings." : " Read it with ReadStrings().",
        { HasVariableLengthData: true } => " Use an element type: H5ElementType.Compound<T>()...Build(), or a generator-mapped record.",
        _ => "",
    };

    /// <summary>Throws when an element of <paramref name="values"/> holds an enum value that is not a member of its enum
    /// type: libhdf5 would store it as it is, and readers would find a value their enum does not define.</summary>
    public void CheckEnumValues<T>(ReadOnlySpan<T> values, string what) where T : unmanaged
    {
        if (!ChecksEnumValues) return;
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values);
        var size = Unsafe.SizeOf<T>();
        for (int i = 0; i < values.Length; i++)
            if (H5EnumValues.FindUndefined(Memory, bytes.Slice(i * size, size), "") is { } bad)
                throw new ArgumentException($"Element {i} written to {what} holds {bad}.", nameof(values));
    }
}
