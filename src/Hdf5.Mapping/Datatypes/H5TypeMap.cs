using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The one table from .NET types to HDF5 memory types. Memory types are created once per .NET type, locked and
/// kept for the life of the process; the first use of a type is serialized so that threads racing to it share one id.
/// Structs are laid out as .NET lays them out in memory (measured, or registered by the generator), since that is
/// the memory libhdf5 reads and writes. Files get the packed form of a compound (no padding), as numpy and h5py
/// write it.
/// </summary>
internal static class H5TypeMap
{
    private static readonly ConcurrentDictionary<Type, DatatypeId> s_memory = new();
    private static readonly ConcurrentDictionary<Type, DatatypeId> s_packed = new();
    private static readonly ConcurrentDictionary<Type, H5TypeDescriptor> s_descriptors = new();
    private static readonly object s_createGate = new();

    /// <summary>The memory type of <typeparamref name="T"/> (shared; never close it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DatatypeId MemoryType<T>() where T : unmanaged
    {
        // The JIT folds these type tests per instantiation: primitives cost one branch.
        if (typeof(T) == typeof(double)) return H5Globals.NativeDouble;
        if (typeof(T) == typeof(float)) return H5Globals.NativeFloat;
        if (typeof(T) == typeof(int)) return H5Globals.NativeInt32;
        if (typeof(T) == typeof(long)) return H5Globals.NativeInt64;
        if (typeof(T) == typeof(byte)) return H5Globals.NativeUInt8;
        if (typeof(T) == typeof(sbyte)) return H5Globals.NativeInt8;
        if (typeof(T) == typeof(short)) return H5Globals.NativeInt16;
        if (typeof(T) == typeof(ushort)) return H5Globals.NativeUInt16;
        if (typeof(T) == typeof(uint)) return H5Globals.NativeUInt32;
        if (typeof(T) == typeof(ulong)) return H5Globals.NativeUInt64;
        return s_memory.TryGetValue(typeof(T), out var id) ? id : Create<T>();
    }

    /// <summary>The type a dataset or attribute of <typeparamref name="T"/> is created with: the memory type, with
    /// compounds packed as numpy lays out a structured dtype unless <paramref name="aligned"/> (shared; never close it).</summary>
    public static DatatypeId FileType<T>(bool aligned = false) where T : unmanaged
    {
        var memory = MemoryType<T>();
        if (aligned || !DescriptorOf<T>().IsOrContainsCompound()) return memory;
        if (s_packed.TryGetValue(typeof(T), out var packed)) return packed;
        using var scope = H5Library.Enter();
        lock (s_createGate)
        {
            if (s_packed.TryGetValue(typeof(T), out packed)) return packed;
            packed = memory.CopyType();
            H5Call.Check(H5T.Pack(packed), $"packing the compound type of {typeof(T).Name}");
            H5Call.Check(H5T.Lock(packed));
            s_packed[typeof(T)] = packed;
            return packed;
        }
    }

    /// <summary>The description of <typeparamref name="T"/>'s memory type (read once per type).</summary>
    public static H5TypeDescriptor DescriptorOf<T>() where T : unmanaged =>
        s_descriptors.TryGetValue(typeof(T), out var d) ? d : s_descriptors.GetOrAdd(typeof(T), _ => H5TypeReader.Read(MemoryType<T>()));

    private static DatatypeId Create<T>() where T : unmanaged => MemoryType(typeof(T), Unsafe.SizeOf<T>());

