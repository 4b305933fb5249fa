using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Registers the HDF5 compound type of a struct, so reads and writes of it need no reflection. The source
/// generator emits these calls from a module initializer; hand-written code may call it too.
/// </summary>
public static class H5TypeRegistry
{
    internal static readonly ConcurrentDictionary<Type, Func<H5Datatype>> Factories = new();

    /// <summary>Registers the datatype factory of <typeparamref name="T"/> (the last registration wins).</summary>
    public static void Register<T>(Func<H5Datatype> factory) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factories[typeof(T)] = factory;
    }

    /// <summary>Whether <typeparamref name="T"/> has a registered datatype.</summary>
    public static bool IsRegistered<T>() where T : unmanaged => Factories.ContainsKey(typeof(T));
}

/// <summary>
/// The one table from .NET types to HDF5 memory types (style habit 4: one datatype mapping). Memory types
/// are created once per .NET type and kept for the life of the process.
/// </summary>
internal static class H5TypeMap
{
    private static readonly ConcurrentDictionary<Type, DatatypeId> s_cache = new();

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
        return s_cache.TryGetValue(typeof(T), out var id) ? id : Create<T>();
    }

    private static DatatypeId Create<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        var id = CreateFor(typeof(T));
        H5T.Lock(id); // shared and immutable from now on
        return s_cache.GetOrAdd(typeof(T), id);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only unregistered structs reach the reflection path; generated code registers its structs, and trimmed apps must too (documented).")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: fields of unregistered structs.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "As above: fields of unregistered structs.")]
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
        if (t == typeof(Half)) return CreateHalf();
        if (t == typeof(bool)) return CreateBool();
        if (t == typeof(H5ObjectReference)) return Copy(H5Globals.StdRefObj);
        if (t == typeof(H5RegionReference)) return Copy(H5Globals.StdRefDsetReg);
        if (t.IsEnum) return CreateEnum(t);
        if (H5TypeRegistry.Factories.TryGetValue(t, out var factory))
        {
            using var registered = factory();
            return Copy(registered.Id);
        }
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

    private static unsafe DatatypeId CreateEnum(Type t)
    {
        var underlying = Enum.GetUnderlyingType(t);
        var id = new DatatypeId(H5Call.Check(H5T.EnumCreate(CreateFor(underlying))));
        var names = Enum.GetNames(t);
        var values = Enum.GetValuesAsUnderlyingType(t);
        for (int i = 0; i < names.Length; i++)
        {
            long v = Convert.ToInt64(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            H5Call.Check(H5T.EnumInsert(id, names[i], &v), $"adding enum member {names[i]}"); // little-endian: the low bytes are the value
        }
        return id;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "See CreateFor.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "See CreateFor.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Marshal.SizeOf/OffsetOf of a blittable struct needs no marshalling stub; the generator registers its structs so AOT apps never get here.")]
    private static DatatypeId CreateCompound([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type t)
    {
        var size = Marshal.SizeOf(t);
        var id = new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Compound, (nuint)size), $"creating the compound type of {t}"));
        foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var offset = (nuint)Marshal.OffsetOf(t, field.Name);
            var name = MemberName(field);
            var fixedBuffer = field.GetCustomAttribute<FixedBufferAttribute>();
            using var member = fixedBuffer is null ? CreateFor(field.FieldType) : CreateFixedArray(fixedBuffer);
            H5Call.Check(H5T.Insert(id, name, offset, member), $"adding member {name} of {t}");
        }
        return id;
    }

    private static unsafe DatatypeId CreateFixedArray(FixedBufferAttribute fixedBuffer)
    {
        using var element = CreateFor(fixedBuffer.ElementType);
        ulong n = (ulong)fixedBuffer.Length;
        return new DatatypeId(H5Call.Check(H5T.ArrayCreate2(element, 1, &n)));
    }

    // Auto-properties compile to "<Name>k__BackingField"; the HDF5 member is the property name.
    private static string MemberName(FieldInfo field)
    {
        var n = field.Name;
        return n.StartsWith('<') && n.IndexOf('>') is > 1 and var end ? n[1..end] : n;
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

    /// <summary>Checks that data stored as <paramref name="fileType"/> can be converted to <typeparamref name="T"/>,
    /// and returns the memory type to read with (which differs from <see cref="MemoryType{T}"/> for enums read as integers).</summary>
    public static DatatypeId ForRead<T>(DatatypeId fileType, string what, out DatatypeId? owned) where T : unmanaged
    {
        owned = null;
        var mem = MemoryType<T>();
        var fileClass = H5T.GetClass(fileType);
        var memClass = H5T.GetClass(mem);
        if (Compatible(fileType, fileClass, mem, memClass)) return mem;
        if (fileClass == H5T.Class.Enum && memClass == H5T.Class.Integer && (int)H5T.GetSize(fileType) == Unsafe.SizeOf<T>())
        {
            // h5py reads an enum as its base integer: read the enum's native form straight into T.
            owned = new DatatypeId(H5Call.Check(H5T.GetNativeType(fileType, H5T.Direction.Default)));
            return owned;
        }
        throw new H5TypeMismatchException($"{what} stores {Describe(fileType)}, which cannot be read as {typeof(T).Name}.");
    }

    /// <summary>Checks that <typeparamref name="T"/> can be written to a location stored as <paramref name="fileType"/>.</summary>
    public static DatatypeId ForWrite<T>(DatatypeId fileType, string what) where T : unmanaged
    {
        var mem = MemoryType<T>();
        var fileClass = H5T.GetClass(fileType);
        var memClass = H5T.GetClass(mem);
        if (Compatible(fileType, fileClass, mem, memClass)) return mem;
        throw new H5TypeMismatchException($"{what} stores {Describe(fileType)}; {typeof(T).Name} values cannot be written to it.");
    }

    // References convert only to their own kind: libhdf5 1.12+ "converts" an H5R_ref_t (64 bytes) or a region
    // reference to an object reference without an error, giving paths that are empty or wrong.
    private static bool Compatible(H5Id fileType, H5T.Class file, H5Id memType, H5T.Class mem) =>
        file == H5T.Class.Reference
            ? mem == H5T.Class.Reference && H5T.GetSize(fileType) == H5T.GetSize(memType)
            : file == mem || (IsNumeric(file) && IsNumeric(mem));

    private static bool IsNumeric(H5T.Class c) => c is H5T.Class.Integer or H5T.Class.Float or H5T.Class.Bitfield;

    /// <summary>What a reference type of <paramref name="size"/> bytes is: libhdf5 1.10's object (8) or region (12)
    /// reference, or the opaque <c>H5R_ref_t</c> of libhdf5 1.12 and later.</summary>
    internal static string ReferenceText(long size) => size switch
    {
        8 => "object reference",
        12 => "region reference",
        _ => "reference (H5R_ref_t of libhdf5 1.12+)",
    };

    /// <summary>A numpy-like name of a stored type.</summary>
    public static unsafe string Describe(H5Id type)
    {
        var cls = H5T.GetClass(type);
        var size = (long)H5T.GetSize(type);
        switch (cls)
        {
            case H5T.Class.Integer:
            {
                var signed = H5T.GetSign(type) == H5T.Sign.TwosComplement;
                var be = H5T.GetOrder(type) == H5T.Order.BigEndian;
                return (be ? "big-endian " : "") + (signed ? "int" : "uint") + (size * 8).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            case H5T.Class.Float:
            {
                var be = H5T.GetOrder(type) == H5T.Order.BigEndian;
                return (be ? "big-endian " : "") + "float" + (size * 8).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            case H5T.Class.String:
            {
                var cset = H5T.GetCset(type) == H5T.Cset.Utf8 ? "UTF-8" : "ASCII";
                return H5T.IsVariableStr(type) > 0 ? $"string (variable-length, {cset})" : $"string (fixed-length {size} bytes, {cset})";
            }
            case H5T.Class.Enum:
                return $"enum ({size} bytes)";
            case H5T.Class.Compound:
                return $"compound ({H5T.GetNmembers(type)} members, {size} bytes)";
            case H5T.Class.Reference:
                return ReferenceText(size);
            case H5T.Class.Array:
                return $"array ({size} bytes)";
            case H5T.Class.Vlen:
                return "variable-length sequence";
            case H5T.Class.Opaque:
                return $"opaque ({size} bytes)";
            case H5T.Class.Bitfield:
                return $"bitfield ({size * 8} bits)";
            default:
                return cls.ToString();
        }
    }
}
