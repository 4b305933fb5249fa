using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// What this library knows about filters by id (from <see cref="H5FilterTable"/>): their usual names, and how to install
/// the ones that are plugins, so a missing filter gives a message a user can act on.
/// </summary>
public static class H5FilterCatalog
{
    /// <summary>The usual name of a filter id ("filter 12345" when unknown).</summary>
    public static string NameOf(int id) => H5FilterTable.FromId(id)?.Name ?? $"filter {id}";

    /// <summary>How to get a filter ("" when unknown).</summary>
    public static string InstallHintOf(int id) => H5FilterTable.FromId(id)?.Install ?? "";

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
