using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Dimension scales through libhdf5_hl's H5DS API, so the attributes (CLASS, NAME, DIMENSION_LIST,
// REFERENCE_LIST) are exactly what h5py, netCDF-4 and other readers expect.
public sealed partial class H5Dataset
{
    /// <summary>Makes this dataset a dimension scale named <paramref name="name"/> (h5py: <c>ds.make_scale(name)</c>).</summary>
    public void MakeScale(string name = "")
    {
        using var scope = H5Library.Enter();
        ArgumentNullException.ThrowIfNull(name);
        H5Names.ValidateLookup(name, nameof(name));
        File.RefuseUnderSwmr($"make {What} a dimension scale");
        File.Journal?.BeforeScaleChange(this);
        H5ScaleCalls.Check(H5DS.SetScale(Id, name), this, [H5ScaleAttributeNames.Class], $"making {What} a dimension scale");
    }

    /// <summary>Whether this dataset is a dimension scale (h5py: <c>ds.is_scale</c>).</summary>
    public bool IsScale
    {
        get
        {
            using var scope = H5Library.Enter();
            return H5ScaleCalls.Check(H5DS.IsScale(Id), this, [H5ScaleAttributeNames.Class], $"checking whether {What} is a scale") > 0;
        }
    }

    /// <summary>The name of this scale (<c>H5DSget_scale_name</c>); empty if it has none.</summary>
    public unsafe string ScaleName
    {
        get
        {
            using var scope = H5Library.Enter();
            var n = (long)H5DS.GetScaleName(Id, null, 0);
            if (n <= 0)
            {
                H5ErrorStack.Capture();
                return string.Empty;
            }
            return H5Call.ReadString((b, s) => H5DS.GetScaleName(Id, b, s));
        }
    }

    /// <summary>The attributes libhdf5's dimension-scale (H5DS) API keeps on scales and on the datasets attached to them
    /// (<c>CLASS</c>, <c>NAME</c>, <c>REFERENCE_LIST</c>, <c>DIMENSION_LIST</c>, <c>DIMENSION_LABELS</c>): bookkeeping,
    /// not user data; listings show them as scale information and mappings never declare them.</summary>
    public static IReadOnlySet<string> ScaleBookkeepingAttributes => H5ScaleAttributeNames.All;

    /// <summary>For a dimension scale: the datasets it is attached to, each with the dimension (its <c>REFERENCE_LIST</c>,
    /// which H5DS keeps; h5py has no direct equivalent). Empty for a dataset that is not a scale or is attached nowhere.</summary>
    public unsafe IReadOnlyList<(string Path, int Dimension)> ScaleUsers
    {
        get
        {
            using var scope = H5Library.Enter();
            if (!IsScale || !Attrs.ContainsKey(H5ScaleAttributeNames.ReferenceList)) return [];
            using var attribute = Attrs.Open(H5ScaleAttributeNames.ReferenceList);
            var n = (int)attribute.Size;
            // The H5DS layout of a REFERENCE_LIST element: { hobj_ref_t dataset; int dimension; }, members matched by name.
            using var type = H5Datatype.Compound(sizeof(ScaleUser));
            using (var reference = H5Datatype.Native<H5ObjectReference>()) type.Insert("dataset", 0, reference);
            using (var dimension = H5Datatype.Native<int>()) type.Insert("dimension", sizeof(H5ObjectReference), dimension);
            var entries = new ScaleUser[n];
            fixed (ScaleUser* p = entries)
                if (n > 0) H5Call.Check(H5A.Read(attribute.Id, type.Id, p), $"reading the REFERENCE_LIST of {What}");
            var users = new List<(string, int)>(n);
            foreach (var e in entries)
                if (!e.Dataset.IsNull) users.Add((GetReferenceTargetName(e.Dataset), e.Dimension));
            return users;
        }
    }

    private struct ScaleUser
    {
        public H5ObjectReference Dataset;
        public int Dimension;
    }

    /// <summary>The dimensions of this dataset with their labels and attached scales (h5py: <c>ds.dims</c>).</summary>
    public H5DimensionCollection Dims => new(this);
}

/// <summary>The dimensions of a dataset (h5py's <c>DimensionManager</c>).</summary>
public sealed class H5DimensionCollection
{
    private readonly H5Dataset _dataset;

    internal H5DimensionCollection(H5Dataset dataset) => _dataset = dataset;

