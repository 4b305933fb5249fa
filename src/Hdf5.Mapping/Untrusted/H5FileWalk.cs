using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>What a check of a file touched (<see cref="H5UntrustedFile.Check"/>).</summary>
public sealed record H5FileCheckReport
{
    /// <summary>Groups visited, the root included.</summary>
    public long Groups { get; init; }

    /// <summary>Datasets visited.</summary>
    public long Datasets { get; init; }

    /// <summary>Named (committed) datatypes visited.</summary>
    public long NamedDatatypes { get; init; }

    /// <summary>Attributes read, with their values.</summary>
    public long Attributes { get; init; }

    /// <summary>Soft and external links seen (external links are not followed).</summary>
    public long SoftAndExternalLinks { get; init; }

    /// <summary>Dataset elements read.</summary>
    public long ElementsRead { get; init; }

    /// <summary>Object and region references resolved.</summary>
    public long ReferencesResolved { get; init; }
}

/// <summary>The outcome of checking one file (<see cref="H5UntrustedFile.CheckMany"/>): a report, or the failure.</summary>
/// <param name="Path">The file, as given.</param>
/// <param name="Report">What the check read, when it succeeded.</param>
/// <param name="Failure">The exception reading the file raised (an <see cref="H5UnsafeFileException"/> when libhdf5 crashed or hung).</param>
public sealed record H5FileCheckOutcome(string Path, H5FileCheckReport? Report, Exception? Failure)
{
    /// <summary>HDF5 objects the check left open in the child afterwards: 0 unless this library leaks a handle on some
    /// failure (a diagnostic, reported so that tests can hold the library to it).</summary>
    public long ObjectsLeftOpen { get; init; }

    /// <summary>What the child process printed on stderr while it checked this file and the others of its batch: empty,
    /// since libhdf5's automatic error printing is off there (anything else would be a defect to report).</summary>
    public string ProbeStandardError { get; init; } = "";
}

/// <summary>
/// The walk untrusted mode makes in its child process: every group, link, named datatype, dataset and attribute that
/// can be reached from the root, each attribute's value, each dataset's datatype, dataspace and creation properties
/// (filters, chunks, layout), and (with <see cref="H5UntrustedOptions.ReadData"/>) every element, read in blocks of a few
/// MiB so that memory stays bounded; object and region references are resolved. Objects reachable twice (hard links,
/// and cycles a corrupt file can make) are walked once. The first failure ends the walk.
/// </summary>
internal sealed unsafe class H5FileWalk
{
    private const long BlockBytes = 16L << 20;
    private const int MaxReferencesPerObject = 4096;

    [ThreadStatic] private static long t_nulls;

    private readonly H5UntrustedOptions _options;
    private readonly HashSet<(ulong FileNumber, H5Token Token)> _visited = [];
    private long _groups, _datasets, _types, _attributes, _links, _elements, _references;

    private H5FileWalk(H5UntrustedOptions options) => _options = options;

    public static H5FileCheckReport Run(string path, H5UntrustedOptions options)
    {
        var walk = new H5FileWalk(options);
        using (var file = H5File.Open(path))
            walk.Group(file);
        return new H5FileCheckReport
        {
            Groups = walk._groups, Datasets = walk._datasets, NamedDatatypes = walk._types, Attributes = walk._attributes,
            SoftAndExternalLinks = walk._links, ElementsRead = walk._elements, ReferencesResolved = walk._references,
        };
    }

    private bool FirstVisit(H5Object o)
    {
        using var scope = H5Library.Enter();
        var info = H5ObjectInfo.Get(o.ObjectId, H5O.InfoBasic, $"inspecting {o.What}", o.Path);
        return _visited.Add((info.FileNumber, info.Token));
    }

    private void Group(H5Group group)
    {
        if (!FirstVisit(group)) return;
        _groups++;
        Attributes(group);
        foreach (var name in group.Keys)
        {
            using var child = OpenListed(group, name);
            switch (child)
            {
                case H5Group g: Group(g); break;
                case H5Dataset d: Dataset(d); break;
                case H5NamedDatatype t: NamedType(t); break;
            }
        }
    }

