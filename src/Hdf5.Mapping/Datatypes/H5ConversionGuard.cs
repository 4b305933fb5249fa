using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Makes libhdf5 fail a conversion that would change a value instead of storing a substitute. Left alone, libhdf5
/// clamps a value that does not fit (300 into a uint8 gives 255), turns NaN into an arbitrary integer, and gives an
/// enum value without a counterpart all one bits. Every read and write of this library converts through
/// <see cref="TransferList"/>, whose conversion-exception callback aborts those cases; the failing call then raises
/// <see cref="H5TypeMismatchException"/> saying what did not fit. Conversions that lose only precision are allowed,
/// as numpy allows them: fractions of floats read as integers are truncated, large integers read as floats rounded.
/// </summary>
internal static unsafe class H5ConversionGuard
{
    // H5T_conv_except_t and H5T_conv_ret_t.
    private const int RangeHigh = 0, RangeLow = 1, Truncate = 3, PositiveInfinity = 4, NegativeInfinity = 5, NotANumber = 6;
    private const int Abort = -1, Unhandled = 0;

    private static PropertyListId? s_transfer;

    [ThreadStatic] private static int t_refused;

    /// <summary>The dataset transfer property list with the checking callback (shared; never close it).</summary>
    public static PropertyListId TransferList => s_transfer ?? CreateTransferList();

    private static PropertyListId CreateTransferList()
    {
        using var scope = H5Library.Enter();
        var dxpl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.DatasetXfer), "creating a transfer property list"));
        H5Call.Check(H5P.SetTypeConvCb(dxpl, &OnException, null), "setting the conversion exception callback");
        return Interlocked.CompareExchange(ref s_transfer, dxpl, null) ?? dxpl;
    }

    /// <summary>Forgets what the callback refused on this thread (call before a transfer).</summary>
    public static void Reset() => t_refused = -1;

    /// <summary>What the callback refused during the last transfer on this thread, in words; null if nothing.</summary>
    public static string? Refused()
    {
        var r = t_refused;
        t_refused = -1;
        return r switch
        {
            RangeHigh or RangeLow => "a value does not fit in the destination type (or is an enum value without a counterpart there)",
            NotANumber => "a NaN cannot be stored as an integer",
            PositiveInfinity or NegativeInfinity => "an infinity cannot be stored as an integer",
            _ => null,
        };
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnException(int kind, long sourceType, long destinationType, void* source, void* destination, void* userData)
    {
        switch (kind)
        {
            case RangeHigh or RangeLow:
                // Hard double-to-float conversions report an infinity as out of range; it is one in float too.
                if (IsInfinity(sourceType, source) && ClassOf(destinationType) == H5T.Class.Float) return Unhandled;
                t_refused = kind;
                return Abort;
            case NotANumber or PositiveInfinity or NegativeInfinity:
                // Special float values are fine between float types; only integers cannot hold them.
                if (ClassOf(destinationType) != H5T.Class.Integer) return Unhandled;
                t_refused = kind;
                return Abort;
            case Truncate:
                // Hard float-to-integer conversions report NaN as a truncation.
                if (!IsNaN(sourceType, source)) return Unhandled;
                t_refused = NotANumber;
                return Abort;
            default:
                return Unhandled;
        }
    }

    // Inside the callback libhdf5 is mid-conversion and no exception may cross back into it: raw calls, failures
    // read as "not a float/integer", which leaves the decision to libhdf5's default.
    private static H5T.Class ClassOf(long type)
    {
        var id = new DatatypeId(type, ownsHandle: false);
        return H5T.GetClass(id);
    }

    private static bool IsNaN(long type, void* value) => NativeFloat(type, value) is { } v && double.IsNaN(v);

    private static bool IsInfinity(long type, void* value) => NativeFloat(type, value) is { } v && double.IsInfinity(v);

    // The value of a native-order float32 or float64 element; null for other types.
    private static double? NativeFloat(long type, void* value)
    {
        var id = new DatatypeId(type, ownsHandle: false);
        if (H5T.GetClass(id) != H5T.Class.Float) return null;
        if (H5T.GetOrder(id) != (BitConverter.IsLittleEndian ? H5T.Order.LittleEndian : H5T.Order.BigEndian)) return null;
        return H5T.GetSize(id) switch
        {
            4 => Unsafe.ReadUnaligned<float>(value),
            8 => Unsafe.ReadUnaligned<double>(value),
            _ => null,
        };
    }

    /// <summary>Converts <paramref name="count"/> elements in <paramref name="buffer"/> from <paramref name="source"/> to
    /// <paramref name="destination"/> through the checking list (<c>H5Tconvert</c>); the buffer must hold the larger of the
    /// two element sizes per element. Returns false when the conversion failed (the error stack is left for the caller).</summary>
    public static bool Convert(DatatypeId source, DatatypeId destination, long count, void* buffer)
    {
        var background = NativeMemory.AllocZeroed((nuint)Math.Max(1, count * destination.GetSize()));
        try
        {
            return H5T.Convert(source, destination, (nuint)count, buffer, background, TransferList) >= 0;
        }
        finally
        {
            NativeMemory.Free(background);
        }
    }
}
