using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

/// <summary>
/// Measures where the fields of a struct lie in managed memory, which is where libhdf5 reads and writes them: arrays
/// of structs are pinned and handed over as they are. <see cref="Marshal.SizeOf(Type)"/> and
/// <see cref="Marshal.OffsetOf(Type, string)"/> describe the marshalled layout instead, which differs as soon as a
/// struct holds a <see cref="bool"/> (4 marshalled bytes, 1 managed) or a <see cref="char"/> (1 and 2), so they
/// cannot be used. Nothing here is assumed: each field is set to a value without zero bytes in an otherwise zeroed
/// array element, and its offset is where the element's bytes stop being zero.
/// </summary>
/// <remarks>Only structs that were not registered (<see cref="H5TypeRegistry"/>) are measured, once per type; the
/// source generator registers the structs it maps with offsets the compiler computes.</remarks>
internal static class H5StructLayout
{
    /// <summary>One instance field and its byte offset.</summary>
    public readonly record struct Field(FieldInfo Info, int Offset);

    /// <summary>The managed size of <paramref name="type"/> and the offset of each instance field, in declaration order.</summary>
    [RequiresDynamicCode("Creates arrays of the measured struct type.")]
    [RequiresUnreferencedCode("Reads the fields of the measured struct type.")]
    public static (int Size, Field[] Fields) Measure([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var array = Array.CreateInstance(type, 2);
        var size = Stride(array);
        var result = new Field[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            var element = RuntimeHelpers.GetUninitializedObject(type); // a zeroed boxed instance
            fields[i].SetValue(element, Marker(fields[i].FieldType));
            array.SetValue(element, 0);
            var first = FirstNonZero(array, size);
            array.SetValue(RuntimeHelpers.GetUninitializedObject(type), 0);
            if (first < 0)
                throw new H5TypeMismatchException($"The layout of {type} could not be measured (field {fields[i].Name} of {fields[i].FieldType} left no trace).");
            result[i] = new Field(fields[i], first - LeadingZeros(fields[i].FieldType));
        }
        return (size, result);
    }

    // The distance between two array elements is the managed size of the type (what Unsafe.SizeOf<T> returns).
    private static int Stride(Array array)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            return (int)(Marshal.UnsafeAddrOfPinnedArrayElement(array, 1) - Marshal.UnsafeAddrOfPinnedArrayElement(array, 0));
        }
        finally
        {
            handle.Free();
        }
    }

    private static int FirstNonZero(Array array, int size)
    {
        ref byte start = ref MemoryMarshal.GetArrayDataReference(array);
        for (int i = 0; i < size; i++)
            if (Unsafe.Add(ref start, i) != 0) return i;
        return -1;
    }

    // A struct whose first field does not start at offset 0 (explicit layouts) shows its marker later than its own offset.
    [RequiresDynamicCode("Creates arrays of the measured struct type.")]
    [RequiresUnreferencedCode("Reads the fields of the measured struct type.")]
    private static int LeadingZeros(Type type)
    {
        if (type.IsPrimitive || type.IsEnum) return 0;
        var (_, fields) = Measure(type);
        return fields.Length == 0 ? 0 : fields.Min(f => f.Offset + LeadingZeros(f.Info.FieldType));
    }

    /// <summary>A boxed value of <paramref name="type"/> whose first byte is not zero.</summary>
    [RequiresUnreferencedCode("Reads the fields of nested struct types.")]
    private static object Marker(Type type)
    {
        if (type == typeof(bool)) return true;
        if (type == typeof(char)) return '\uffff';
        if (type == typeof(byte)) return byte.MaxValue;
        if (type == typeof(sbyte)) return (sbyte)-1;
        if (type == typeof(short)) return (short)-1;
        if (type == typeof(ushort)) return ushort.MaxValue;
        if (type == typeof(int)) return -1;
        if (type == typeof(uint)) return uint.MaxValue;
        if (type == typeof(long)) return -1L;
        if (type == typeof(ulong)) return ulong.MaxValue;
        if (type == typeof(nint)) return (nint)(-1);
        if (type == typeof(nuint)) return nuint.MaxValue;
        if (type == typeof(float)) return BitConverter.Int32BitsToSingle(-1);
        if (type == typeof(double)) return BitConverter.Int64BitsToDouble(-1);
        if (type == typeof(Half)) return BitConverter.Int16BitsToHalf(-1);
        if (type.IsEnum)
            return Enum.GetUnderlyingType(type) is var u && (u == typeof(ulong) || u == typeof(uint) || u == typeof(ushort) || u == typeof(byte))
                ? Enum.ToObject(type, ulong.MaxValue) : Enum.ToObject(type, -1L);
        if (type.IsValueType && !type.IsPrimitive)
        {
            var value = RuntimeHelpers.GetUninitializedObject(type);
            foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                f.SetValue(value, Marker(f.FieldType));
            return value;
        }
        throw new H5TypeMismatchException($"{type} cannot be a member of an HDF5 compound type.");
    }
}