    /// <summary>The memory type of <paramref name="type"/>, a type without references whose managed size is
    /// <paramref name="size"/> (shared; never close it). For code that is generic without the unmanaged constraint.</summary>
    public static DatatypeId MemoryType(Type type, int size)
    {
        if (s_memory.TryGetValue(type, out var cached)) return cached;
        // Library scope before the gate, always in this order, so a thread holding the library lock never waits for
        // the gate while another holds the gate and waits for the library.
        using var scope = H5Library.Enter();
        lock (s_createGate)
        {
            if (s_memory.TryGetValue(type, out var existing)) return existing;
            var id = CreateFor(type);
            if (id.GetSize() != size)
            {
                var made = id.GetSize();
                id.Dispose();
                throw new H5TypeMismatchException($"The HDF5 type of {type} has {made} bytes, but {type.Name} has {size}: "
                    + "a registered type must describe the struct's memory exactly.");
            }
            H5Call.Check(H5T.Lock(id), $"locking the datatype of {type}"); // shared and immutable from now on
            s_memory[type] = id;
            return id;
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only unregistered structs reach the reflection path; generated code registers its structs, and trimmed apps must too (documented).")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "As above: fields of unregistered structs.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "As above: fields of unregistered structs.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: NativeAOT apps register their structs, so the measuring path is not reached.")]
    private static DatatypeId CreateFor(Type t)
    {
        if (t == typeof(double)) return Copy(H5Globals.NativeDouble);
        if (t == typeof(float)) return Copy(H5Globals.NativeFloat);
        if (t == typeof(int)) return Copy(H5Globals.NativeInt32);
        if (t == typeof(long)) return Copy(H5Globals.NativeInt64);
        if (t == typeof(byte)) return Copy(H5Globals.NativeUInt8);
        if (t == typeof(sbyte)) return Copy(H5Globals.NativeInt8);
        if (t == typeof(short)) return Copy(H5Globals.NativeInt16);
        if (t == typeof(ushort)) return Copy(H5Globals.NativeUInt16);
        if (t == typeof(uint)) return Copy(H5Globals.NativeUInt32);
        if (t == typeof(ulong)) return Copy(H5Globals.NativeUInt64);
        // A UTF-16 code unit: HDF5 has no character type of that width, so it is stored as what it is, a uint16.
        if (t == typeof(char)) return Copy(H5Globals.NativeUInt16);
        if (t == typeof(Half)) return CreateHalf();
        if (t == typeof(bool)) return CreateBool();
        if (t == typeof(H5ObjectReference)) return Copy(H5Globals.StdRefObj);
        if (t == typeof(H5RegionReference)) return Copy(H5Globals.StdRefDsetReg);
        if (t == typeof(Complex)) return CreateComplex(H5Globals.NativeDouble, 8);
        if (t == typeof(H5Complex64)) return CreateComplex(H5Globals.NativeFloat, 4);
        if (t.IsEnum) return CreateEnum(t);
        if (H5TypeRegistry.Factories.TryGetValue(t, out var factory))
        {
            using var registered = factory();
            return Copy(registered.Id);
        }
        if (t == typeof(nint) || t == typeof(nuint) || t.IsPointer)
            throw new H5TypeMismatchException($"{t} has no HDF5 datatype: pointer-sized values are not portable between machines.");
        if (t.IsValueType && !t.IsPrimitive) return CreateCompound(t);
        throw new H5TypeMismatchException($"{t} has no HDF5 datatype mapping.");
    }

    private static DatatypeId Copy(DatatypeId source) => new(H5Call.Check(H5T.Copy(source), "copying a datatype"));

    // h5py's float16: IEEE_F32LE reshaped to 1 sign, 5 exponent and 10 mantissa bits (h5t.pyx).
    private static DatatypeId CreateHalf()
    {
        var id = Copy(H5Globals.IeeeF32Le);
        H5Call.Check(H5T.SetFields(id, 15, 10, 5, 0, 10));
        H5Call.Check(H5T.SetSize(id, 2));
        H5Call.Check(H5T.SetEbias(id, 15));
        return id;
    }

    // h5py stores numpy bool as an int8 enum {FALSE = 0, TRUE = 1}; we use the same so h5py reads bool back.
    private static unsafe DatatypeId CreateBool()
    {
        var id = new DatatypeId(H5Call.Check(H5T.EnumCreate(H5Globals.NativeInt8)));
        sbyte f = 0, t = 1;
        H5Call.Check(H5T.EnumInsert(id, "FALSE", &f));
        H5Call.Check(H5T.EnumInsert(id, "TRUE", &t));
        return id;
    }

