// The file-format bounds; the source generator links this file as source ([H5File(LibverLow = ...)] names one).
namespace Hdf5.Mapping;

/// <summary>Bounds on the file-format versions libhdf5 may use (h5py's <c>libver</c>).</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
enum H5LibraryVersion
{
    /// <summary>The earliest format able to store each object (h5py <c>"earliest"</c>, the default low bound).</summary>
    Earliest = 0,
    /// <summary>The 1.8 format (h5py <c>"v108"</c>).</summary>
    V18 = 1,
    /// <summary>The 1.10 format (h5py <c>"v110"</c>), the default high bound: files stay readable by libhdf5 1.10.</summary>
    V110 = 2,
    /// <summary>The 1.12 format (h5py <c>"v112"</c>); needs libhdf5 1.12 or later to write, and to read what it changes.</summary>
    V112 = 3,
    /// <summary>The 1.14 format (h5py <c>"v114"</c>); needs libhdf5 1.14 or later.</summary>
    V114 = 4,
    /// <summary>The 2.0 format; needs libhdf5 2.0 or later.</summary>
    V200 = 5,
    /// <summary>The newest format libhdf5 1.10 reads (<see cref="V110"/>), whatever the loaded libhdf5: unlike h5py's
    /// <c>"latest"</c>, which follows the loaded library, files written with it stay readable by every supported version.</summary>
    Latest = V110,
}
