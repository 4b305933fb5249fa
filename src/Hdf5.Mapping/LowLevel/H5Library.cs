using System.Runtime.CompilerServices;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// One-time library set-up and the library lock (the runtime's twin of h5py's <c>phil</c> and hdf5-rust's
/// <c>sync.rs</c>). Every call into libhdf5 made by this library goes through <see cref="Enter"/>, which
/// (1) initializes libhdf5 once: loads it, checks the version, adds the Debian plugin folder and runs the set-up
/// steps higher layers added (the managed filters register themselves so: this layer knows no filter); (2) switches automatic error printing off on the calling thread (libhdf5 keeps
/// that setting per thread in thread-safe builds); (3) takes one global lock when the loaded libhdf5 is
/// not thread-safe.
/// </summary>
public static class H5Library
{
    private static readonly object s_initLock = new();
    private static readonly object s_callLock = new();
    private static volatile bool s_initialized;
    private static Exception? s_initFailure;
    private static bool s_serialize;
    private static readonly List<Action> s_setUpSteps = [];

    [ThreadStatic] private static bool t_threadReady;

    /// <summary>Environment variable that forces the global lock even for a thread-safe libhdf5 (for tests).</summary>
    public const string ForceLockVariable = "HDF5_MAPPING_FORCE_LOCK";

    /// <summary>The oldest libhdf5 this library accepts.</summary>
    public static readonly Version MinimumVersion = new(1, 10, 0);

    /// <summary>The version of the loaded libhdf5 (<c>H5get_libversion</c>).</summary>
    public static Version Version { get; private set; } = new();

    /// <summary>Whether libhdf5 was built thread-safe (<c>H5is_library_threadsafe</c>).</summary>
    public static bool IsThreadSafe { get; private set; }

    /// <summary>Whether this library serializes all libhdf5 calls behind one lock.</summary>
    public static bool SerializesCalls => s_serialize;

    /// <summary>Whether the loaded libhdf5 is a parallel (MPI) build, able to open files with an MPI communicator
    /// (it exports <c>H5Pset_fapl_mpio</c>). Loads libhdf5 if needed but does not start it, so it may be asked before
    /// MPI starts.</summary>
    public static bool IsParallel => s_parallel ??= H5LibraryResolver.Exports(H5ParallelLibraryChoice.ParallelSymbol);
    private static bool? s_parallel;

    /// <summary>The file libhdf5 was loaded from (a file name the system linker found, or a full path).</summary>
    public static string LibraryPath
    {
        get
        {
            H5LibraryResolver.LoadCore();
            return H5LibraryResolver.CorePath!;
        }
    }

    /// <summary>
    /// Selects the parallel (MPI) libhdf5 for this process; call it first, before any other HDF5 call (the serial
    /// and the parallel libhdf5 cannot both live in one process). Without arguments it takes
    /// <c>HDF5_MAPPING_LIBHDF5_PARALLEL</c> (and <c>HDF5_MAPPING_LIBHDF5_PARALLEL_HL</c>) if set, else the
    /// distribution's MPI build (Debian/Ubuntu: <c>libhdf5_openmpi.so.103</c> from libhdf5-openmpi-dev);
    /// <c>HDF5_MAPPING_LIBHDF5</c> is not consulted. Calling it again, or after a parallel libhdf5 was loaded, does nothing.
    /// </summary>
    /// <param name="libraryPath">A parallel libhdf5 to load, or null to search.</param>
    /// <param name="highLevelPath">Its libhdf5_hl (dimension scales), or null for the one beside it.</param>
    /// <exception cref="InvalidOperationException">A serial libhdf5 is already loaded.</exception>
    /// <exception cref="H5LibraryException">No parallel libhdf5 was found (the message says what to install), or the
    /// library named is serial.</exception>
    public static void UseParallel(string? libraryPath = null, string? highLevelPath = null)
    {
        lock (s_initLock)
        {
            if (H5LibraryResolver.IsCoreLoaded)
            {
                if (IsParallel) return;
                throw new InvalidOperationException(
                    $"A serial libhdf5 ({H5LibraryResolver.CorePath}) is already loaded: call H5Library.UseParallel() before any other HDF5 call.");
            }
            H5LibraryResolver.ChooseParallel(new H5ParallelLibraryChoice(libraryPath, highLevelPath));
            try
            {
                H5LibraryResolver.LoadCore();
            }
            catch (DllNotFoundException e)
            {
                throw new H5LibraryException(e.Message, e);
            }
        }
    }

