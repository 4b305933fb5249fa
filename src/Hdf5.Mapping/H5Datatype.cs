using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// An HDF5 datatype (h5py: <c>Dataset.dtype</c>, and <c>h5py.h5t.TypeID</c> at the low level). Creates the
/// types this library maps .NET types to, and describes stored types.
/// </summary>
public sealed class H5Datatype : IDisposable
{
    /// <summary>Wraps a datatype id.</summary>
    public H5Datatype(DatatypeId id) => Id = id;

    /// <summary>The low-level id.</summary>
    public DatatypeId Id { get; }

    /// <summary>The native memory type that <typeparamref name="T"/> is read and written as (a new copy the
    /// caller owns): primitives, <see cref="Half"/>, <see cref="bool"/> (h5py's enum), enums, registered or
    /// blittable structs (compound), <see cref="H5ObjectReference"/> and <see cref="H5RegionReference"/>.</summary>
    public static H5Datatype Native<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return new H5Datatype(new DatatypeId(H5Call.Check(H5T.Copy(H5TypeMap.MemoryType<T>()), "copying a datatype")));
    }

    /// <summary>A variable-length string type (what h5py writes for <c>str</c>).</summary>
    public static H5Datatype VariableString(H5CharSet charSet = H5CharSet.Utf8)
    {
        using var scope = H5Library.Enter();
        return new H5Datatype(H5TypeMap.CreateVariableString((H5T.Cset)charSet));
    }

    /// <summary>A fixed-length string type of <paramref name="size"/> bytes (numpy <c>S</c>n in h5py).</summary>
    public static H5Datatype FixedString(int size, H5CharSet charSet = H5CharSet.Ascii, H5StringPadding padding = H5StringPadding.NullPad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = H5Library.Enter();
        return new H5Datatype(H5TypeMap.CreateFixedString(size, (H5T.Cset)charSet, (H5T.Str)padding));
    }

    /// <summary>An HDF5 enum type with the names and values of <typeparamref name="TEnum"/>.</summary>
    public static H5Datatype Enum<TEnum>() where TEnum : unmanaged, Enum => Native<TEnum>();

    /// <summary>An HDF5 array type: each element is an array of <paramref name="dims"/> of <paramref name="element"/>.</summary>
    public static unsafe H5Datatype Array(H5Datatype element, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(element);
        var d = H5Shape.ToNative(dims, nameof(dims));
        using var scope = H5Library.Enter();
        fixed (ulong* p = d)
            return new H5Datatype(new DatatypeId(H5Call.Check(H5T.ArrayCreate2(element.Id, (uint)d.Length, p), "creating an array type")));
    }

    /// <summary>An empty compound type of <paramref name="size"/> bytes; add members with <see cref="Insert"/>.</summary>
    public static H5Datatype Compound(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = H5Library.Enter();
        return new H5Datatype(new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Compound, (nuint)size), "creating a compound type")));
    }

    /// <summary>Adds a member to this compound type at a byte offset; returns this type for chaining.</summary>
    public H5Datatype Insert(string name, int offset, H5Datatype member)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var scope = H5Library.Enter();
        H5Call.Check(H5T.Insert(Id, name, (nuint)offset, member.Id), $"adding member '{name}' to a compound type");
        return this;
    }

    /// <summary>The class (integer, float, string, compound, ...).</summary>
    public H5TypeClass Class
    {
        get
        {
            using var scope = H5Library.Enter();
            return (H5TypeClass)H5T.GetClass(Id);
        }
    }

    /// <summary>Size of one element in bytes (for variable-length strings, the size of a pointer).</summary>
    public long Size
    {
        get
        {
            using var scope = H5Library.Enter();
            return (long)H5T.GetSize(Id);
        }
    }

    /// <summary>Whether this is a variable-length string type.</summary>
    public bool IsVariableString
    {
        get
        {
            using var scope = H5Library.Enter();
            return H5T.GetClass(Id) == H5T.Class.String && H5Call.CheckBool(H5T.IsVariableStr(Id));
        }
    }

    /// <summary>The character set of a string type.</summary>
    public H5CharSet CharSet
    {
        get
        {
            using var scope = H5Library.Enter();
            return (H5CharSet)H5T.GetCset(Id);
        }
    }

    /// <summary>The padding of a fixed-length string type.</summary>
    public H5StringPadding Padding
    {
        get
        {
            using var scope = H5Library.Enter();
            return (H5StringPadding)H5T.GetStrpad(Id);
        }
    }

    /// <summary>Members of a compound or enum type (name and, for compounds, byte offset).</summary>
    public unsafe IReadOnlyList<(string Name, long Offset)> Members
    {
        get
        {
            using var scope = H5Library.Enter();
            var n = H5Call.Check(H5T.GetNmembers(Id));
            var list = new List<(string, long)>(n);
            var isCompound = H5T.GetClass(Id) == H5T.Class.Compound;
            for (uint i = 0; i < n; i++)
            {
                var p = H5T.GetMemberName(Id, i);
                var name = H5Call.FromCString(p);
                H5.FreeMemory(p);
                list.Add((name, isCompound ? (long)H5T.GetMemberOffset(Id, i) : 0));
            }
            return list;
        }
    }

    /// <summary>The names and values of an enum type's members, in order (values widened to <see cref="long"/>).</summary>
    public unsafe IReadOnlyList<(string Name, long Value)> EnumValues
    {
        get
        {
            using var scope = H5Library.Enter();
            if (H5T.GetClass(Id) != H5T.Class.Enum) throw new InvalidOperationException($"{this} is not an enum type.");
            var n = H5Call.Check(H5T.GetNmembers(Id));
            using var super = new DatatypeId(H5Call.Check(H5T.GetSuper(Id), "reading an enum's base type"));
            var size = (int)H5T.GetSize(super);
            var signed = H5T.GetSign(super) != H5T.Sign.None;
            var list = new List<(string, long)>(n);
            var buffer = stackalloc byte[16];
            for (uint i = 0; i < n; i++)
            {
                var p = H5T.GetMemberName(Id, i);
                var name = H5Call.FromCString(p);
                H5.FreeMemory(p);
                H5Call.Check(H5T.GetMemberValue(Id, i, buffer), "reading an enum member's value");
                long value = size switch
                {
                    1 => signed ? *(sbyte*)buffer : *buffer,
                    2 => signed ? *(short*)buffer : *(ushort*)buffer,
                    4 => signed ? *(int*)buffer : *(uint*)buffer,
                    _ => *(long*)buffer,
                };
                list.Add((name, value));
            }
            return list;
        }
    }

    /// <summary>The base integer type of an enum (or the element type of an array or sequence type); dispose it.</summary>
    public H5Datatype BaseType
    {
        get
        {
            using var scope = H5Library.Enter();
            return new H5Datatype(new DatatypeId(H5Call.Check(H5T.GetSuper(Id), "reading a base type")));
        }
    }

    /// <summary>The type of compound member <paramref name="index"/>; dispose it.</summary>
    public H5Datatype MemberType(int index)
    {
        using var scope = H5Library.Enter();
        return new H5Datatype(new DatatypeId(H5Call.Check(H5T.GetMemberType(Id, (uint)index), "reading a compound member's type")));
    }

    /// <summary>Whether the two types are the same HDF5 type (<c>H5Tequal</c>).</summary>
    public bool IsSameAs(H5Datatype other)
    {
        using var scope = H5Library.Enter();
        return H5Call.CheckBool(H5T.Equal(Id, other.Id));
    }

    /// <summary>Stores this type in the file as a named datatype (h5py: <c>group["name"] = numpy.dtype</c>).</summary>
    public void Commit(H5Group group, string name)
    {
        ArgumentNullException.ThrowIfNull(group);
        H5Names.Validate(name, nameof(name));
        using var scope = H5Library.Enter();
        group.File.RefuseUnderSwmr($"commit datatype '{name}' in {group.What}");
        H5Call.Check(H5T.Commit2(group.LocationId, name, Id, H5Links.CreatePropertiesFor(name), PropertyListId.Default, PropertyListId.Default), $"committing datatype '{name}'");
    }

    /// <summary>A short numpy-like description: <c>float64</c>, <c>int32</c>, <c>&gt;i4</c>, <c>string (variable, UTF-8)</c>, <c>S8</c>, ...</summary>
    public override string ToString()
    {
        using var scope = H5Library.Enter();
        return H5TypeMap.Describe(Id);
    }

    /// <inheritdoc/>
    public void Dispose() => Id.Dispose();
}
