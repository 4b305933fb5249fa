using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Virtual datasets seen from the reading side (h5py: ds.is_virtual, ds.virtual_sources()).
public sealed partial class H5Dataset
{
    /// <summary>Whether this is a virtual dataset (h5py: <c>is_virtual</c>).</summary>
    public bool IsVirtual => Layout == H5Layout.Virtual;

    /// <summary>The mappings of a virtual dataset, in stored order (h5py: <c>virtual_sources()</c>); empty for any other
    /// dataset. Each names the source file (as stored: "." for this file) and dataset, and the regions on both sides.</summary>
    /// <exception cref="H5Exception">A mapping uses a selection other than a regular hyperslab or the whole dataspace.</exception>
    public unsafe IReadOnlyList<H5VirtualMapping> VirtualSources
    {
        get
        {
            using var scope = H5Library.Enter();
            using var dcpl = GetCreatePropertyList();
            if (H5P.GetLayout(dcpl) != H5P.Layout.Virtual) return [];
            H5Call.Check(H5P.GetVirtualCount(dcpl, out var count), $"counting the virtual mappings of {What}");
            var result = new H5VirtualMapping[(int)count];
            for (nuint i = 0; i < count; i++)
            {
                var index = i;
                var file = H5Call.ReadString((b, n) => H5P.GetVirtualFilename(dcpl, index, b, n), $"reading the source file of mapping {i} of {What}");
                var name = H5Call.ReadString((b, n) => H5P.GetVirtualDsetname(dcpl, index, b, n), $"reading the source dataset of mapping {i} of {What}");
                using var virtualSpace = new DataspaceId(H5Call.Check(H5P.GetVirtualVspace(dcpl, i), $"reading the virtual region of mapping {i} of {What}"));
                using var sourceSpace = new DataspaceId(H5Call.Check(H5P.GetVirtualSrcspace(dcpl, i), $"reading the source selection of mapping {i} of {What}"));
                var (sourceShape, sourceMaxShape) = H5Shape.Read(sourceSpace);
                result[(int)i] = new H5VirtualMapping(file, name, sourceShape, sourceMaxShape,
                    H5Hyperslab.ReadSelection(sourceSpace, $"the source of mapping {i} of {What}"),
                    H5Hyperslab.ReadSelection(virtualSpace, $"the virtual region of mapping {i} of {What}"));
            }
            return result;
        }
    }
}

/// <summary>One mapping of a virtual dataset (h5py's <c>VDSmap</c>): where the data comes from and where it goes.</summary>
/// <param name="FileName">The source file as stored ("." for the virtual dataset's own file; may hold <c>%b</c> or printf patterns).</param>
/// <param name="DatasetName">The source dataset's path.</param>
/// <param name="SourceShape">The source's shape as recorded at creation (libhdf5 records 0 in every dimension for a
/// source mapped with an unlimited selection: its extent is read from the source when the dataset is opened).</param>
/// <param name="SourceMaxShape">The source's maximum shape as recorded (<see cref="H5Dataset.Unlimited"/> for unlimited).</param>
/// <param name="SourceSelection">The mapped part of the source; null for all of it.</param>
/// <param name="VirtualSelection">The region of the virtual dataset it fills; null for all of it.</param>
public sealed record H5VirtualMapping(string FileName, string DatasetName, IReadOnlyList<long> SourceShape, IReadOnlyList<long> SourceMaxShape,
    H5Hyperslab? SourceSelection, H5Hyperslab? VirtualSelection);
