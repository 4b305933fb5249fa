using System.Runtime.CompilerServices;
using System.Text;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// Turns libhdf5 return codes into exceptions (the twin of the runtime's <c>Interop.ERR</c>): a negative
/// <c>herr_t</c>/<c>hid_t</c> captures the thread's error stack and throws what <see cref="H5ErrorTable"/> maps
/// it to. Call inside <see cref="H5Library.Enter"/> so the stack read is the one of the failed call.
/// </summary>
public static class H5Call
{
    /// <summary>Throws when <paramref name="status"/> is negative; returns it otherwise (for <c>htri_t</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Check(int status, string? context = null)
    {
        if (status < 0) Throw(context);
        return status;
    }

    /// <summary>Throws when <paramref name="status"/> is negative, with a message built only then (after the
    /// error stack is captured, so building it may call libhdf5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Check(int status, [InterpolatedStringHandlerArgument(nameof(status))] ref H5FailureText context)
    {
        if (status < 0) Throw(context.Stack!, context.ToStringAndClear(), null);
        return status;
    }

    /// <summary>As <see cref="Check(int, ref H5FailureText)"/>, for a call about one object: a corrupt-file failure
    /// names <paramref name="objectPath"/> (<see cref="H5InvalidFileException.ObjectPath"/>). The path comes after the
    /// message so that computing it cannot clear the stack before it is captured.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Check(int status, [InterpolatedStringHandlerArgument(nameof(status))] ref H5FailureText context, string? objectPath)
    {
        if (status < 0) Throw(context.Stack!, context.ToStringAndClear(), objectPath);
        return status;
    }

    /// <summary>As <see cref="Check(int, string?)"/>, for a call about one object: a corrupt-file failure names
    /// <paramref name="objectPath"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Check(int status, string? context, string? objectPath)
    {
        if (status < 0) throw H5ErrorTable.Create(H5ErrorStack.Capture(), context, objectPath);
        return status;
    }

    /// <summary>Throws when <paramref name="value"/> is negative (<c>hid_t</c>, <c>hssize_t</c>, <c>ssize_t</c> results).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Check(long value, string? context = null)
    {
        if (value < 0) Throw(context);
        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is negative, with a message built only then.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Check(long value, [InterpolatedStringHandlerArgument(nameof(value))] ref H5FailureText context)
    {
        if (value < 0) Throw(context.Stack!, context.ToStringAndClear(), null);
        return value;
    }

    /// <summary>As <see cref="Check(long, ref H5FailureText)"/>, for a call about one object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Check(long value, [InterpolatedStringHandlerArgument(nameof(value))] ref H5FailureText context, string? objectPath)
    {
        if (value < 0) Throw(context.Stack!, context.ToStringAndClear(), objectPath);
        return value;
    }

    /// <summary>Throws when a <c>htri_t</c> is negative, otherwise returns whether it is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CheckBool(int status, string? context = null) => Check(status, context) > 0;

    /// <summary>Throws when a <c>htri_t</c> is negative (message built only then), otherwise returns whether it is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CheckBool(int status, [InterpolatedStringHandlerArgument(nameof(status))] ref H5FailureText context)
    {
        if (status < 0) Throw(context.Stack!, context.ToStringAndClear(), null);
        return status > 0;
    }

    /// <summary>Throws the mapped exception for the current error stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(string? context = null) => throw H5ErrorTable.Create(H5ErrorStack.Capture(), context);

    /// <summary>Throws the mapped exception for the current error stack, captured before the message is built.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(ref H5FailureText context) => Throw(context.Stack!, context.ToStringAndClear(), null);

    /// <summary>As <see cref="Throw(ref H5FailureText)"/>, for a call about one object.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(ref H5FailureText context, string? objectPath) => Throw(context.Stack!, context.ToStringAndClear(), objectPath);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(H5ErrorStack stack, string context, string? objectPath) => throw H5ErrorTable.Create(stack, context, objectPath);

    /// <summary>Reads a string with the usual "call with null to get the length, then again" C idiom.</summary>
    public static unsafe string ReadString(StringGetter getter, string? context = null, string? objectPath = null)
    {
        ArgumentNullException.ThrowIfNull(getter);
        var length = (long)getter(null, 0);
        if (length < 0) Throw(H5ErrorStack.Capture(), context ?? "reading a name", objectPath);
        if (length == 0) return string.Empty;
        var size = checked((int)length + 1);
        byte[]? rented = null;
        Span<byte> buffer = size <= 512 ? stackalloc byte[size] : (rented = new byte[size]);
        fixed (byte* p = buffer)
        {
            if ((long)getter(p, (nuint)size) < 0) Throw(H5ErrorStack.Capture(), context ?? "reading a name", objectPath);
        }
        return Encoding.UTF8.GetString(buffer[..(int)length]);
    }

    /// <summary>A C function of the "(char *buf, size_t size) → length" family.</summary>
    public unsafe delegate nint StringGetter(byte* buffer, nuint size);

    /// <summary>Reads a NUL-terminated UTF-8 C string (null gives the empty string).</summary>
    public static unsafe string FromCString(byte* s) => s == null ? string.Empty : Encoding.UTF8.GetString(new ReadOnlySpan<byte>(s, strlen(s)));

    /// <summary>Takes a string libhdf5 allocated for the caller (<c>H5Tget_member_name</c>, <c>H5Tget_tag</c>): reads it, then
    /// gives it back with <c>H5free_memory</c>; a null pointer is the call's failure, raised with <paramref name="context"/>.</summary>
    public static unsafe string TakeCString(byte* s, string context)
    {
        if (s == null) Throw(context);
        try
        {
            return FromCString(s);
        }
        finally
        {
            H5.FreeMemory(s);
        }
    }

    /// <summary>Decodes a UTF-8 buffer up to its first NUL.</summary>
    public static string FromCStringSpan(ReadOnlySpan<byte> s)
    {
        var nul = s.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? s : s[..nul]);
    }

    private static unsafe int strlen(byte* s)
    {
        int n = 0;
        while (s[n] != 0) n++;
        return n;
    }
}
