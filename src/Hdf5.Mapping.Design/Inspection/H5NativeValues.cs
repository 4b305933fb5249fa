using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.Design.Inspection;

/// <summary>One element of a compound type: its members' values in the type's order.</summary>
/// <param name="Fields">Member names and values.</param>
internal sealed record H5RecordValue(IReadOnlyList<KeyValuePair<string, object?>> Fields);

/// <summary>A region reference as read: the dataset it points into and the selection.</summary>
/// <param name="Dataset">The target's path.</param>
/// <param name="Region">The blocks or points.</param>
internal sealed record H5RegionValue(string Dataset, H5Region Region)
{
    public override string ToString() => Region.IsPoints ? $"{Dataset} {Region}" : Dataset + Region;
}

/// <summary>Bytes without a numeric or text meaning (opaque, bitfield and time types).</summary>
/// <param name="Bytes">The element's bytes.</param>
internal sealed record H5OpaqueValue(byte[] Bytes)
{
    public override string ToString() => "0x" + Convert.ToHexString(Bytes).ToLowerInvariant();
}

/// <summary>
/// Reads the values of a dataset or attribute of any type for listings and dumps: the elements are read once in the
/// type's native layout (<c>H5Tget_native_type</c>) and decoded member by member — integers, floats of their own
/// precision, enums as member names, strings, compounds as records, arrays and sequences as lists, object references
/// as target paths, region references as target and selection. What has no decoded form (long double, the 1.12
/// <c>H5R_ref_t</c>) reads as null.
/// </summary>
internal static unsafe class H5NativeValues
{
    public static object?[] Read(H5Dataset dataset)
    {
        using var scope = H5Library.Enter();
        using var fileType = new DatatypeId(H5Call.Check(H5D.GetType(dataset.Id), $"reading the type of {dataset.Name}"));
        using var space = new DataspaceId(H5Call.Check(H5D.GetSpace(dataset.Id), $"reading the shape of {dataset.Name}"));
        return ReadAll(fileType, space, dataset.Size, dataset.File, dataset.Id,
            (type, buffer) => H5D.Read(dataset.Id, type, DataspaceId.All, DataspaceId.All, PropertyListId.Default, buffer), dataset.Name);
    }

    public static object?[] Read(H5Attribute attribute, H5Object owner)
    {
        using var scope = H5Library.Enter();
        using var fileType = new DatatypeId(H5Call.Check(H5A.GetType(attribute.Id), $"reading the type of attribute '{attribute.Name}'"));
        using var space = new DataspaceId(H5Call.Check(H5A.GetSpace(attribute.Id), $"reading the shape of attribute '{attribute.Name}'"));
        return ReadAll(fileType, space, attribute.Size, owner.File, attribute.Id,
            (type, buffer) => H5A.Read(attribute.Id, type, buffer), $"attribute '{attribute.Name}'");
    }

    private delegate int Reader(DatatypeId memoryType, void* buffer);

    private static object?[] ReadAll(DatatypeId fileType, DataspaceId space, long count, H5File file, H5Id location, Reader read, string what)
    {
        using var native = new DatatypeId(H5Call.Check(H5T.GetNativeType(fileType, H5T.Direction.Default), $"finding the native type of {what}"));
        var decoder = Decoder.For(native, new Context(file, location));
        var size = (long)H5T.GetSize(native);
        var buffer = new byte[checked(count * size)];
        var values = new object?[count];
        fixed (byte* p = buffer)
        {
            H5Call.Check(read(native, p), $"reading {what}");
            try
            {
                for (long i = 0; i < count; i++) values[i] = decoder.Decode(p + i * size);
            }
            finally
            {
                // Variable-length strings and sequences point into memory libhdf5 allocated for this read.
                if (decoder.HasVariableLength) H5Call.Check(H5Api.ReclaimVlen(native, space, PropertyListId.Default, p), $"freeing what reading {what} allocated");
            }
        }
        return values;
    }

    private sealed record Context(H5File File, H5Id Location);

