using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Hdf5.Mapping;

/// <summary>The SHA-256 of a member's elements (as bytes) and its shape: what a live view remembers of each dataset it
/// read, so <see cref="H5Mapped{T}.Save"/> writes only datasets that changed and appends only rows added after the
/// ones it read. A cryptographic hash, so "equal fingerprints" means "equal data" for any practical purpose.</summary>
internal readonly struct H5Fingerprint : IEquatable<H5Fingerprint>
{
    private readonly byte[] _hash;
    private readonly long[] _shape;

    private H5Fingerprint(byte[] hash, long[] shape)
    {
        _hash = hash;
        _shape = shape;
    }

    public static H5Fingerprint Of<T>(ref readonly T first, long count, long[] shape) where T : unmanaged
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ref byte start = ref Unsafe.As<T, byte>(ref Unsafe.AsRef(in first));
        var total = count * Unsafe.SizeOf<T>();
        const int Block = 1 << 30;
        for (long offset = 0; offset < total; offset += Block)
            sha.AppendData(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, (nint)offset), (int)Math.Min(Block, total - offset)));
        return new H5Fingerprint(sha.GetHashAndReset(), (long[])shape.Clone());
    }

    public long[] Shape => _shape;

    public bool Equals(H5Fingerprint other) =>
        _hash is not null && other._hash is not null && _hash.AsSpan().SequenceEqual(other._hash) && _shape.AsSpan().SequenceEqual(other._shape);

    public override bool Equals(object? obj) => obj is H5Fingerprint other && Equals(other);

    public override int GetHashCode() => _hash is null ? 0 : BitConverter.ToInt32(_hash, 0);
}
