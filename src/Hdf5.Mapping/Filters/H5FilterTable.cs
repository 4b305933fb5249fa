// One table of the filters this library knows by id: their usual names, the H5FilterKind a mapped dataset names
// them by, the level [H5Dataset(FilterLevel = ...)] means for them and how to install the ones that are plugins.
// The runtime (names, install hints), the source generator (which links this file as source) and the scaffolder
// all read it, so a filter is described once. Pure data: nothing here calls libhdf5.
#if HDF5_MAPPING_GENERATOR
using System.Collections.Generic;
#endif

namespace Hdf5.Mapping;

/// <summary>The compression filters a mapped dataset can name (see <see cref="H5Filter"/> for what each does).</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
enum H5FilterKind
{
    /// <summary>No compression.</summary>
    None,
    /// <summary>Deflate (gzip), <see cref="H5DatasetAttribute.FilterLevel"/> 0–9 (default 4).</summary>
    Deflate,
    /// <summary>Zstandard, level 1–22 (default 3).</summary>
    Zstd,
    /// <summary>ZFP fixed accuracy 10^FilterLevel (default 1e-4).</summary>
    ZfpAccuracy,
    /// <summary>LZ4.</summary>
    Lz4,
    /// <summary>BZip2, block size 1–9 (default 9).</summary>
    Bzip2,
    /// <summary>Blosc (lz4, level 5, byte shuffle).</summary>
    Blosc,
    /// <summary>LZF (h5py's <c>compression="lzf"</c>), built into this library.</summary>
    Lzf,
}

/// <summary>What <see cref="H5DatasetAttribute.FilterLevel"/> means for a filter.</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
enum H5FilterLevelKind
{
    /// <summary>The filter takes no level.</summary>
    None,
    /// <summary>A level passed as the first <c>cd_values</c> entry (deflate, Zstd, BZip2).</summary>
    Level,
    /// <summary>A power of ten: the ZFP accuracy 10^level.</summary>
    PowerOfTen,
}

/// <summary>One filter this library knows: its registered id and usual name, the <see cref="H5FilterKind"/> a mapped
/// dataset names it by (<see cref="H5FilterKind.None"/> when it has none), what its level means and its default, and how
/// to get it when it is a plugin.</summary>
/// <param name="Id">The registered filter id (<c>H5Z_filter_t</c>).</param>
/// <param name="Name">The usual name (h5py's, hdf5plugin's).</param>
/// <param name="Kind">The kind [H5Dataset(Filter = ...)] names it by.</param>
/// <param name="LevelKind">What FilterLevel means for it.</param>
/// <param name="DefaultLevel">The level used when FilterLevel is 0.</param>
/// <param name="Install">How to get it.</param>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
sealed record H5KnownFilter(int Id, string Name, H5FilterKind Kind, H5FilterLevelKind LevelKind, int DefaultLevel, string Install);

/// <summary>Every filter this library knows by id (the one table runtime, generator and scaffolder share).</summary>
#if HDF5_MAPPING_GENERATOR
internal
#else
public
#endif
static class H5FilterTable
{
    /// <summary>Deflate (gzip), <c>H5Z_FILTER_DEFLATE</c>.</summary>
    public const int DeflateId = 1;
    /// <summary>Byte shuffle, <c>H5Z_FILTER_SHUFFLE</c>.</summary>
    public const int ShuffleId = 2;
    /// <summary>Zstandard (HDF Group registered id).</summary>
    public const int ZstdId = 32015;
    /// <summary>ZFP.</summary>
    public const int ZfpId = 32013;
    /// <summary>LZ4.</summary>
    public const int Lz4Id = 32004;
    /// <summary>Blosc.</summary>
    public const int BloscId = 32001;
    /// <summary>BZip2.</summary>
    public const int Bzip2Id = 307;
    /// <summary>LZF.</summary>
    public const int LzfId = 32000;

    private const string HdfPluginPath = "pip install hdf5plugin and set HDF5_PLUGIN_PATH";

    /// <summary>The known filters, in id order of the built-in ones first.</summary>
    public static IReadOnlyList<H5KnownFilter> All { get; } =
    [
        new(DeflateId, "deflate", H5FilterKind.Deflate, H5FilterLevelKind.Level, 4, "built into libhdf5 (zlib)"),
        new(ShuffleId, "shuffle", H5FilterKind.None, H5FilterLevelKind.None, 0, "built into libhdf5"),
        new(3, "fletcher32", H5FilterKind.None, H5FilterLevelKind.None, 0, "built into libhdf5"),
        new(4, "szip", H5FilterKind.None, H5FilterLevelKind.None, 0, "libhdf5 built with libaec/szip"),
        new(5, "nbit", H5FilterKind.None, H5FilterLevelKind.None, 0, "built into libhdf5"),
        new(6, "scaleoffset", H5FilterKind.None, H5FilterLevelKind.None, 0, "built into libhdf5"),
        new(Bzip2Id, "bzip2", H5FilterKind.Bzip2, H5FilterLevelKind.Level, 9, "apt-get install hdf5-filter-plugin (or " + HdfPluginPath + ")"),
        new(LzfId, "lzf", H5FilterKind.Lzf, H5FilterLevelKind.None, 0, "built into Hdf5.Mapping (managed) and into h5py; for C tools such as h5dump, Debian's hdf5-plugin-lzf " +
            "loads only with liblzf preloaded (it is not linked against it): LD_PRELOAD=liblzf.so.1 h5dump ..."),
        new(BloscId, "blosc", H5FilterKind.Blosc, H5FilterLevelKind.None, 0, "apt-get install hdf5-filter-plugin-blosc-serial"),
        new(Lz4Id, "lz4", H5FilterKind.Lz4, H5FilterLevelKind.None, 0, "apt-get install hdf5-filter-plugin"),
        new(ZfpId, "zfp", H5FilterKind.ZfpAccuracy, H5FilterLevelKind.PowerOfTen, -4, "apt-get install hdf5-filter-plugin-zfp-serial"),
        new(ZstdId, "zstd", H5FilterKind.Zstd, H5FilterLevelKind.Level, 3, "built into Hdf5.Mapping (managed); other readers need the HDF Group's zstd plugin"),
        new(32008, "bitshuffle", H5FilterKind.None, H5FilterLevelKind.None, 0, HdfPluginPath),
        new(32017, "sz", H5FilterKind.None, H5FilterLevelKind.None, 0, HdfPluginPath),
        new(32026, "blosc2", H5FilterKind.None, H5FilterLevelKind.None, 0, HdfPluginPath),
    ];

    /// <summary>The filter of a registered id, or null when this library does not know it.</summary>
    public static H5KnownFilter? FromId(int id)
    {
        foreach (var f in All)
            if (f.Id == id) return f;
        return null;
    }

    /// <summary>The filter a mapped dataset's <see cref="H5FilterKind"/> names, or null for <see cref="H5FilterKind.None"/>.</summary>
    public static H5KnownFilter? FromKind(H5FilterKind kind)
    {
        if (kind == H5FilterKind.None) return null;
        foreach (var f in All)
            if (f.Kind == kind) return f;
        return null;
    }
}