    /// <summary>Whether libhdf5 was shut down (with MPI): no HDF5 call can be made after that.</summary>
    internal static bool IsShutDown { get; private set; }

    /// <summary>Closes every HDF5 id and shuts libhdf5 down (<c>H5close</c>), before <c>MPI_Finalize</c>: a parallel
    /// libhdf5 must not outlive MPI. Handles released later (finalizers) then skip their close.</summary>
    internal static void ShutDown()
    {
        lock (s_initLock)
        {
            if (IsShutDown) return;
            if (s_initialized)
            {
                using (Enter()) H5.Close();
            }
            IsShutDown = true;
            s_initialized = false;
            s_initFailure = new H5LibraryException("libhdf5 was shut down when MPI was finalized (H5MpiSession.Dispose): no HDF5 call can follow.");
        }
    }

    /// <summary>Sets the library up (idempotent); call it before using <see cref="Native"/> bindings directly.</summary>
    public static void EnsureInitialized()
    {
        if (!s_initialized) InitializeOnce();
        if (!t_threadReady) PrepareThread();
    }

    /// <summary>Enters the library: set-up, per-thread error silencing and, for a non-thread-safe libhdf5, the
    /// global lock, which is held until the returned scope is disposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scope Enter()
    {
        if (!s_initialized || !t_threadReady) EnsureInitialized();
        if (s_serialize)
        {
            Monitor.Enter(s_callLock);
            return new Scope(true);
        }
        return default;
    }

    /// <summary>Holds the library lock (when one is needed) until disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly bool _locked;
        internal Scope(bool locked) => _locked = locked;

        /// <summary>Releases the lock if this scope took it.</summary>
        public void Dispose()
        {
            if (_locked) Monitor.Exit(s_callLock);
        }
    }

    /// <summary>Adds a step run once, right after libhdf5 is opened (at once if it is open already): how a higher
    /// layer (the managed filters) joins the set-up without this layer calling up into it.</summary>
    internal static void AddSetUpStep(Action step)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (s_initLock)
        {
            if (s_initialized) step();
            else s_setUpSteps.Add(step);
        }
    }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The resolver must be in place before the first P/Invoke of this assembly; registering it loads nothing.")]
    internal static void RegisterResolver() => H5LibraryResolver.Register();

    private static unsafe void PrepareThread()
    {
        // Automatic printing is per thread in thread-safe builds: turn it off for every thread that calls in.
        H5E.SetAuto2(H5E.Default, null, null);
        t_threadReady = true;
    }

    private static void InitializeOnce()
    {
        lock (s_initLock)
        {
            if (s_initFailure is not null) throw new H5LibraryException(s_initFailure.Message, s_initFailure);
            if (s_initialized) return;
            try
            {
                H5LibraryResolver.Register();
                if (H5.Open() < 0) throw new H5LibraryException("H5open failed.");
                H5.GetLibversion(out var major, out var minor, out var release);
                Version = new Version((int)major, (int)minor, (int)release);
                H5Api.Configure(Version);
                if (Version < MinimumVersion)
                    throw new H5LibraryException(
                        $"libhdf5 {Version} is too old: Hdf5.Mapping needs {MinimumVersion} or newer. {H5LibraryResolver.InstallHint}");
                H5.IsLibraryThreadsafe(out var ts);
                IsThreadSafe = ts;
                s_serialize = !ts || Environment.GetEnvironmentVariable(ForceLockVariable) == "1";
                PrepareThread();
                H5Plugins.AddDefaultSearchPaths();
                foreach (var step in s_setUpSteps) step();
                s_initialized = true;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or H5LibraryException)
            {
                s_initFailure = e;
                throw e as H5LibraryException ?? new H5LibraryException(e.Message, e);
            }
        }
    }
}
