using System.Collections;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The attributes of an object with dictionary semantics (h5py's <c>obj.attrs</c>). Setting a name that exists
/// replaces the attribute, as in h5py. Strings are written as variable-length UTF-8 unless you ask for fixed length.
/// </summary>
public sealed class H5AttributeCollection : IEnumerable<string>
{
    private readonly H5Object _owner;

    internal H5AttributeCollection(H5Object owner) => _owner = owner;

    private string OwnerText => _owner.What;

    /// <summary>The attribute names, in creation order when the object tracks it, otherwise in name order.</summary>
    public unsafe IReadOnlyList<string> Keys
    {
        get
        {
            using var scope = H5Library.Enter();
            if (H5ChildProgress.Enabled) H5ChildProgress.Report($"listing the attributes of {OwnerText}");
            var n = CountCore();
            var index = TracksOrder() ? H5.Index.CrtOrder : H5.Index.Name;
            var names = new string[n];
            var owner = _owner.LocationId;
            var context = n == 0 ? null : $"listing the attributes of {OwnerText}";
            for (int i = 0; i < n; i++)
            {
                ulong k = (ulong)i;
                names[i] = H5Call.ReadString((b, s) => H5A.GetNameByIdx(owner, ".", index, H5.IterOrder.Inc, k, b, s, PropertyListId.Default), context, _owner.Path);
            }
            return names;
        }
    }

    /// <summary>The number of attributes.</summary>
    public int Count
    {
        get
        {
            using var scope = H5Library.Enter();
            return CountCore();
        }
    }

    private int CountCore() =>
        (int)H5ObjectInfo.Get(_owner.LocationId, H5O.InfoNumAttrs, $"counting the attributes of {OwnerText}", _owner.Path).AttributeCount;

    private unsafe bool TracksOrder()
    {
        long plist = _owner switch
        {
            H5File f => H5F.GetCreatePlist(f.Id),
            H5Group g => H5G.GetCreatePlist(g.Id),
            H5Dataset d => H5D.GetCreatePlist(d.Id),
            _ => -1,
        };
        if (plist < 0)
        {
            H5ErrorStack.Capture();
            return false;
        }
        using var p = new PropertyListId(plist);
        return H5P.GetAttrCreationOrder(p, out var flags) >= 0 && (flags & H5P.CrtOrderTracked) != 0;
    }

    /// <summary>Whether an attribute of that name exists (h5py: <c>name in obj.attrs</c>).</summary>
    public bool ContainsKey(string name)
    {
        H5Names.ValidateLookup(name, nameof(name));
        using var scope = H5Library.Enter();
        return H5Call.CheckBool(H5A.Exists(_owner.LocationId, name), $"looking up attribute '{name}' of {OwnerText}");
    }

    /// <summary>Deletes an attribute (h5py: <c>del obj.attrs[name]</c>); false if there was none.</summary>
    public bool Remove(string name)
    {
        using var scope = H5Library.Enter();
        _owner.File.RefuseUnderSwmr($"delete attribute '{name}' of {OwnerText}");
        if (!ContainsKey(name)) return false;
        if (_owner.File.Journal is { } journal) journal.ParkAttribute(_owner.LocationId, _owner.Path, name);
        else H5Call.Check(H5A.Delete(_owner.LocationId, name), $"deleting attribute '{name}' of {OwnerText}", _owner.Path);
        return true;
    }

    /// <summary>Opens an attribute for typed access.</summary>
    /// <exception cref="H5LinkNotFoundException">No attribute of that name.</exception>
    public H5Attribute Open(string name)
    {
        H5Names.ValidateLookup(name, nameof(name));
        using var scope = H5Library.Enter();
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"opening attribute '{name}' of {OwnerText}");
        // Opened straight away (one call where the name is right, the rule); a failed open asks whether it is there.
        var id = H5A.Open(_owner.LocationId, name, PropertyListId.Default);
        if (id < 0)
        {
            var stack = H5ErrorStack.Capture();
            if (!ContainsKey(name)) throw new H5LinkNotFoundException($"{OwnerText} has no attribute '{name}'.", name);
            throw H5ErrorTable.Create(stack, $"opening attribute '{name}' of {OwnerText}", _owner.Path);
        }
        return new H5Attribute(new AttributeId(id), name, OwnerText);
    }

    /// <summary>The shape of an attribute; empty for a scalar.</summary>
    public long[] GetShape(string name)
    {
        using var a = Open(name);
        return a.Shape;
    }

    // ---- typed reads --------------------------------------------------------------------------------

    /// <summary>Reads a one-element attribute as <typeparamref name="T"/> (numeric conversions as in h5py).</summary>
    public T Get<T>(string name) where T : unmanaged
    {
        using var a = Open(name);
        return a.ReadScalar<T>();
    }

    /// <summary>Reads a one-element attribute if it exists.</summary>
    public bool TryGet<T>(string name, out T value) where T : unmanaged
    {
        value = default;
        if (!ContainsKey(name)) return false;
        value = Get<T>(name);
        return true;
    }

    /// <summary>Reads all elements of an attribute of any shape, row-major.</summary>
    public T[] GetArray<T>(string name) where T : unmanaged
    {
        using var a = Open(name);
        return a.Read<T>();
    }

    /// <summary>Reads a string attribute, variable or fixed length (fixed-length bytes are decoded as UTF-8, padding removed).</summary>
    public string GetString(string name)
    {
        using var a = Open(name);
        var all = a.ReadStrings();
        if (all.Length == 0 && a.IsNull) throw new H5NullDataspaceException($"Attribute '{name}' of {OwnerText} has a null dataspace (h5py.Empty): it holds no string.");
        if (all.Length != 1) throw new H5SelectionException($"Attribute '{name}' of {OwnerText} holds {all.Length} strings, not one.");
        return all[0];
    }

    /// <summary>Reads a string attribute of any shape.</summary>
    public string[] GetStrings(string name)
    {
        using var a = Open(name);
        return a.ReadStrings();
    }

    /// <summary>Reads a fixed-length string attribute as raw bytes, padding removed (what h5py 3 returns for it).</summary>
    public byte[] GetFixedStringBytes(string name)
    {
        using var a = Open(name);
        var all = a.ReadFixedStringBytes();
        if (all.Length != 1) throw new H5SelectionException($"Attribute '{name}' of {OwnerText} holds {all.Length} strings, not one.");
        return all[0];
    }

    // ---- typed writes -------------------------------------------------------------------------------
    // A write that replaces an attribute creates the new one beside the old one under a temporary name, writes it, and
    // only then replaces the old one (h5py's AttributeManager.create does the same): a value that cannot be written
    // leaves the old attribute as it was. A new attribute is created under its name and deleted if the write fails.

    /// <summary>Sets a scalar attribute (h5py: <c>attrs[name] = value</c>).</summary>
    public void Set<T>(string name, T value) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        CheckBeforeReplacing(name, H5TypeMap.FileType<T>(), new ReadOnlySpan<T>(in value), 1);
        using var pending = Replace(name, H5TypeMap.FileType<T>(), []);
        pending.Attribute.Write(in value, 1);
        pending.Commit();
    }

    /// <summary>Sets a 1-D attribute.</summary>
    public void Set<T>(string name, T[] values) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        using var scope = H5Library.Enter();
        CheckBeforeReplacing<T>(name, H5TypeMap.FileType<T>(), values, values.LongLength);
        using var pending = Replace(name, H5TypeMap.FileType<T>(), [values.LongLength]);
        pending.Attribute.Write(in MemoryMarshal.GetArrayDataReference(values), values.LongLength);
        pending.Commit();
    }

    /// <summary>Sets an attribute of any rank from an array (for example the tutorial's <c>sigma</c>, a <c>double[1,1,1]</c>).</summary>
    public void SetArray<T>(string name, Array values) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        H5Dataset.CheckElementType<T>(values);
        using var scope = H5Library.Enter();
        CheckBeforeReplacing(name, H5TypeMap.FileType<T>(), MemoryMarshal.CreateReadOnlySpan(ref H5Dataset.ArrayRef<T>(values), checked((int)values.LongLength)), values.LongLength);
        using var pending = Replace(name, H5TypeMap.FileType<T>(), H5Shape.Of(values));
        pending.Attribute.Write(in H5Dataset.ArrayRef<T>(values), values.LongLength);
        pending.Commit();
    }

    /// <summary>Sets a variable-length UTF-8 string attribute (what h5py writes for a <c>str</c>).</summary>
    public void Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var scope = H5Library.Enter();
        using var type = H5TypeMap.CreateVariableString(H5T.Cset.Utf8);
        using var pending = Replace(name, type, []);
        pending.Attribute.WriteStrings([value]);
        pending.Commit();
    }

    /// <summary>Sets a 1-D variable-length UTF-8 string attribute.</summary>
    public void Set(string name, string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var scope = H5Library.Enter();
        using var type = H5TypeMap.CreateVariableString(H5T.Cset.Utf8);
        using var pending = Replace(name, type, [values.LongLength]);
        pending.Attribute.WriteStrings(values);
        pending.Commit();
    }

    /// <summary>Sets a scalar fixed-length string attribute (h5py: <c>attrs[name] = numpy.bytes_(...)</c>, numpy <c>S</c>n),
    /// NUL-padded to <paramref name="size"/> bytes (-1: the encoded length of <paramref name="value"/>). A value longer
    /// than <paramref name="size"/> raises <see cref="ArgumentException"/> and leaves an existing attribute as it was.</summary>
    public void SetFixedString(string name, string value, int size = -1, H5CharSet charSet = H5CharSet.Ascii)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (size < 0) size = Math.Max(1, System.Text.Encoding.UTF8.GetByteCount(value));
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = H5Library.Enter();
        using var type = H5TypeMap.CreateFixedString(size, (H5T.Cset)charSet, H5T.Str.NullPad);
        using var pending = Replace(name, type, []);
        pending.Attribute.WriteStrings([value]);
        pending.Commit();
    }

    /// <summary>Sets a 1-D fixed-length string attribute (numpy <c>S</c>n arrays), each value NUL-padded to <paramref name="size"/> bytes.</summary>
    public void SetFixedStrings(string name, string[] values, int size, H5CharSet charSet = H5CharSet.Ascii)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = H5Library.Enter();
        using var type = H5TypeMap.CreateFixedString(size, (H5T.Cset)charSet, H5T.Str.NullPad);
        using var pending = Replace(name, type, [values.LongLength]);
        pending.Attribute.WriteStrings(values);
        pending.Commit();
    }

    /// <summary>Sets a string attribute of an explicit string type (fixed or variable length, any padding and character set).</summary>
    internal void SetStrings(string name, H5Datatype type, long[] shape, string[] values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        using var scope = H5Library.Enter();
        using var pending = Replace(name, type.Id, shape);
        pending.Attribute.WriteStrings(values);
        pending.Commit();
    }

    /// <summary>Sets an attribute of an explicit datatype and shape, written from raw elements of <typeparamref name="T"/>.</summary>
    public void Set<T>(string name, H5Datatype type, long[] shape, ReadOnlySpan<T> values) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(shape);
        using var scope = H5Library.Enter();
        CheckBeforeReplacing(name, type.Id, values, H5Shape.Product(shape));
        using var pending = Replace(name, type.Id, shape);
        pending.Attribute.Write(in MemoryMarshal.GetReference(values), values.Length);
        pending.Commit();
    }

    /// <summary>Reads a one-element attribute through <paramref name="type"/> (a record with strings, a sequence, ...).</summary>
    public T Get<T>(string name, H5ElementType<T> type)
    {
        using var a = Open(name);
        var all = a.Read(type);
        if (all.Length == 0 && a.IsNull) throw new H5NullDataspaceException($"Attribute '{name}' of {OwnerText} has a null dataspace (h5py.Empty): it holds no value.");
        if (all.Length != 1) throw new H5SelectionException($"Attribute '{name}' of {OwnerText} holds {all.Length} elements, not one.");
        return all[0];
    }

    /// <summary>Reads all elements of an attribute through <paramref name="type"/>.</summary>
    public T[] GetArray<T>(string name, H5ElementType<T> type)
    {
        using var a = Open(name);
        return a.Read(type);
    }

    /// <summary>Reads an attribute of variable-length sequences as arrays (h5py: a <c>vlen_dtype</c> attribute; the
    /// dimension-scale attribute <c>DIMENSION_LIST</c> is one of object references).</summary>
    public T[][] GetSequences<T>(string name) where T : unmanaged
    {
        using var a = Open(name);
        return a.ReadRagged<T>().ToArrays();
    }

    /// <summary>Sets a scalar attribute whose value <paramref name="type"/> describes (h5py: <c>attrs[name] = numpy.void record</c>).</summary>
    public void Set<T>(string name, T value, H5ElementType<T> type) => SetElements(name, [value], [], type);

    /// <summary>Sets a 1-D attribute whose elements <paramref name="type"/> describes.</summary>
    public void Set<T>(string name, T[] values, H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(values);
        SetElements(name, values, [values.LongLength], type);
    }

    /// <summary>Sets a 1-D attribute of variable-length sequences (h5py: <c>attrs.create(name, data, dtype=vlen_dtype(T))</c>).</summary>
    public void SetSequences<T>(string name, IReadOnlyList<T[]> sequences) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var sequence = H5ElementType.Sequence<T>();
        var values = sequences.ToArray();
        sequence.CheckEncodable(values);
        using var scope = H5Library.Enter();
        using var type = new DatatypeId(H5Call.Check(H5T.VlenCreate(H5TypeMap.FileType<T>()), "creating a variable-length sequence type"));
        using var pending = Replace(name, type, [values.LongLength]);
        pending.Attribute.WriteRagged(H5Ragged<T>.From(values));
        pending.Commit();
    }

    private void SetElements<T>(string name, T[] values, long[] shape, H5ElementType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.CheckEncodable(values); // before the old attribute goes
        using var scope = H5Library.Enter();
        using var pending = Replace(name, type.MemoryType, shape);
        pending.Attribute.WriteElements<T>(values, type);
        pending.Commit();
    }

    /// <summary>Sets an attribute with a null dataspace: a type but no value (h5py: <c>attrs[name] = h5py.Empty(dtype)</c>).</summary>
    public void SetEmpty<T>(string name) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        using var pending = Replace(name, H5TypeMap.FileType<T>(), null);
        pending.Commit();
    }

    /// <summary>Sets an attribute of <paramref name="type"/> with a null dataspace (h5py: <c>h5py.Empty(dtype)</c>).</summary>
    public void SetEmpty(string name, H5Datatype type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        using var pending = Replace(name, type.Id, null);
        pending.Commit();
    }

    /// <summary>Sets an attribute of opaque elements of <paramref name="elementSize"/> bytes with a tag (numpy <c>V</c>n
    /// in h5py; <paramref name="bytes"/> holds the elements one after another).</summary>
    public void SetOpaque(string name, ReadOnlySpan<byte> bytes, int elementSize, string tag = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elementSize, 1);
        if (bytes.Length % elementSize != 0)
            throw new ArgumentException($"{bytes.Length} bytes are not a whole number of {elementSize}-byte elements.", nameof(bytes));
        using var type = H5Datatype.Opaque(elementSize, tag);
        Set(name, type, [bytes.Length / elementSize], bytes);
    }

    // The checks a value must pass before an existing attribute is replaced, so that a refused value destroys nothing:
    // the element type must convert, the count must fit the shape, enum values must be members.
    private void CheckBeforeReplacing<T>(string name, DatatypeId fileType, ReadOnlySpan<T> values, long elements) where T : unmanaged
    {
        var what = $"attribute '{name}' of {OwnerText}";
        // T's own type (every non-compound T) is described once per process, not per attribute.
        var stored = fileType == H5TypeMap.MemoryType<T>() ? H5TypeMap.DescriptorOf<T>() : H5TypeReader.Read(fileType);
        using var plan = H5TransferPlan.ForWrite<T>(fileType, stored, what);
        if (values.Length != elements * plan.ValuesPerElement)
            throw new H5SelectionException($"{what} holds {elements} elements of {stored}" +
                (plan.ValuesPerElement == 1 ? "" : $" ({elements * plan.ValuesPerElement} {typeof(T).Name} values)") + $"; {values.Length} values given.");
        plan.CheckEnumValues(values, what);
    }

    // h5py semantics: assigning replaces. A replacement is made under a temporary name; Commit swaps it in, so that a
    // value that fails to write (after the checks above) leaves the old attribute as it was.
    private PendingAttribute Replace(string name, DatatypeId type, long[]? shape)
    {
        H5Names.ValidateAttribute(name, nameof(name));
        _owner.File.RefuseUnderSwmr($"write attribute '{name}' on {OwnerText}");
        var owner = _owner.LocationId;
        using var space = shape is null ? H5Shape.CreateNullSpace() : H5Shape.CreateSpace(shape);
        // A new attribute is the rule when writing: created under its name straight away, one call. Only when that
        // fails is the name looked up, and an existing attribute replaced through a temporary one.
        var id = H5A.Create2(owner, name, type, space, H5Links.AttributePropertiesFor(name), PropertyListId.Default);
        if (id >= 0) return new PendingAttribute(this, Created(id, name, type), name, replacing: false);
        var stack = H5ErrorStack.Capture();
        if (!H5Call.CheckBool(H5A.Exists(owner, name), $"looking up attribute '{name}' of {OwnerText}")) throw CreationFailure(name, stack);
        var createdAs = $"{name}.h5m-writing-{Guid.NewGuid():N}";
        id = H5A.Create2(owner, createdAs, type, space, H5Links.AttributePropertiesFor(name), PropertyListId.Default);
        if (id < 0) throw CreationFailure(name, H5ErrorStack.Capture());
        return new PendingAttribute(this, Created(id, name, type), createdAs, replacing: true);
    }

    /// <summary>An attribute being written (under a temporary name when it replaces one): <see cref="Commit"/> puts it in
    /// place, disposing without committing deletes it.</summary>
    private sealed class PendingAttribute(H5AttributeCollection collection, H5Attribute attribute, string createdAs, bool replacing) : IDisposable
    {
        private bool _committed;

        public H5Attribute Attribute { get; } = attribute;

        public void Commit()
        {
            Attribute.Dispose();
            if (replacing) collection.Swap(createdAs, Attribute.Name);
            else collection._owner.File.Journal?.AttributeAdded(collection._owner.Path, createdAs);
            _committed = true;
        }

        public void Dispose()
        {
            Attribute.Dispose();
            if (_committed) return;
            using var scope = H5Library.Enter();
            var owner = collection._owner.LocationId;
            if (H5A.Exists(owner, createdAs) > 0 && H5A.Delete(owner, createdAs) < 0)
                H5ErrorStack.Capture(); // the write failed already; that failure is the one to report
        }
    }

    // Replaces `name` by the attribute written as `temp`. In an atomic change (a live view's save) the old attribute
    // is set aside rather than deleted, so that the change can be undone.
    private void Swap(string temp, string name)
    {
        var owner = _owner.LocationId;
        if (_owner.File.Journal is { } journal) journal.ParkAttribute(owner, _owner.Path, name);
        else H5Call.Check(H5A.Delete(owner, name), $"replacing attribute '{name}' of {OwnerText}", _owner.Path);
        H5Call.Check(H5A.Rename(owner, temp, name), $"replacing attribute '{name}' of {OwnerText}", _owner.Path);
    }

    // An attribute too large for an object header (64 KiB) fits only in dense storage, which the earliest format lacks.
    // An attribute just created with `type` is stored as exactly that type: writing it needs no look at it.
    private H5Attribute Created(long id, string name, DatatypeId type)
    {
        var attribute = new H5Attribute(new AttributeId(id), name, OwnerText);
        attribute.AssumeStoredAs(type);
        return attribute;
    }

    private Exception CreationFailure(string name, H5ErrorStack stack)
    {
        var failure = H5ErrorTable.Create(stack, $"creating attribute '{name}' on {OwnerText}", _owner.Path);
        if (!stack.Any(r => r.Description.Contains("message is too large", StringComparison.Ordinal))) return failure;
        return new H5Exception(failure.Message + ". Attributes larger than 64 KiB need dense attribute storage: create the file with " +
            "H5FileOptions.LibverLow = H5LibraryVersion.V18 or later (h5py: libver='latest'; mapped types: [H5File(LibverLow = ...)]).", stack);
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => Keys.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
