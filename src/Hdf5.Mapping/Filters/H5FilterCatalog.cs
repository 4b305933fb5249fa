using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// What this library knows about filters by id: their usual names, and how to install the ones that are
/// plugins, so a missing filter gives a message a user can act on.
/// </summary>
public static class H5FilterCatalog
{
    private static readonly Dictionary<int, (string Name, string Install)> s_known = new()
    {
        [1] = ("deflate", "built into libhdf5 (zlib)"),
        [2] = ("shuffle", "built into libhdf5"),
        [3] = ("fletcher32", "built into libhdf5"),
        [4] = ("szip", "libhdf5 built with libaec/szip"),
        [5] = ("nbit", "built into libhdf5"),
        [6] = ("scaleoffset", "built into libhdf5"),
        [307] = ("bzip2", "apt-get install hdf5-filter-plugin (or pip install hdf5plugin and set HDF5_PLUGIN_PATH)"),
        [32000] = ("lzf", "built into Hdf5.Mapping (managed) and into h5py; for C tools such as h5dump, Debian's hdf5-plugin-lzf " +
                          "loads only with liblzf preloaded (it is not linked against it): LD_PRELOAD=liblzf.so.1 h5dump ..."),
        [32001] = ("blosc", "apt-get install hdf5-filter-plugin-blosc-serial"),
        [32004] = ("lz4", "apt-get install hdf5-filter-plugin"),
        [32013] = ("zfp", "apt-get install hdf5-filter-plugin-zfp-serial"),
        [32015] = ("zstd", "built into Hdf5.Mapping (managed); other readers need the HDF Group's zstd plugin"),
        [32008] = ("bitshuffle", "pip install hdf5plugin and set HDF5_PLUGIN_PATH"),
        [32017] = ("sz", "pip install hdf5plugin and set HDF5_PLUGIN_PATH"),
        [32026] = ("blosc2", "pip install hdf5plugin and set HDF5_PLUGIN_PATH"),
    };

    /// <summary>The usual name of a filter id ("filter 12345" when unknown).</summary>
    public static string NameOf(int id) => s_known.TryGetValue(id, out var k) ? k.Name : $"filter {id}";

    /// <summary>How to get a filter ("" when unknown).</summary>
    public static string InstallHintOf(int id) =>
        id == H5Filter.ZfpId && H5Library.IsParallel ? ParallelZfpHint : s_known.TryGetValue(id, out var k) ? k.Install : "";

    // Debian's ZFP plugin links the serial libhdf5 and cannot be used by the parallel one.
    private const string ParallelZfpHint =
        "Debian has no ZFP plugin for its MPI libhdf5: build H5Z-ZFP (source package h5z-zfp) against it, " +
        "mpicc -shared -fPIC src/H5Zzfp.c $(pkg-config --cflags --libs hdf5-openmpi) -lzfp -o libh5zzfp.so, and add its folder to HDF5_PLUGIN_PATH";

    /// <summary>Whether libhdf5 can use the filter now (<c>H5Zfilter_avail</c>, which also loads plugins).</summary>
    public static bool IsAvailable(int id)
    {
        using var scope = H5Library.Enter();
        var r = H5Z.FilterAvail(id);
        if (r < 0)
        {
            H5ErrorStack.Capture();
            return false;
        }
        return r > 0;
    }

    /// <summary>Throws <see cref="H5FilterNotAvailableException"/> naming the filter and its install hint if it is missing.</summary>
    public static void EnsureAvailable(int id, string? name = null)
    {
        if (!IsAvailable(id)) throw Missing(id, name);
    }

    internal static H5FilterNotAvailableException Missing(int id, string? name = null, string? what = null, H5ErrorStack? stack = null)
    {
        name ??= NameOf(id);
        var hint = InstallHintOf(id);
        var paths = string.Join(", ", H5Plugins.SearchPaths);
        return new H5FilterNotAvailableException(id,
            $"{(what is null ? "" : what + ": ")}the HDF5 filter '{name}' (id {id}) is not available: it is neither built in nor found as a plugin in [{paths}]." +
            (hint.Length == 0 ? "" : $" To install it: {hint}."), stack);
    }
}