    /// <summary>The number of dimensions.</summary>
    public int Count => _dataset.Rank;

    /// <summary>Dimension <paramref name="index"/>.</summary>
    public H5Dimension this[int index]
    {
        get
        {
            var rank = _dataset.Rank;
            if (index < 0 || index >= rank)
                throw new H5SelectionException($"{_dataset.What} has rank {rank}; there is no dimension {index}.");
            return new H5Dimension(_dataset, index);
        }
    }
}

/// <summary>One dimension of a dataset: its label and its attached scales (h5py's <c>DimensionProxy</c>).</summary>
public sealed class H5Dimension
{
    private readonly H5Dataset _dataset;

    internal H5Dimension(H5Dataset dataset, int index)
    {
        _dataset = dataset;
        Index = index;
    }

    /// <summary>The dimension's index.</summary>
    public int Index { get; }

    /// <summary>The dimension's label (h5py: <c>ds.dims[i].label</c>).</summary>
    public unsafe string Label
    {
        get
        {
            using var scope = H5Library.Enter();
            var n = (long)H5DS.GetLabel(_dataset.Id, (uint)Index, null, 0);
            H5ScaleCalls.Check(n < 0 ? -1 : 0, _dataset, [H5ScaleAttributeNames.Labels], $"reading the label of dimension {Index} of {_dataset.What}");
            return n == 0 ? string.Empty : H5Call.ReadString((b, s) => H5DS.GetLabel(_dataset.Id, (uint)Index, b, s));
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            using var scope = H5Library.Enter();
            H5Names.ValidateLookup(value, nameof(value));
            _dataset.File.RefuseUnderSwmr($"label dimension {Index} of {_dataset.What}");
            _dataset.File.Journal?.BeforeScaleChange(_dataset);
            H5ScaleCalls.Check(H5DS.SetLabel(_dataset.Id, (uint)Index, value), _dataset, [H5ScaleAttributeNames.Labels], $"labelling dimension {Index} of {_dataset.What}");
        }
    }

    /// <summary>Attaches a scale to this dimension (h5py: <c>ds.dims[i].attach_scale(scale)</c>); the scale's length
    /// should match the dimension's.</summary>
    public void Attach(H5Dataset scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        using var scope = H5Library.Enter();
        _dataset.File.RefuseUnderSwmr($"attach {scale.What} to dimension {Index} of {_dataset.What}");
        if (!scale.IsScale) throw new ArgumentException($"{scale.What} is not a dimension scale: call MakeScale first.", nameof(scale));
        BeforeScaleChange(scale);
        H5ScaleCalls.Check(H5DS.AttachScale(_dataset.Id, scale.Id, (uint)Index), _dataset, [H5ScaleAttributeNames.DimensionList], $"attaching {scale.What} to dimension {Index} of {_dataset.What}");
    }

    /// <summary>Detaches a scale (h5py: <c>ds.dims[i].detach_scale(scale)</c>).</summary>
    public void Detach(H5Dataset scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        using var scope = H5Library.Enter();
        _dataset.File.RefuseUnderSwmr($"detach {scale.What} from dimension {Index} of {_dataset.What}");
        BeforeScaleChange(scale);
        H5ScaleCalls.Check(H5DS.DetachScale(_dataset.Id, scale.Id, (uint)Index), _dataset, [H5ScaleAttributeNames.DimensionList], $"detaching {scale.What} from dimension {Index} of {_dataset.What}");
    }

    // Attaching and detaching rewrite the host's DIMENSION_LIST and the scale's REFERENCE_LIST.
    private void BeforeScaleChange(H5Dataset scale)
    {
        if (_dataset.File.Journal is not { } journal) return;
        journal.BeforeScaleChange(_dataset);
        journal.BeforeScaleChange(scale);
    }

    /// <summary>Whether <paramref name="scale"/> is attached to this dimension.</summary>
    public bool IsAttached(H5Dataset scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        using var scope = H5Library.Enter();
        return H5ScaleCalls.Check(H5DS.IsAttached(_dataset.Id, scale.Id, (uint)Index), _dataset, [H5ScaleAttributeNames.DimensionList],
            $"checking whether {scale.What} is attached to dimension {Index} of {_dataset.What}") > 0;
    }

