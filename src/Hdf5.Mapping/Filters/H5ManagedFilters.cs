using System.Runtime.CompilerServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

// The managed filters join the library's set-up from their own layer, when the assembly loads: LowLevel runs the
// steps after H5open and knows no filter.
internal static class H5ManagedFilters
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Adding a set-up step loads nothing; the steps run at the first libhdf5 call.")]
    internal static void JoinSetUp()
    {
        H5Library.AddSetUpStep(ZstdFilter.Register); // no Zstd plugin ships with Debian: ours is managed
        H5Library.AddSetUpStep(LzfFilter.Register);  // Debian's LZF plugin does not load (not linked against liblzf): ours is managed
    }
}
