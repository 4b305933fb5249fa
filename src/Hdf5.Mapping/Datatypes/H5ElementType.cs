using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

/// <summary>
/// How values of <typeparamref name="T"/> are laid out for libhdf5 when they are not plain blittable memory: strings,
/// variable-length sequences, arrays, opaque bytes and compounds (classes or structs) holding any of these. Each element
/// is encoded into one native buffer that libhdf5 reads in one call, and decoded from the buffer libhdf5 fills; no
/// reflection runs on that path. Build one with the factories of <see cref="H5ElementType"/> (or let the source
/// generator build it), keep it (it is immutable and thread-safe), and pass it to the reads and writes that take one:
/// <c>ds.Read(stations)</c>, <c>f.Add("stations", values, stations)</c>, <c>obj.Attrs.Set("s", value, stations)</c>.
/// </summary>
/// <typeparam name="T">The .NET type of one element.</typeparam>
public abstract class H5ElementType<T>
{
    private H5TypeDescriptor? _description;

    private protected H5ElementType(DatatypeId memoryType, int size)
    {
        MemoryType = memoryType;
        Size = size;
    }

    /// <summary>The memory type libhdf5 reads and writes the encoded elements as.</summary>
    internal DatatypeId MemoryType { get; }

    /// <summary>The size of one encoded element in bytes.</summary>
    internal int Size { get; }

    /// <summary>What the stored elements look like (the memory type's description; a new dataset is created with it).</summary>
    public H5TypeDescriptor Description => _description ??= H5TypeReader.Read(MemoryType);

    /// <summary>Whether encoded elements hold pointers that libhdf5 allocates on read (variable-length data).</summary>
    internal virtual bool HasPointers => false;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (<see cref="Size"/> bytes); memory the
    /// encoding points to comes from <paramref name="arena"/> and lives until the write is done.</summary>
    internal abstract unsafe void Encode(in T value, byte* destination, H5NativeArena arena);

    /// <summary>Encodes every value once, into scratch memory, and throws what a write would throw for them: values are
    /// checked this way before an existing attribute is replaced.</summary>
    internal unsafe void CheckEncodable(ReadOnlySpan<T> values)
    {
        var scratch = new byte[Size];
        using var arena = new H5NativeArena();
        fixed (byte* p = scratch)
            for (int i = 0; i < values.Length; i++) Encode(values[i], p, arena);
    }

    /// <summary>Reads one value from <paramref name="source"/> (<see cref="Size"/> bytes filled by libhdf5).</summary>
    internal abstract unsafe T Decode(byte* source);

    /// <summary>Frees what libhdf5 allocated inside one element it filled (variable-length strings and sequences).</summary>
    internal virtual unsafe void Free(byte* element) { }

    /// <summary>This element type adapted to a stored type: the same .NET values, with the memory layout libhdf5 can
    /// convert from <paramref name="stored"/> (a string member stored fixed-length is read fixed-length, for example).</summary>
    internal virtual H5ElementType<T> Bind(H5TypeDescriptor stored) => this;
}

/// <summary>Builds <see cref="H5ElementType{T}"/> values: the .NET side of strings, sequences, arrays, opaque bytes and
/// compounds with such members, matched to what h5py writes.</summary>
public static class H5ElementType
{
    private static readonly ConcurrentDictionary<Type, object> s_defaults = new();
    private static readonly ConcurrentDictionary<Type, object> s_sequences = new();

    /// <summary>The element type <typeparamref name="T"/> maps to without saying more: <see cref="string"/> as a
    /// variable-length UTF-8 string (h5py's <c>str</c>), a type registered with <see cref="H5TypeRegistry.RegisterElementType{T}"/>,
    /// and blittable types (numbers, bool, enums, structs of those) as themselves. Arrays need an explicit choice:
    /// <see cref="Sequence{T}()"/> (variable length) or <see cref="Array{T}(long[])"/> (fixed).</summary>
    public static H5ElementType<T> Of<T>()
    {
        if (s_defaults.TryGetValue(typeof(T), out var cached)) return (H5ElementType<T>)cached;
        return (H5ElementType<T>)s_defaults.GetOrAdd(typeof(T), static _ => Create<T>());
    }