    /// <summary>The number of scales attached (h5py: <c>len(ds.dims[i])</c>).</summary>
    public int Count
    {
        get
        {
            using var scope = H5Library.Enter();
            return H5ScaleCalls.Check(H5DS.GetNumScales(_dataset.Id, (uint)Index), _dataset, [H5ScaleAttributeNames.DimensionList], $"counting the scales of dimension {Index} of {_dataset.What}");
        }
    }

    /// <summary>The paths of the attached scales, in attachment order.</summary>
    public unsafe IReadOnlyList<string> ScalePaths
    {
        get
        {
            using var scope = H5Library.Enter();
            var names = new List<string>();
            var handle = GCHandle.Alloc(names);
            try
            {
                H5ScaleCalls.Check(H5DS.IterateScales(_dataset.Id, (uint)Index, null, &Visit, (void*)GCHandle.ToIntPtr(handle)), _dataset,
                    [H5ScaleAttributeNames.DimensionList], $"listing the scales of dimension {Index} of {_dataset.What}");
            }
            finally
            {
                handle.Free();
            }
            return names;
        }
    }

    /// <summary>Opens the attached scale number <paramref name="scaleIndex"/> (h5py: <c>ds.dims[i][j]</c>).</summary>
    public H5Dataset this[int scaleIndex]
    {
        get
        {
            var paths = ScalePaths;
            if (scaleIndex < 0 || scaleIndex >= paths.Count)
                throw new H5SelectionException($"Dimension {Index} of {_dataset.What} has {paths.Count} scale(s); there is no scale {scaleIndex}.");
            return _dataset.File.OpenDataset(paths[scaleIndex]);
        }
    }

    /// <summary>Opens the attached scale named <paramref name="name"/> (h5py: <c>ds.dims[i]["X"]</c>).</summary>
    public H5Dataset this[string name]
    {
        get
        {
            foreach (var path in ScalePaths)
            {
                var scale = _dataset.File.OpenDataset(path);
                if (scale.ScaleName == name) return scale;
                scale.Dispose();
            }
            throw new H5LinkNotFoundException($"Dimension {Index} of {_dataset.What} has no scale named '{name}'.", name);
        }
    }

    [UnmanagedCallersOnly]
    private static unsafe int Visit(long did, uint dim, long dsid, void* data)
    {
        try
        {
            var names = (List<string>)GCHandle.FromIntPtr((IntPtr)data).Target!;
            var id = new BorrowedId(dsid);
            names.Add(H5Call.ReadString((b, n) => H5I.GetName(id, b, n)));
            return 0;
        }
        catch
        {
            return -1; // never let a managed exception cross into libhdf5
        }
    }
}

/// <summary>
/// Error checks for libhdf5_hl's H5DS calls. After a failure those functions clean up inside
/// <c>H5E_BEGIN_TRY</c>/<c>H5E_END_TRY</c>, and every libhdf5 call made there clears the error stack, so a failed H5DS
/// call usually leaves none. Then the attributes the call works on are read through libhdf5 itself, which says what is
/// wrong with them, with its stack (a corrupt DIMENSION_LIST of a damaged file, typically).
/// </summary>
internal static class H5ScaleCalls
{
    public static int Check(int status, H5Dataset dataset, string[] attributes, [InterpolatedStringHandlerArgument(nameof(status))] ref H5FailureText context)
    {
        if (status >= 0) return status;
        var stack = context.Stack!;
        var message = context.ToStringAndClear();
        if (stack.Count > 0) throw H5ErrorTable.Create(stack, message, dataset.Path);
        foreach (var name in attributes)
        {
            if (!dataset.Attrs.ContainsKey(name)) continue;
            H5FileWalk.ReadAttribute(dataset, name, out var nulls); // raises libhdf5's own account when the attribute is damaged
            // H5DS never stores a null reference in its lists; libhdf5_hl fails on one without a word.
            if (nulls > 0 && name == H5ScaleAttributeNames.DimensionList)
                throw new H5InvalidFileException($"{message}: the metadata of '{dataset.Path}' is corrupt: its {name} attribute holds {nulls} null reference(s) " +
                    "(libhdf5_hl fails on them without an error stack).", null, dataset.Path);
        }
        throw new H5Exception($"{message}: libhdf5_hl failed without giving a reason (the attributes {string.Join(", ", attributes)} of {dataset.What} read correctly).");
    }
}
