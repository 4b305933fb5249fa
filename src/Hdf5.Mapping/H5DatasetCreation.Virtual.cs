using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Virtual datasets (h5py: create_virtual_dataset): the layout's mappings become H5Pset_virtual entries of the
// creation property list; the dataset holds no data of its own.
internal static partial class H5DatasetCreation
{
    public static H5Dataset CreateVirtual(H5Group parent, string path, DatatypeId type, H5VirtualLayout layout, H5DatasetOptions? options)
    {
        H5Names.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(layout);
        parent.File.RefuseUnderSwmr($"create dataset '{path}' in {parent.Describe()}");
        options ??= new H5DatasetOptions();
        if (options.Chunks is not null || options.Filters.Count > 0 || options.MaxShape is not null || options.Layout is not (null or H5Layout.Virtual))
            throw new ArgumentException($"Virtual dataset '{path}': chunks, filters, a layout or a maximum shape cannot be set in the options " +
                "(a virtual dataset stores no data; its maximum shape is the layout's).", nameof(options));
        if (parent.ContainsKey(path))
            throw new H5AlreadyExistsException($"Cannot create dataset '{path}' in {parent.Describe()}: the name already exists.");

        using var dcpl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.DatasetCreate)));
        H5Call.Check(H5P.SetObjTrackTimes(dcpl, options.TrackTimes));
        if (options.FillTime is { } fillTime) H5Call.Check(H5P.SetFillTime(dcpl, (H5P.FillTime)fillTime), $"setting the fill time of '{path}'");
        ApplyFillValue(dcpl, path, type, options);
        var shape = layout.Shape.ToArray();
        var maxShape = layout.MaxShape?.ToArray();
        var ownFile = Path.GetFullPath(parent.File.Filename);
        foreach (var (region, source) in layout.Mappings)
        {
            using var virtualSpace = H5Shape.CreateSpace(shape, maxShape);
            region?.SelectOn(virtualSpace);
            using var sourceSpace = H5Shape.CreateSpace(source.Shape.ToArray(), source.MaxShape?.ToArray());
            source.Selection?.SelectOn(sourceSpace);
            // As h5py: a source in the virtual dataset's own file is stored as ".", so the file can be renamed or moved.
            var fileName = source.FileName != "." && Path.GetFullPath(source.FileName) == ownFile ? "." : source.FileName;
            H5Call.Check(H5P.SetVirtual(dcpl, virtualSpace, fileName, source.DatasetName, sourceSpace),
                $"mapping '{source.DatasetName}' in '{source.FileName}' into virtual dataset '{path}'");
        }
        if (layout.Mappings.Count == 0) H5Call.Check(H5P.SetLayout(dcpl, H5P.Layout.Virtual), $"setting the layout of '{path}'");

        using var space = H5Shape.CreateSpace(shape, maxShape);
        return CreateWith(parent, path, type, space, dcpl, H5Shape.Format(shape));
    }
}