    // h5py stores numpy complex as a compound {r, i} of two floats of the part's size (h5t.pyx: _c_complex).
    private static DatatypeId CreateComplex(DatatypeId part, int partSize)
    {
        var id = new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Compound, (nuint)(2 * partSize)), "creating a complex type"));
        H5Call.Check(H5T.Insert(id, "r", 0, part));
        H5Call.Check(H5T.Insert(id, "i", (nuint)partSize, part));
        return id;
    }

    private static unsafe DatatypeId CreateEnum(Type t)
    {
        var underlying = Enum.GetUnderlyingType(t);
        using var baseType = CreateFor(underlying);
        var id = new DatatypeId(H5Call.Check(H5T.EnumCreate(baseType)));
        var unsigned = underlying == typeof(byte) || underlying == typeof(ushort) || underlying == typeof(uint) || underlying == typeof(ulong);
        var names = Enum.GetNames(t);
        var values = Enum.GetValuesAsUnderlyingType(t);
        for (int i = 0; i < names.Length; i++)
        {
            // The value's bits in a 64-bit little-endian slot: libhdf5 reads the base type's size from its start.
            var boxed = values.GetValue(i)!;
            ulong bits = unsigned ? Convert.ToUInt64(boxed, System.Globalization.CultureInfo.InvariantCulture)
                : unchecked((ulong)Convert.ToInt64(boxed, System.Globalization.CultureInfo.InvariantCulture));
            H5Call.Check(H5T.EnumInsert(id, names[i], &bits), $"adding enum member {names[i]} of {t.Name}");
        }
        return id;
    }

    [RequiresDynamicCode("Measures the struct's layout.")]
    [RequiresUnreferencedCode("Reads the struct's fields.")]
    private static DatatypeId CreateCompound([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type t)
    {
        var inline = t.GetCustomAttribute<InlineArrayAttribute>();
        var (size, fields) = H5StructLayout.Measure(t);
        if (inline is not null) return CreateArray(fields[0].Info.FieldType, inline.Length);
        if (fields.Length == 0) throw new H5TypeMismatchException($"{t} has no fields: an HDF5 compound type needs at least one member.");
        var id = new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Compound, (nuint)size), $"creating the compound type of {t}"));
        foreach (var (field, offset) in fields)
        {
            var name = MemberName(field);
            var fixedBuffer = field.GetCustomAttribute<FixedBufferAttribute>();
            using var member = fixedBuffer is null ? CreateFor(field.FieldType) : CreateArray(fixedBuffer.ElementType, fixedBuffer.Length);
            H5Call.Check(H5T.Insert(id, name, (nuint)offset, member), $"adding member {name} of {t}");
        }
        return id;
    }

    private static unsafe DatatypeId CreateArray(Type element, int length)
    {
        using var elementType = CreateFor(element);
        ulong n = (ulong)length;
        return new DatatypeId(H5Call.Check(H5T.ArrayCreate2(elementType, 1, &n), $"creating an array type of {length} {element.Name}"));
    }

    // [H5Field("name")] names the member; auto-properties compile to "<Name>k__BackingField", whose member is the property name.
    private static string MemberName(FieldInfo field)
    {
        if (field.GetCustomAttribute<H5FieldAttribute>() is { } named) return named.Name;
        var n = field.Name;
        return n.StartsWith('<') && n.IndexOf('>') is > 1 and var end ? n[1..end] : n;
    }

    private static readonly DatatypeId?[] s_variableStrings = new DatatypeId?[2];

    /// <summary>The variable-length string type of <paramref name="cset"/> (ASCII or UTF-8), shared and locked: never
    /// close it. Strings are read and written through it by the thousand; a new type per call is four calls more.</summary>
    public static DatatypeId VariableString(H5T.Cset cset)
    {
        if (cset is not (H5T.Cset.Ascii or H5T.Cset.Utf8)) throw new ArgumentOutOfRangeException(nameof(cset), cset, "ASCII or UTF-8");
        var index = cset == H5T.Cset.Utf8 ? 1 : 0;
        if (Volatile.Read(ref s_variableStrings[index]) is { } known) return known;
        using var scope = H5Library.Enter();
        lock (s_createGate)
        {
            if (s_variableStrings[index] is { } existing) return existing;
            var id = CreateVariableString(cset);
            H5Call.Check(H5T.Lock(id), "locking the variable-length string type"); // shared and immutable from now on
            Volatile.Write(ref s_variableStrings[index], id);
            return id;
        }
    }

    public static DatatypeId CreateVariableString(H5T.Cset cset)
    {
        var id = Copy(H5Globals.CS1);
        H5Call.Check(H5T.SetSize(id, H5T.Variable));
        H5Call.Check(H5T.SetCset(id, cset));
        return id;
    }

    public static DatatypeId CreateFixedString(int size, H5T.Cset cset, H5T.Str pad)
    {
        var id = Copy(H5Globals.CS1);
        H5Call.Check(H5T.SetSize(id, (nuint)size));
        H5Call.Check(H5T.SetCset(id, cset));
        H5Call.Check(H5T.SetStrpad(id, pad));
        return id;
    }

    /// <summary>The wording of a stored type, for messages.</summary>
    public static string Describe(DatatypeId type) => H5TypeReader.Read(type).ToString();

    private static bool IsOrContainsCompound(this H5TypeDescriptor d) => d switch
    {
        H5CompoundType => true,
        H5ArrayType a => a.BaseType.IsOrContainsCompound(),
        H5SequenceType s => s.BaseType.IsOrContainsCompound(),
        _ => false,
    };
}
