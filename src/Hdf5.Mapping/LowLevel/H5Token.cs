using System.Globalization;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// What names an object within its file: the object's address in libhdf5 1.10, an <c>H5O_token_t</c> since 1.12 (which
/// for the native format holds the same address). Together with <see cref="H5ObjectInfo.FileNumber"/> it tells whether
/// two paths lead to the same object (h5py compares <c>h5o.get_info(...).addr</c> or <c>.token</c>).
/// </summary>
public readonly record struct H5Token
{
    private readonly ulong _low, _high;

    private H5Token(ulong low, ulong high) => (_low, _high) = (low, high);

    /// <summary>The object header's address in the file (h5py 1.10: <c>h5o.get_info(...).addr</c>): what the native file
    /// format keeps in a token's first eight bytes.</summary>
    public ulong Address => _low;

    internal static H5Token FromAddress(ulong address) => new(address, 0);

    internal static H5Token FromNative(H5O.Token token) => new(token.Low, token.High);

    /// <summary>The token's bytes in hexadecimal (for the native format: the address, little-endian, then zeros).</summary>
    public override string ToString() =>
        _high == 0 ? _low.ToString("x", CultureInfo.InvariantCulture) : _high.ToString("x16", CultureInfo.InvariantCulture) + _low.ToString("x16", CultureInfo.InvariantCulture);
}
