// How fixed- and variable-length HDF5 strings store their characters. The source generator links this file as
// source: [H5Attribute]/[H5Dataset] name a character set and a padding with these enums.
namespace Hdf5.Mapping;

/// <summary>Character set of an HDF5 string type (<c>H5T_cset_t</c>).</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
enum H5CharSet
{
    /// <summary>H5T_CSET_ASCII</summary>
    Ascii = 0,
    /// <summary>H5T_CSET_UTF8</summary>
    Utf8 = 1,
}

/// <summary>Padding of a fixed-length HDF5 string (<c>H5T_str_t</c>).</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
enum H5StringPadding
{
    /// <summary>H5T_STR_NULLTERM: a NUL ends the value (C strings; what the HUG23 tutorial's <c>mu</c> declares).</summary>
    NullTerminated = 0,
    /// <summary>H5T_STR_NULLPAD: NULs fill the rest (what h5py writes for numpy <c>S</c> strings).</summary>
    NullPad = 1,
    /// <summary>H5T_STR_SPACEPAD: spaces fill the rest (Fortran style).</summary>
    SpacePad = 2,
}

/// <summary>Special values of <c>FixedLength</c> on <see cref="H5AttributeAttribute"/> and <see cref="H5DatasetAttribute"/>.</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
static class H5FixedLength
{
    /// <summary>Fixed length, as long as the value written (the longest value for an array): what numpy's
    /// <c>np.bytes_("...")</c> and netCDF's <c>NC_CHAR</c> attributes store, with no hand-counted length.</summary>
    public const int OfValue = -1;
}
