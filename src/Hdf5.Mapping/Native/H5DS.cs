using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5DSpublic.h</c> of libhdf5_hl (dimension scales).</summary>
public static unsafe partial class H5DS
{
    /// <summary><c>H5DSset_scale</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSset_scale", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetScale(H5Id dsid, string? dimname);

    /// <summary><c>H5DSattach_scale</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSattach_scale")]
    public static partial int AttachScale(H5Id did, H5Id dsid, uint idx);

    /// <summary><c>H5DSdetach_scale</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSdetach_scale")]
    public static partial int DetachScale(H5Id did, H5Id dsid, uint idx);

    /// <summary><c>H5DSis_attached</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSis_attached")]
    public static partial int IsAttached(H5Id did, H5Id dsid, uint idx);

    /// <summary><c>H5DSis_scale</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSis_scale")]
    public static partial int IsScale(H5Id did);

    /// <summary><c>H5DSget_num_scales</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSget_num_scales")]
    public static partial int GetNumScales(H5Id did, uint dim);

    /// <summary><c>H5DSset_label</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSset_label", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLabel(H5Id did, uint idx, string label);

    /// <summary><c>H5DSget_label</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSget_label")]
    public static partial nint GetLabel(H5Id did, uint idx, byte* label, nuint size);

    /// <summary><c>H5DSget_scale_name</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSget_scale_name")]
    public static partial nint GetScaleName(H5Id did, byte* name, nuint size);

    /// <summary><c>H5DSiterate_scales</c>: visitor is <c>herr_t (*)(hid_t did, unsigned dim, hid_t dsid, void *visitor_data)</c>.</summary>
    [LibraryImport(Libraries.Hdf5HighLevel, EntryPoint = "H5DSiterate_scales")]
    public static partial int IterateScales(H5Id did, uint dim, int* idx, delegate* unmanaged<long, uint, long, void*, int> visitor, void* visitorData);
}
