using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// Which of libhdf5's versioned entry points the loaded library has, decided once from <c>H5get_libversion</c>.
/// Every call whose C name differs between versions goes through here (or through <see cref="H5ObjectInfo"/> and
/// <see cref="H5LinkDetails"/>), so a symbol that one version lacks is never resolved on it: the bindings in
/// <see cref="Native"/> bind each entry point only when it is first called.
/// </summary>
/// <remarks>
/// What differs: 1.10.3 added <c>H5Oget_info2</c> (a fields mask) and <c>H5Dread_chunk</c>; 1.12 replaced object
/// addresses by tokens (<c>H5Oget_info3</c>, <c>H5Lget_info2</c>; <c>H5Lget_info</c> became a macro), made
/// <c>H5Fis_hdf5</c> and <c>H5Dvlen_reclaim</c> deprecated (<c>H5Fis_accessible</c>, <c>H5Treclaim</c>) and
/// renamed the error <c>H5E_BADATOM</c> to <c>H5E_BADID</c>; 2.0 turned <c>H5Dread_chunk</c> into a macro for
/// <c>H5Dread_chunk2</c>. The 1.10 reference types (<c>hobj_ref_t</c>, <c>hdset_reg_ref_t</c>) and their
/// functions exist in every version, so references are written in the form libhdf5 1.10 reads.
/// </remarks>
public static class H5Api
{
    private static readonly Version V1_10_3 = new(1, 10, 3), V1_12 = new(1, 12, 0), V2_0 = new(2, 0, 0);

    /// <summary>Objects are named by <c>H5O_token_t</c> (libhdf5 1.12 and later) rather than by address.</summary>
    public static bool UsesTokens { get; private set; }

    /// <summary><c>H5Oget_info2</c> with its fields mask exists (libhdf5 1.10.3 and later).</summary>
    public static bool HasObjectInfoFields { get; private set; }

    /// <summary><c>H5Dread_chunk2</c> replaces <c>H5Dread_chunk</c> (libhdf5 2.0 and later).</summary>
    public static bool HasReadChunk2 { get; private set; }

    /// <summary>Whether the loaded libhdf5 was built with the read-only S3 driver (<c>--enable-ros3-vfd</c>):
    /// <c>H5Pset_fapl_ros3</c> exists only then.</summary>
    public static bool HasRos3 => Exports("H5Pset_fapl_ros3");

    /// <summary>Whether the loaded libhdf5 exports a function named <paramref name="name"/> (its C name): how the
    /// optional parts of a build (drivers such as ROS3) are told apart, since the version number does not say.</summary>
    public static bool Exports(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        H5Library.EnsureInitialized();
        return System.Runtime.InteropServices.NativeLibrary.TryGetExport(H5LibraryResolver.CoreHandle, name, out _);
    }

    internal static void Configure(Version version)
    {
        UsesTokens = version >= V1_12;
        HasObjectInfoFields = version >= V1_10_3;
        HasReadChunk2 = version >= V2_0;
    }

    /// <summary><c>H5Fis_accessible</c> (1.12+) or <c>H5Fis_hdf5</c>: whether the file is HDF5, as an <c>htri_t</c>.</summary>
    public static int IsHdf5(string path) =>
        UsesTokens ? H5F.IsAccessible(path, PropertyListId.Default) : H5F.IsHdf5(path);

    /// <summary><c>H5Treclaim</c> (1.12+) or <c>H5Dvlen_reclaim</c>: frees what libhdf5 allocated for variable-length data.</summary>
    public static unsafe int ReclaimVlen(H5Id typeId, H5Id spaceId, H5Id plistId, void* buf) =>
        UsesTokens ? H5T.Reclaim(typeId, spaceId, plistId, buf) : H5D.VlenReclaim(typeId, spaceId, plistId, buf);

    /// <summary><c>H5Dread_chunk2</c> (2.0+) or <c>H5Dread_chunk</c>: a chunk's stored bytes into a buffer of
    /// <paramref name="bufferSize"/> bytes (the size <c>H5Dget_chunk_storage_size</c> reported).</summary>
    public static unsafe int ReadChunk(H5Id datasetId, H5Id dxplId, ulong* offset, uint* filters, void* buf, nuint bufferSize)
    {
        if (!HasReadChunk2) return H5D.ReadChunk(datasetId, dxplId, offset, filters, buf);
        var size = bufferSize;
        return H5D.ReadChunk2(datasetId, dxplId, offset, filters, buf, &size);
    }

    /// <summary><c>H5Ovisit3</c> (1.12+), <c>H5Ovisit2</c> (1.10.3+) or <c>H5Ovisit</c>: calls <paramref name="op"/> once
    /// for each object reachable from <paramref name="objectId"/>, asking only for the basic object information (the
    /// info struct differs by version; callers that need it use <see cref="H5ObjectInfo"/> instead).</summary>
    public static unsafe int VisitObjects(H5Id objectId, delegate* unmanaged<long, byte*, void*, void*, int> op, void* opData)
    {
        if (UsesTokens) return H5O.Visit3(objectId, H5.Index.Name, H5.IterOrder.Native, op, opData, H5O.InfoBasic);
        if (HasObjectInfoFields) return H5O.Visit2(objectId, H5.Index.Name, H5.IterOrder.Native, op, opData, H5O.InfoBasic);
        return H5O.Visit(objectId, H5.Index.Name, H5.IterOrder.Native, op, opData);
    }
}
