using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Native;

/// <summary>Types of <c>H5ACpublic.h</c> (metadata cache), used by <c>H5Fget_mdc_config</c>.</summary>
public static unsafe class H5AC
{
    /// <summary><c>H5AC__CURR_CACHE_CONFIG_VERSION</c>.</summary>
    public const int CurrCacheConfigVersion = 1;

    /// <summary><c>H5AC_cache_config_t</c>, field for field (hbool_t as byte).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CacheConfig
    {
        /// <summary>version</summary>
        public int Version;
        /// <summary>rpt_fcn_enabled</summary>
        public byte RptFcnEnabled;
        /// <summary>open_trace_file</summary>
        public byte OpenTraceFile;
        /// <summary>close_trace_file</summary>
        public byte CloseTraceFile;
        /// <summary>trace_file_name[H5AC__MAX_TRACE_FILE_NAME_LEN + 1]</summary>
        public fixed byte TraceFileName[1025];
        /// <summary>evictions_enabled</summary>
        public byte EvictionsEnabled;
        /// <summary>set_initial_size</summary>
        public byte SetInitialSize;
        /// <summary>initial_size</summary>
        public nuint InitialSize;
        /// <summary>min_clean_fraction</summary>
        public double MinCleanFraction;
        /// <summary>max_size</summary>
        public nuint MaxSize;
        /// <summary>min_size</summary>
        public nuint MinSize;
        /// <summary>epoch_length</summary>
        public nint EpochLength;
        /// <summary>incr_mode</summary>
        public int IncrMode;
        /// <summary>lower_hr_threshold</summary>
        public double LowerHrThreshold;
        /// <summary>increment</summary>
        public double Increment;
        /// <summary>apply_max_increment</summary>
        public byte ApplyMaxIncrement;
        /// <summary>max_increment</summary>
        public nuint MaxIncrement;
        /// <summary>flash_incr_mode</summary>
        public int FlashIncrMode;
        /// <summary>flash_multiple</summary>
        public double FlashMultiple;
        /// <summary>flash_threshold</summary>
        public double FlashThreshold;
        /// <summary>decr_mode</summary>
        public int DecrMode;
        /// <summary>upper_hr_threshold</summary>
        public double UpperHrThreshold;
        /// <summary>decrement</summary>
        public double Decrement;
        /// <summary>apply_max_decrement</summary>
        public byte ApplyMaxDecrement;
        /// <summary>max_decrement</summary>
        public nuint MaxDecrement;
        /// <summary>epochs_before_eviction</summary>
        public int EpochsBeforeEviction;
        /// <summary>apply_empty_reserve</summary>
        public byte ApplyEmptyReserve;
        /// <summary>empty_reserve</summary>
        public double EmptyReserve;
        /// <summary>dirty_bytes_threshold</summary>
        public nuint DirtyBytesThreshold;
        /// <summary>metadata_write_strategy</summary>
        public int MetadataWriteStrategy;
    }
}