    // The object a listed link leads to (null for external links, which are not followed, and dangling soft links).
    // A name the group lists must be found by name: one that is not means the group's own index is damaged.
    private H5Object? OpenListed(H5Group group, string name)
    {
        try
        {
            var link = group.GetLink(name);
            if (link.Kind != H5LinkKind.Hard)
            {
                _links++;
                if (link.Kind == H5LinkKind.External || group.GetKind(name) == H5ObjectKind.Missing) return null;
            }
            return group.OpenObject(name);
        }
        catch (H5LinkNotFoundException e)
        {
            throw new H5InvalidFileException($"{group.What} lists the link '{name}', which cannot be found by name: the metadata of '{group.Path}' is corrupt.",
                e.ErrorStack.Count > 0 ? e.ErrorStack : StackOfOpening(group, name), group.Path);
        }
    }

    // libhdf5's own account of why `name` cannot be opened (its lookups answer "no such name" without a stack).
    private static H5ErrorStack StackOfOpening(H5Group group, string name)
    {
        using var scope = H5Library.Enter();
        var id = H5O.Open(group.LocationId, name, PropertyListId.Default);
        if (id < 0) return H5ErrorStack.Capture();
        H5O.Close(id);
        return H5ErrorStack.Empty;
    }

    private void NamedType(H5NamedDatatype type)
    {
        if (!FirstVisit(type)) return;
        _types++;
        Attributes(type);
        using var t = type.DType;
        _ = t.ToString();
    }

    private void Dataset(H5Dataset dataset)
    {
        if (!FirstVisit(dataset)) return;
        _datasets++;
        Attributes(dataset);
        var shape = dataset.Shape;
        _ = dataset.MaxShape;
        using (var t = dataset.DType) _ = t.ToString();
        _ = dataset.Layout;
        _ = dataset.Filters;
        if (dataset.Layout == H5Layout.Chunked) _ = dataset.Chunks;
        _ = dataset.StorageSize;
        var size = H5Shape.Product(shape);
        if (!_options.ReadData || size == 0 || size > (_options.MaxElementsPerDataset ?? long.MaxValue)) return;
        using var scope = H5Library.Enter();
        using var fileType = dataset.FileType();
        ReadData(dataset, fileType, shape);
    }

    private void Attributes(H5Object owner)
    {
        foreach (var name in owner.Attrs.Keys)
        {
            try
            {
                _references += ReadAttribute(owner, name);
            }
            catch (H5LinkNotFoundException)
            {
                // The name came from libhdf5's own listing: an attribute it lists but cannot find is a corrupt one.
                throw new H5InvalidFileException($"reading attribute '{name}' of {owner.What}: the metadata of '{owner.Path}' is corrupt: libhdf5 " +
                    "lists the attribute but finds none of that name, without an error stack", null, owner.Path);
            }
            _attributes++;
        }
    }

    /// <summary>Reads the value of attribute <paramref name="name"/> of <paramref name="owner"/> whatever its type,
    /// resolving the references it holds; returns how many were resolved. Failures raise what libhdf5 says.</summary>
    internal static long ReadAttribute(H5Object owner, string name) => ReadAttribute(owner, name, out _);

    /// <summary>As <see cref="ReadAttribute(H5Object, string)"/>; <paramref name="nulls"/> counts the null references.</summary>
    internal static long ReadAttribute(H5Object owner, string name, out long nulls)
    {
        using var attribute = owner.Attrs.Open(name);
        using var scope = H5Library.Enter();
        using var fileType = attribute.FileType();
        using var space = attribute.Space();
        var count = H5Shape.Product(H5Shape.Read(space).Dims);
        var what = $"attribute '{name}' of {owner.What}";
        t_nulls = 0;
        var resolved = ReadRaw(owner, fileType, count, what, (memType, buffer) => H5A.Read(attribute.Id, memType, buffer), space);
        nulls = t_nulls;
        return resolved;
    }

