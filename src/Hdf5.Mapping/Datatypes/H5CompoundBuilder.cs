using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>Sets a member of <typeparamref name="T"/> when an element is read (a lambda such as
/// <c>(ref Station s, string v) => s.Name = v</c>, for classes and structs alike).</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TField">The member's type.</typeparam>
public delegate void H5FieldSetter<T, in TField>(ref T target, TField value);

/// <summary>
/// Describes a compound type member by member: each member's HDF5 name, how to get and set it, and its element
/// type. Members are laid out packed in the order added, as numpy lays out a structured dtype, and are matched to a
/// stored compound by name. <c>H5ElementType.Compound&lt;Station&gt;().Field("name", s =&gt; s.Name, (ref Station s, string v) =&gt; s.Name = v).Build()</c>.
/// </summary>
/// <typeparam name="T">The class or struct one element is read into and written from.</typeparam>
public sealed class H5CompoundBuilder<T>
{
    private readonly Func<T> _create;
    private readonly List<H5CompoundField<T>> _fields = [];

    internal H5CompoundBuilder(Func<T> create) => _create = create;

    /// <summary>Adds member <paramref name="name"/> (h5py: a field of the structured dtype) of element type
    /// <paramref name="type"/> (by default <see cref="H5ElementType.Of{T}"/> of <typeparamref name="TField"/>).</summary>
    public H5CompoundBuilder<T> Field<TField>(string name, Func<T, TField> get, H5FieldSetter<T, TField> set, H5ElementType<TField>? type = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        if (_fields.Any(f => f.Name == name)) throw new ArgumentException($"The compound type already has a member '{name}'.", nameof(name));
        _fields.Add(new H5CompoundField<T, TField>(name, get, set, type ?? H5ElementType.Of<TField>()));
        return this;
    }

    /// <summary>The element type with the members added so far.</summary>
    public H5ElementType<T> Build()
    {
        if (_fields.Count == 0) throw new InvalidOperationException($"The compound type of {typeof(T).Name} has no members: add them with Field.");
        return new H5CompoundElement<T>(_create, _fields.ToArray());
    }
}

/// <summary>One member of a compound element type, without its member type in the signature.</summary>
internal abstract class H5CompoundField<T>(string name)
{
    public string Name { get; } = name;
    public abstract int Size { get; }
    public abstract DatatypeId MemoryType { get; }
    public abstract bool HasPointers { get; }
    public abstract unsafe void Encode(in T value, byte* destination, H5NativeArena arena);
    public abstract unsafe void Decode(ref T target, byte* source);
    public abstract unsafe void Free(byte* element);
    public abstract H5CompoundField<T> Bind(H5TypeDescriptor stored);
}

internal sealed class H5CompoundField<T, TField>(string name, Func<T, TField> get, H5FieldSetter<T, TField> set, H5ElementType<TField> type)
    : H5CompoundField<T>(name)
{
    public override int Size => type.Size;
    public override DatatypeId MemoryType => type.MemoryType;
    public override bool HasPointers => type.HasPointers;

    public override unsafe void Encode(in T value, byte* destination, H5NativeArena arena)
    {
        try
        {
            type.Encode(get(value), destination, arena);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Member '{Name}': {e.Message}", e);
        }
    }

    public override unsafe void Decode(ref T target, byte* source) => set(ref target, type.Decode(source));
    public override unsafe void Free(byte* element) => type.Free(element);

    public override H5CompoundField<T> Bind(H5TypeDescriptor stored)
    {
        var bound = type.Bind(stored);
        return ReferenceEquals(bound, type) ? this : new H5CompoundField<T, TField>(Name, get, set, bound);
    }
}

/// <summary>A compound element: its members packed in order, each encoded by its own element type.</summary>
internal sealed class H5CompoundElement<T> : H5ElementType<T>
{
    private readonly Func<T> _create;
    private readonly H5CompoundField<T>[] _fields;
    private readonly int[] _offsets;
    private readonly bool _hasPointers;

    public H5CompoundElement(Func<T> create, H5CompoundField<T>[] fields) : base(Create(fields, out var offsets, out var size), size)
    {
        _create = create;
        _fields = fields;
        _offsets = offsets;
        _hasPointers = fields.Any(f => f.HasPointers);
    }

    private static DatatypeId Create(H5CompoundField<T>[] fields, out int[] offsets, out int size)
    {
        offsets = new int[fields.Length];
        size = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            offsets[i] = size;
            size = checked(size + fields[i].Size);
        }
        using var scope = H5Library.Enter();
        var id = new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Compound, (nuint)size), $"creating the compound type of {typeof(T).Name}"));
        for (int i = 0; i < fields.Length; i++)
            H5Call.Check(H5T.Insert(id, fields[i].Name, (nuint)offsets[i], fields[i].MemoryType), $"adding member '{fields[i].Name}' to the compound type of {typeof(T).Name}");
        return id;
    }

    internal override bool HasPointers => _hasPointers;

    internal override unsafe void Encode(in T value, byte* destination, H5NativeArena arena)
    {
        if (value is null) throw new ArgumentException($"A {typeof(T).Name} element is null.");
        for (int i = 0; i < _fields.Length; i++) _fields[i].Encode(value, destination + _offsets[i], arena);
    }

    internal override unsafe T Decode(byte* source)
    {
        var value = _create();
        for (int i = 0; i < _fields.Length; i++) _fields[i].Decode(ref value, source + _offsets[i]);
        return value;
    }

    internal override unsafe void Free(byte* element)
    {
        for (int i = 0; i < _fields.Length; i++)
            if (_fields[i].HasPointers) _fields[i].Free(element + _offsets[i]);
    }

    internal override H5ElementType<T> Bind(H5TypeDescriptor stored)
    {
        if (stored is not H5CompoundType c) return this;
        var bound = new H5CompoundField<T>[_fields.Length];
        var changed = false;
        for (int i = 0; i < _fields.Length; i++)
        {
            bound[i] = c.Member(_fields[i].Name) is { } member ? _fields[i].Bind(member.Type) : _fields[i];
            changed |= !ReferenceEquals(bound[i], _fields[i]);
        }
        return changed ? new H5CompoundElement<T>(_create, bound) : this;
    }
}
