using System.Runtime.CompilerServices;

namespace Hdf5.Mapping;

/// <summary>
/// The LZF compression format (Marc Lehmann's liblzf), as h5py's LZF filter stores each chunk: a bare stream of
/// tokens, no header. A token is a literal run <c>000LLLLL</c> followed by L+1 bytes, a back reference
/// <c>LLLooooo oooooooo</c> copying L+2 bytes from offset o+1 behind, or <c>111ooooo LLLLLLLL oooooooo</c> for
/// lengths of 9 and more. The compressor makes the same choices as liblzf 3.6 in its default build (the one Debian's
/// h5py links): a hash table of 2^16 slots, the "very fast" hash, two positions re-seeded after each match; so a chunk
/// compresses to the same bytes as there. (h5py's wheels bundle an older liblzf tuned differently: their bytes can
/// differ, while every build reads every other's.)
/// </summary>
public static class LzfCodec
{
    private const int HashLog = 16;
    private const int HashSize = 1 << HashLog;
    private const int MaxLiteral = 1 << 5;           // bytes in one literal run
    private const int MaxOffset = 1 << 13;           // farthest back a reference reaches
    private const int MaxReference = (1 << 8) + (1 << 3); // longest reference, in bytes

    // One hash table per thread. A slot holds (call base + position). Each call's base lies beyond the previous
    // call's positions by more than the farthest reference, so an entry left by an earlier call is never within reach
    // and the table needs no clearing between chunks; a fresh table's zeros are below every base.
    [ThreadStatic] private static uint[]? t_table;
    [ThreadStatic] private static uint t_base;

    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/>; returns the compressed length, or 0
    /// when the result does not fit in <paramref name="output"/> (h5py's filter then stores the chunk uncompressed).</summary>
    public static unsafe int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length == 0 || output.Length == 0) return 0;
        var table = t_table ??= new uint[HashSize];
        if (t_base == 0 || t_base > uint.MaxValue - (uint)input.Length - 2 * MaxOffset)
        {
            Array.Clear(table);
            t_base = MaxOffset + 1;
        }
        var tableBase = t_base;
        t_base += (uint)input.Length + MaxOffset + 1;
        fixed (byte* inp = input)
        fixed (byte* outp = output)
        fixed (uint* slots = table)
            return Compress(inp, input.Length, outp, output.Length, slots, tableBase);
    }

    private static unsafe int Compress(byte* input, int inLength, byte* output, int outLength, uint* table, uint tableBase)
    {
        int ip = 0, op = 1, literal = 0; // op - literal - 1 is where the open literal run's header goes
        uint hash = inLength > 1 ? (uint)((input[0] << 8) | input[1]) : 0;
        while (ip < inLength - 2)
        {
            hash = (hash << 8) | input[ip + 2];
            var slot = Index(hash);
            var here = tableBase + (uint)ip;
            var stored = table[slot];
            table[slot] = here;
            var offset = here - stored - 1; // unsigned: stale and empty entries give large offsets
            var reference = (int)(stored - tableBase);
            // As liblzf: a match must lie within reach and after the first byte (position 0 is never referenced).
            if (offset < MaxOffset && stored > tableBase
                && Unsafe.ReadUnaligned<ushort>(input + reference) == Unsafe.ReadUnaligned<ushort>(input + ip) && input[reference + 2] == input[ip + 2])
            {
                if (op - (literal == 0 ? 1 : 0) + 4 >= outLength) return 0;
                output[op - literal - 1] = (byte)(literal - 1); // close the literal run
                if (literal == 0) op--;                        // ... or drop it if it is empty
                var length = MatchLength(input, reference, ip, Math.Min(inLength - ip - 2, MaxReference));
                var code = length - 2;
                if (code < 7)
                {
                    output[op++] = (byte)((offset >> 8) + ((uint)code << 5));
                }
                else
                {
                    output[op++] = (byte)((offset >> 8) + (7u << 5));
                    output[op++] = (byte)(code - 7);
                }
                output[op++] = (byte)offset;
                literal = 0;
                op++; // open the next literal run
                ip += length;
                if (ip >= inLength - 2) break;
                // Hash the two positions just before the next one, as liblzf's "very fast" mode does.
                hash = (uint)((input[ip - 2] << 8) | input[ip - 1]);
                hash = (hash << 8) | input[ip];
                table[Index(hash)] = tableBase + (uint)(ip - 2);
                hash = (hash << 8) | input[ip + 1];
                table[Index(hash)] = tableBase + (uint)(ip - 1);
            }
            else
            {
                if (op >= outLength) return 0;
                literal++;
                output[op++] = input[ip++];
                if (literal == MaxLiteral)
                {
                    output[op - literal - 1] = MaxLiteral - 1;
                    literal = 0;
                    op++;
                }
            }
        }
        if (op + 3 > outLength) return 0; // at most two bytes and one run header remain
        return EndWithLiterals(input, ip, inLength, output, op, literal);
    }

    // The last bytes (at most two) that the main loop cannot hash go into the open literal run, which is then closed;
    // returns the compressed length. Outside the main loop, so that loop's locals stay as the JIT keeps them.
    private static unsafe int EndWithLiterals(byte* input, int ip, int inLength, byte* output, int op, int literal)
    {
        while (ip < inLength)
        {
            literal++;
            output[op++] = input[ip++];
            if (literal == MaxLiteral)
            {
                output[op - literal - 1] = MaxLiteral - 1;
                literal = 0;
                op++;
            }
        }
        output[op - literal - 1] = (byte)(literal - 1);
        if (literal == 0) op--;
        return op;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(uint hash) => (int)(((hash >> (3 * 8 - HashLog)) - hash * 5) & (HashSize - 1));

    // The bytes at reference and position already agree on three; liblzf compares the next sixteen without a bound
    // check when more than sixteen may follow (they are inside the input), then byte by byte up to the limit. The
    // resulting length (which can pass the limit by two in the first case) is part of the byte-for-byte format.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int MatchLength(byte* input, int reference, int position, int limit)
    {
        var length = 2;
        if (limit > 16)
        {
            for (int k = 0; k < 16; k++)
            {
                length++;
                if (input[reference + length] != input[position + length]) return length;
            }
        }
        do length++;
        while (length < limit && input[reference + length] == input[position + length]);
        return length;
    }

    /// <summary>Decompresses <paramref name="input"/> into <paramref name="output"/>; returns the decompressed length, or
    /// -1 when <paramref name="output"/> is too small (use <see cref="DecodedLength"/> for the exact size). Bytes of
    /// <paramref name="output"/> past the returned length may be overwritten (copies run in whole words).</summary>
    /// <exception cref="InvalidDataException">The stream is corrupt (a token runs past the input or refers before the start).</exception>
    public static unsafe int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        fixed (byte* inp = input)
        fixed (byte* outp = output)
            return Decompress(inp, input.Length, outp, output.Length);
    }

    private static unsafe int Decompress(byte* input, int inLength, byte* output, int outLength)
    {
        int ip = 0, op = 0;
        while (ip < inLength)
        {
            int control = input[ip++];
            if (control < MaxLiteral)
            {
                var count = control + 1;
                if (op + count > outLength) return -1;
                if (ip + count > inLength) throw Corrupt("a literal run goes past the end of the chunk");
                if (op + MaxLiteral <= outLength && ip + MaxLiteral <= inLength)
                    Unsafe.CopyBlockUnaligned(output + op, input + ip, MaxLiteral); // one fixed-size copy; the excess is overwritten next
                else
                    Buffer.MemoryCopy(input + ip, output + op, outLength - op, count);
                ip += count;
                op += count;
                continue;
            }
            var length = control >> 5;
            if (ip >= inLength) throw Corrupt("a back reference is cut off");
            if (length == 7)
            {
                length += input[ip++];
                if (ip >= inLength) throw Corrupt("a back reference is cut off");
            }
            var from = op - ((control & 0x1f) << 8) - 1 - input[ip++];
            length += 2;
            if (op + length > outLength) return -1;
            if (from < 0) throw Corrupt("a back reference points before the start of the chunk");
            // Copy forward: a reference may overlap what it produces (offset 1 repeats one byte), so eight bytes at a time
            // only when the source is at least eight behind, and with room for the last word's excess.
            if (op - from >= 8 && op + length + 8 <= outLength)
                for (int k = 0; k < length; k += 8)
                    Unsafe.WriteUnaligned(output + op + k, Unsafe.ReadUnaligned<ulong>(output + from + k));
            else
                for (int k = 0; k < length; k++) output[op + k] = output[from + k];
            op += length;
        }
        return op;
    }

    /// <summary>The length <paramref name="input"/> decompresses to, read from its tokens without decoding them.</summary>
    /// <exception cref="InvalidDataException">The stream is corrupt.</exception>
    public static long DecodedLength(ReadOnlySpan<byte> input)
    {
        long total = 0;
        int ip = 0;
        while (ip < input.Length)
        {
            int control = input[ip++];
            if (control < MaxLiteral)
            {
                ip += control + 1;
                if (ip > input.Length) throw Corrupt("a literal run goes past the end of the chunk");
                total += control + 1;
                continue;
            }
            var length = control >> 5;
            if (length == 7)
            {
                if (ip >= input.Length) throw Corrupt("a back reference is cut off");
                length += input[ip++];
            }
            if (ip >= input.Length) throw Corrupt("a back reference is cut off");
            ip++;
            total += length + 2;
        }
        return total;
    }

    private static InvalidDataException Corrupt(string what) => new($"Invalid LZF data: {what}.");
}