    /// <summary>Decodes one element of a native type; built once per type, applied to every element.</summary>
    private abstract class Decoder
    {
        public virtual bool HasVariableLength => false;

        public abstract object? Decode(byte* p);

        public static Decoder For(H5Id type, Context context)
        {
            var size = (int)H5T.GetSize(type);
            switch (H5T.GetClass(type))
            {
                case H5T.Class.Integer:
                    return new IntegerDecoder(size, H5T.GetSign(type) != H5T.Sign.None);
                case H5T.Class.Float:
                    return new FloatDecoder(size);
                case H5T.Class.Enum:
                    return EnumDecoder.Create(type);
                case H5T.Class.String:
                    return H5Call.CheckBool(H5T.IsVariableStr(type)) ? new VariableStringDecoder() : new FixedStringDecoder(size, H5T.GetStrpad(type));
                case H5T.Class.Compound:
                    return CompoundDecoder.Create(type, context);
                case H5T.Class.Array:
                    return ArrayDecoder.Create(type, context);
                case H5T.Class.Vlen:
                    using (var super = new DatatypeId(H5Call.Check(H5T.GetSuper(type))))
                        return new SequenceDecoder(For(super, context), (int)H5T.GetSize(super));
                case H5T.Class.Reference when size == 8:
                    return new ObjectReferenceDecoder(context);
                case H5T.Class.Reference when size == 12:
                    return new RegionReferenceDecoder(context);
                case H5T.Class.Reference:
                    return new NullDecoder(); // an H5R_ref_t: not a 1.10 reference
                default:
                    return new OpaqueDecoder(size);
            }
        }
    }

    private sealed class NullDecoder : Decoder
    {
        public override object? Decode(byte* p) => null;
    }

    private sealed class IntegerDecoder(int size, bool signed) : Decoder
    {
        public override object? Decode(byte* p) => (size, signed) switch
        {
            (1, true) => (long)*(sbyte*)p,
            (1, false) => (ulong)*p,
            (2, true) => (long)*(short*)p,
            (2, false) => (ulong)*(ushort*)p,
            (4, true) => (long)*(int*)p,
            (4, false) => (ulong)*(uint*)p,
            (8, true) => *(long*)p,
            (8, false) => *(ulong*)p,
            _ => new H5OpaqueValue(new ReadOnlySpan<byte>(p, size).ToArray()),
        };
    }

    private sealed class FloatDecoder(int size) : Decoder
    {
        // Each float keeps its own precision, so it prints as the shortest text that reads back to it.
        public override object? Decode(byte* p) => size switch
        {
            2 => *(Half*)p,
            4 => *(float*)p,
            8 => *(double*)p,
            _ => null, // long double has no .NET counterpart
        };
    }

    private sealed class EnumDecoder(IntegerDecoder integer, Dictionary<long, string> names) : Decoder
    {
        public static EnumDecoder Create(H5Id type)
        {
            using var super = new DatatypeId(H5Call.Check(H5T.GetSuper(type)));
            var integer = new IntegerDecoder((int)H5T.GetSize(super), H5T.GetSign(super) != H5T.Sign.None);
            var names = new Dictionary<long, string>();
            var n = H5Call.Check(H5T.GetNmembers(type));
            var value = stackalloc byte[16];
            for (uint i = 0; i < n; i++)
            {
                var name = H5T.GetMemberName(type, i);
                try
                {
                    H5Call.Check(H5T.GetMemberValue(type, i, value));
                    names.TryAdd(Key(integer.Decode(value)), H5Call.FromCString(name));
                }
                finally
                {
                    H5.FreeMemory(name);
                }
            }
            return new EnumDecoder(integer, names);
        }

        private static long Key(object? v) => v is ulong u ? unchecked((long)u) : (long)v!;

        // A value that is no member (HDF5 allows it) stays a number.
        public override object? Decode(byte* p)
        {
            var v = integer.Decode(p);
            return names.TryGetValue(Key(v), out var name) ? name : v;
        }
    }

    private sealed class VariableStringDecoder : Decoder
    {
        public override bool HasVariableLength => true;

