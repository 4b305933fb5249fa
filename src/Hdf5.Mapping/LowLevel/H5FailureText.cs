using System.Runtime.CompilerServices;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// The message of a failed libhdf5 call, written as an interpolated string (<c>$"resizing {What}"</c>). It solves
/// an ordering problem: every libhdf5 API call clears the thread's error stack on entry, and building a message
/// often calls libhdf5 (reading an object's name, say). So when the call's status says it failed, this handler
/// captures the stack <em>before</em> any part of the message is evaluated; when the call succeeded, the message is
/// not built at all.
/// </summary>
/// <remarks>The compiler constructs it with the status of the call (see <see cref="H5Call.Check(int, ref H5FailureText)"/>);
/// the status parameter must come before the message in every method that takes one.</remarks>
[InterpolatedStringHandler]
public ref struct H5FailureText
{
    private DefaultInterpolatedStringHandler _text;
    private readonly bool _failed;

    /// <summary>For an <c>herr_t</c>/<c>htri_t</c> status: captures the stack when it is negative.</summary>
    public H5FailureText(int literalLength, int formattedCount, int status, out bool failed)
        : this(literalLength, formattedCount, failed = status < 0) { }

    /// <summary>For a <c>hid_t</c>/<c>hssize_t</c> result: captures the stack when it is negative.</summary>
    public H5FailureText(int literalLength, int formattedCount, long status, out bool failed)
        : this(literalLength, formattedCount, failed = status < 0) { }

    /// <summary>For a failure already known (<see cref="H5Call.Throw(ref H5FailureText)"/>): always captures the stack.</summary>
    public H5FailureText(int literalLength, int formattedCount)
        : this(literalLength, formattedCount, true) { }

    private H5FailureText(int literalLength, int formattedCount, bool failed)
    {
        _failed = failed;
        Stack = failed ? H5ErrorStack.Capture() : null;
        _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>The stack captured for a failed call (null when the call succeeded).</summary>
    public H5ErrorStack? Stack { get; }

    /// <summary>Appends a literal part of the message.</summary>
    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary>Appends a value.</summary>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>Appends a value with a format.</summary>
    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    /// <summary>Appends a string.</summary>
    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    /// <summary>The message (empty when the call succeeded).</summary>
    public string ToStringAndClear() => _failed ? _text.ToStringAndClear() : string.Empty;
}