    // The dataset in blocks of at most BlockBytes: the leading dimensions are split first.
    private unsafe void ReadData(H5Dataset dataset, DatatypeId fileType, long[] shape)
    {
        var elementSize = Math.Max(1L, (long)H5T.GetSize(fileType));
        var block = BlockShape(shape, elementSize);
        var start = new long[shape.Length];
        while (true)
        {
            var count = new long[shape.Length];
            for (int i = 0; i < shape.Length; i++) count[i] = Math.Min(block[i], shape[i] - start[i]);
            ReadBlock(dataset, fileType, start, count);
            if (!Advance(start, block, shape)) return;
        }
    }

    private static long[] BlockShape(long[] shape, long elementSize)
    {
        var block = (long[])shape.Clone();
        for (int i = 0; i < block.Length && H5Shape.Product(block) * elementSize > BlockBytes; i++)
        {
            var rest = H5Shape.Product(block.AsSpan(i + 1)) * elementSize;
            block[i] = Math.Max(1, BlockBytes / Math.Max(1, rest));
        }
        return block;
    }

    private static bool Advance(long[] start, long[] block, long[] shape)
    {
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            start[i] += block[i];
            if (start[i] < shape[i]) return true;
            start[i] = 0;
        }
        return false;
    }

    private unsafe void ReadBlock(H5Dataset dataset, DatatypeId fileType, long[] start, long[] count)
    {
        var n = H5Shape.Product(count);
        var what = shapeText(start, count, dataset);
        H5ChildProgress.Report($"reading {what}");
        using var fileSpace = dataset.FileSpace();
        if (start.Length > 0)
        {
            var s = H5Shape.ToNative(start, "start");
            var c = H5Shape.ToNative(count, "count");
            fixed (ulong* ps = s)
            fixed (ulong* pc = c)
                H5Call.Check(H5S.SelectHyperslab(fileSpace, H5S.SelOper.Set, ps, null, pc, null), $"selecting {what}", dataset.Path);
        }
        using var memSpace = H5Shape.CreateSpace([n]);
        var id = dataset.Id;
        _references += ReadRaw(dataset, fileType, n, what,
            (memType, buffer) => H5D.Read(id, memType, memSpace, fileSpace, PropertyListId.Default, buffer), memSpace);
        _elements += n;

        static string shapeText(long[] start, long[] count, H5Dataset d) => start.Length == 0 ? d.What
            : $"{d.What} [{string.Join(", ", start.Select((s, i) => $"{s}:{s + count[i]}"))}]";
    }

    private unsafe delegate int RawReader(DatatypeId memType, void* buffer);

    // Reads `count` elements as the native form of `fileType` into a scratch buffer, resolves the references they hold
    // (directly, or as variable-length lists of references, as in DIMENSION_LIST), then gives back what libhdf5
    // allocated for variable-length parts. Returns how many references were resolved.
    private static long ReadRaw(H5Object owner, DatatypeId fileType, long count, string what, RawReader read, DataspaceId memSpace)
    {
        if (count == 0) return 0;
        var objectPath = owner.Path;
        long resolved = 0;
        var native = H5T.GetNativeType(fileType, H5T.Direction.Default);
        // A stored type libhdf5 cannot give a memory form of (an enum with a value twice, say) is a corrupt one.
        if (native < 0) throw H5ErrorTable.Create(H5ErrorStack.Capture(), $"finding the memory type of {what}", objectPath, H5ErrorKind.CorruptMetadata);
        using var memType = new DatatypeId(native);
        var size = (long)H5T.GetSize(memType);
        var bytes = checked(size * count);
        var buffer = System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
        try
        {
            // Read as its own native type, so a failure this table cannot place is stored data that does not hold
            // together (a variable-length element whose heap object has another size, say).
            if (read(memType, buffer) < 0) throw ReadFailure(owner, H5ErrorStack.Capture(), $"reading {what}");
            resolved = ResolveReferences(owner, fileType, (IntPtr)buffer, count, what);
            var variable = H5Call.Check(H5T.DetectClass(memType, H5T.Class.Vlen), $"inspecting the datatype of {what}", objectPath) > 0
                || H5Call.Check(H5T.DetectClass(memType, H5T.Class.String), $"inspecting the datatype of {what}", objectPath) > 0;
            if (variable)
                H5Call.Check(H5D.VlenReclaim(memType, memSpace, PropertyListId.Default, buffer), $"freeing the variable-length values of {what}", objectPath);
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(buffer);
        }
        return resolved;
    }

    // A dataset names a missing filter from its pipeline; anything else is the error table's.
    private static Exception ReadFailure(H5Object owner, H5ErrorStack stack, string doing) =>
        owner is H5Dataset dataset
            ? dataset.DataFailure(stack, doing, H5ErrorKind.CorruptData)
            : H5ErrorTable.Create(stack, doing, owner.Path, H5ErrorKind.CorruptData);

    private static long ResolveReferences(H5Object owner, DatatypeId fileType, IntPtr buffer, long count, string what)
    {
        var cls = H5T.GetClass(fileType);
        if (cls == H5T.Class.Reference) return References(owner, fileType, buffer, count, what);
        if (cls != H5T.Class.Vlen) return 0;
        using var element = new DatatypeId(H5Call.Check(H5T.GetSuper(fileType), $"reading the element type of {what}", owner.Path));
        if (H5T.GetClass(element) != H5T.Class.Reference) return 0;
        long resolved = 0;
        var lists = (VariableLength*)buffer;
        for (long i = 0; i < Math.Min(count, MaxReferencesPerObject); i++)
            resolved += References(owner, element, (IntPtr)lists[i].Pointer, (long)lists[i].Length, $"{what}, element {i}");
        return resolved;
    }

    // hvl_t: a variable-length sequence as libhdf5 hands it out (only ever read from libhdf5's buffer).
    private readonly struct VariableLength(nuint length, void* pointer)
    {
        public nuint Length { get; } = length;
        public void* Pointer { get; } = pointer;
    }

    // Resolves the target of each object reference (H5Rget_name), and the selection of each region reference.
    private static long References(H5Object owner, DatatypeId fileType, IntPtr buffer, long count, string what)
    {
        long resolved = 0;
        var region = H5T.Equal(fileType, H5Globals.StdRefDsetReg) > 0;
        var width = region ? sizeof(H5RegionReference) : sizeof(ulong);
        var empty = stackalloc byte[width];
        var n = Math.Min(count, MaxReferencesPerObject);
        for (long i = 0; i < n; i++)
        {
            var r = (byte*)buffer + i * width;
            if (new ReadOnlySpan<byte>(r, width).SequenceEqual(new ReadOnlySpan<byte>(empty, width)))
            {
                t_nulls++; // a null reference: allowed in data, a sign of damage where H5DS keeps its lists
                continue;
            }
            var type = region ? H5R.Type.DatasetRegion : H5R.Type.Object;
            H5ChildProgress.Report($"resolving reference {i} of {what}");
            var address = (nint)r;
            H5Call.ReadString((b, size) => H5R.GetName(owner.ObjectId, type, (void*)address, b, size), $"resolving reference {i} of {what}", owner.Path);
            // Opening the target is what readers do with a reference (and what H5DS does with DIMENSION_LIST).
            using (new ObjectId(H5Call.Check(H5R.Dereference2(owner.ObjectId, PropertyListId.Default, type, r), $"opening the target of reference {i} of {what}", owner.Path))) { }
            if (region)
                using (new DataspaceId(H5Call.Check(H5R.GetRegion(owner.ObjectId, H5R.Type.DatasetRegion, r), $"reading the selection of reference {i} of {what}", owner.Path))) { }
            resolved++;
        }
        return resolved;
    }
}