    private static H5ElementType<T> Create<T>()
    {
        if (typeof(T) == typeof(string)) return (H5ElementType<T>)(object)String();
        if (H5TypeRegistry.ElementFactories.TryGetValue(typeof(T), out var factory)) return (H5ElementType<T>)factory();
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return new H5RawElement<T>();
        if (typeof(T).IsArray)
            throw new H5TypeMismatchException($"{typeof(T).Name} needs an explicit element type: H5ElementType.Sequence<{typeof(T).GetElementType()!.Name}>() " +
                $"for variable-length sequences (h5py's vlen_dtype) or H5ElementType.Array<{typeof(T).GetElementType()!.Name}>(dims) for fixed-size arrays.");
        throw new H5TypeMismatchException($"{typeof(T)} has no HDF5 element type: build one with H5ElementType.Compound<{typeof(T).Name}>() " +
            "or register one with H5TypeRegistry.RegisterElementType.");
    }

    /// <summary>Blittable values as they are in memory (numbers, bool, enums, structs of those).</summary>
    public static H5ElementType<T> Blittable<T>() where T : unmanaged => Of<T>();

    /// <summary>Variable-length strings (h5py's <c>str</c>, <c>string_dtype()</c>); a stored fixed-length member is read too.</summary>
    public static H5ElementType<string> String(H5CharSet charSet = H5CharSet.Utf8) => new H5StringElement(charSet);

    /// <summary>Fixed-length strings of <paramref name="size"/> bytes (numpy <c>S</c>n); longer values are an error on write.</summary>
    public static H5ElementType<string> FixedString(int size, H5CharSet charSet = H5CharSet.Ascii, H5StringPadding padding = H5StringPadding.NullPad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new H5StringElement(charSet, size, padding);
    }

    /// <summary>Variable-length sequences of blittable values (h5py: <c>vlen_dtype(numpy.dtype(T))</c>), as <c>T[]</c>.</summary>
    public static H5ElementType<T[]> Sequence<T>() where T : unmanaged =>
        (H5ElementType<T[]>)s_sequences.GetOrAdd(typeof(T), static _ => new H5SequenceElement<T>(Blittable<T>()));

    /// <summary>Variable-length sequences of any element type (strings, compounds with strings, ...), as <c>T[]</c>.</summary>
    public static H5ElementType<T[]> Sequence<T>(H5ElementType<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new H5SequenceElement<T>(element);
    }

    /// <summary>Fixed-shape HDF5 arrays of blittable values (numpy subarray dtypes such as <c>('f8', (2, 3))</c>), as a
    /// flat, row-major <c>T[]</c> of the dimensions' product.</summary>
    public static H5ElementType<T[]> Array<T>(params long[] dims) where T : unmanaged => new H5ArrayElement<T>(Blittable<T>(), dims);

    /// <summary>Fixed-shape HDF5 arrays of any element type, as a flat, row-major <c>T[]</c>.</summary>
    public static H5ElementType<T[]> Array<T>(H5ElementType<T> element, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new H5ArrayElement<T>(element, dims);
    }

    /// <summary>Opaque elements of <paramref name="size"/> bytes with a tag (numpy <c>V</c>n), as <c>byte[]</c>.</summary>
    public static H5ElementType<byte[]> Opaque(int size, string tag = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(tag);
        return new H5OpaqueElement(size, tag);
    }

    /// <summary>Starts a compound type for <typeparamref name="T"/> (a class or a struct), whose members are added with
    /// <see cref="H5CompoundBuilder{T}.Field{TField}"/>; elements read are made with <c>new T()</c>.</summary>
    public static H5CompoundBuilder<T> Compound<T>() where T : new() => new(static () => new T());

    /// <summary>Starts a compound type for <typeparamref name="T"/> whose read elements <paramref name="create"/> makes.</summary>
    public static H5CompoundBuilder<T> Compound<T>(Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return new(create);
    }
}