        public override object? Decode(byte* p) => *(byte**)p is var s && s != null ? H5Call.FromCString(s) : null;
    }

    private sealed class FixedStringDecoder(int size, H5T.Str pad) : Decoder
    {
        public override object? Decode(byte* p)
        {
            var text = H5Call.FromCStringSpan(new ReadOnlySpan<byte>(p, size));
            return pad == H5T.Str.SpacePad ? text.TrimEnd(' ') : text;
        }
    }

    private sealed class CompoundDecoder((string Name, int Offset, Decoder Decoder)[] members) : Decoder
    {
        public static CompoundDecoder Create(H5Id type, Context context)
        {
            var n = H5Call.Check(H5T.GetNmembers(type));
            var members = new (string, int, Decoder)[n];
            for (uint i = 0; i < n; i++)
            {
                var name = H5T.GetMemberName(type, i);
                var memberName = H5Call.FromCString(name);
                H5.FreeMemory(name);
                using var memberType = new DatatypeId(H5Call.Check(H5T.GetMemberType(type, i)));
                members[i] = (memberName, (int)H5T.GetMemberOffset(type, i), For(memberType, context));
            }
            return new CompoundDecoder(members);
        }

        public override bool HasVariableLength => members.Any(m => m.Decoder.HasVariableLength);

        public override object? Decode(byte* p) =>
            new H5RecordValue(members.Select(m => new KeyValuePair<string, object?>(m.Name, m.Decoder.Decode(p + m.Offset))).ToArray());
    }

    private sealed class ArrayDecoder(Decoder element, int elementSize, long count) : Decoder
    {
        public static ArrayDecoder Create(H5Id type, Context context)
        {
            var rank = H5Call.Check(H5T.GetArrayNdims(type));
            var dims = stackalloc ulong[Math.Max(rank, 1)];
            H5Call.Check(H5T.GetArrayDims2(type, dims));
            long count = 1;
            for (int d = 0; d < rank; d++) count *= (long)dims[d];
            using var super = new DatatypeId(H5Call.Check(H5T.GetSuper(type)));
            return new ArrayDecoder(For(super, context), (int)H5T.GetSize(super), count);
        }

        public override bool HasVariableLength => element.HasVariableLength;

        // Flat, in row-major order, as the values of a dataset are.
        public override object? Decode(byte* p)
        {
            var values = new object?[count];
            for (long i = 0; i < count; i++) values[i] = element.Decode(p + i * elementSize);
            return values;
        }
    }

    private sealed class SequenceDecoder(Decoder element, int elementSize) : Decoder
    {
        public override bool HasVariableLength => true;

        public override object? Decode(byte* p)
        {
            // hvl_t: { size_t len; void *p; }
            var length = (long)*(nuint*)p;
            var data = *(byte**)(p + sizeof(nuint));
            var values = new object?[length];
            for (long i = 0; i < length; i++) values[i] = element.Decode(data + i * elementSize);
            return values;
        }
    }

    private sealed class ObjectReferenceDecoder(Context context) : Decoder
    {
        public override object? Decode(byte* p)
        {
            if (*(ulong*)p == 0) return null;
            var address = (nint)p;
            return H5Call.ReadString((b, n) => H5R.GetName(context.Location, H5R.Type.Object, (void*)address, b, n), "reading a reference's target");
        }
    }

    private sealed class RegionReferenceDecoder(Context context) : Decoder
    {
        public override object? Decode(byte* p)
        {
            var reference = *(H5RegionReference*)p;
            if (reference.IsNull) return null;
            var address = (nint)p;
            var target = H5Call.ReadString((b, n) => H5R.GetName(context.Location, H5R.Type.DatasetRegion, (void*)address, b, n), "reading a region reference's target");
            using var dataset = context.File.OpenDataset(target);
            return new H5RegionValue(target, dataset.GetRegion(reference));
        }
    }

    private sealed class OpaqueDecoder(int size) : Decoder
    {
        public override object? Decode(byte* p) => new H5OpaqueValue(new ReadOnlySpan<byte>(p, size).ToArray());
    }
}
