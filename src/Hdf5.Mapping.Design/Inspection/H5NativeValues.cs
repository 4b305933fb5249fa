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
        using var native = fileType.GetNativeType();
        var decoder = Decoder.For(H5TypeDescriptor.Of(native), new Context(file, location));
        var size = native.GetSize();
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

        // Built from the type's description (the model every part of the library reads), not from raw libhdf5 queries.
        public static Decoder For(H5TypeDescriptor type, Context context) => type switch
        {
            H5IntegerType i => new IntegerDecoder((int)i.Size, i.IsSigned),
            H5FloatType f => new FloatDecoder((int)f.Size),
            H5EnumType e => EnumDecoder.Create(e),
            H5StringType { IsVariableLength: true } => new VariableStringDecoder(),
            H5StringType s => new FixedStringDecoder((int)s.Size, s.Padding),
            H5CompoundType c => new CompoundDecoder(c.Members.Select(m => (m.Name, (int)m.Offset, For(m.Type, context))).ToArray()),
            H5ArrayType a => new ArrayDecoder(For(a.BaseType, context), (int)a.BaseType.Size, a.ElementCount),
            H5SequenceType v => new SequenceDecoder(For(v.BaseType, context), (int)v.BaseType.Size),
            H5ReferenceType { Kind: H5ReferenceKind.Object } => new ObjectReferenceDecoder(context),
            H5ReferenceType { Kind: H5ReferenceKind.DatasetRegion } => new RegionReferenceDecoder(context),
            H5ReferenceType => new NullDecoder(), // an H5R_ref_t: not a 1.10 reference
            _ => new OpaqueDecoder((int)type.Size),
        };
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
        public static EnumDecoder Create(H5EnumType type)
        {
            var integer = new IntegerDecoder((int)type.BaseType.Size, type.BaseType.IsSigned);
            var names = new Dictionary<long, string>();
            foreach (var m in type.Members) names.TryAdd(unchecked((long)m.Value), m.Name); // the value's 64 bits, as Key gives them
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

    private sealed class FixedStringDecoder(int size, H5StringPadding pad) : Decoder
    {
        public override object? Decode(byte* p)
        {
            var text = H5Call.FromCStringSpan(new ReadOnlySpan<byte>(p, size));
            return pad == H5StringPadding.SpacePad ? text.TrimEnd(' ') : text;
        }
    }

    private sealed class CompoundDecoder((string Name, int Offset, Decoder Decoder)[] members) : Decoder
    {
        public override bool HasVariableLength => members.Any(m => m.Decoder.HasVariableLength);

        public override object? Decode(byte* p) =>
            new H5RecordValue(members.Select(m => new KeyValuePair<string, object?>(m.Name, m.Decoder.Decode(p + m.Offset))).ToArray());
    }

    private sealed class ArrayDecoder(Decoder element, int elementSize, long count) : Decoder
    {
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
