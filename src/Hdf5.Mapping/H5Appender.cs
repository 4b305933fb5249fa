using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

/// <summary>
/// Collects many small appends to a chunked dataset and writes them a whole number of chunks at a time, so each
/// chunk is written (and compressed) once instead of once per append. Made by <see cref="H5Dataset.CreateAppender{T}"/>.
/// The first write tops up a partly filled last chunk, so every later write starts on a chunk boundary; appends at
/// least as large as the buffer go straight from your memory to libhdf5. <see cref="Flush"/> writes what is held and
/// flushes the dataset (what a SWMR reader needs to see it); <see cref="Dispose"/> writes what is held.
/// Not thread-safe: use one appender per writing thread, or lock around it.
/// </summary>
/// <typeparam name="T">The element type the rows are written as.</typeparam>
public sealed class H5Appender<T> : IDisposable where T : unmanaged
{
    private const long MinimumBufferBytes = 64 * 1024;

    private readonly long _rowSize;
    private readonly long _chunkRows;
    private readonly long _capacityRows;
    private readonly T[] _buffer;
    private long _buffered;
    private long _fileRows;
    private bool _disposed;

    internal H5Appender(H5Dataset dataset, long bufferRows)
    {
        Dataset = dataset;
        var (shape, chunks) = dataset.CheckAppendable<T>();
        _rowSize = H5Shape.Product(shape.AsSpan(1));
        if (_rowSize == 0)
            throw new InvalidOperationException($"Cannot buffer appends to {dataset.What}: its rows (shape {H5Shape.Format(shape.AsSpan(1))}) hold no elements.");
        _chunkRows = chunks[0];
        var chunkBytes = _chunkRows * _rowSize * Unsafe.SizeOf<T>();
        var chunksHeld = bufferRows > 0
            ? (bufferRows + _chunkRows - 1) / _chunkRows
            : Math.Max(1, (MinimumBufferBytes + chunkBytes - 1) / chunkBytes);
        _capacityRows = chunksHeld * _chunkRows;
        _buffer = new T[checked((int)(_capacityRows * _rowSize))];
        _fileRows = shape[0];
    }

    /// <summary>The dataset the rows go to.</summary>
    public H5Dataset Dataset { get; }

    /// <summary>Rows held in the buffer, not yet written.</summary>
    public long BufferedRows => _buffered;

    /// <summary>How many rows the buffer holds before it writes them (a whole number of chunks).</summary>
    public long CapacityRows => _capacityRows;

    /// <summary>Appends one element to a 1-D dataset (one row of one element).</summary>
    public void Add(T value) => Add(MemoryMarshal.CreateReadOnlySpan(ref value, 1));

    /// <summary>Appends whole rows, row-major (a multiple of the row size, as in <see cref="H5Dataset.Append{T}(ReadOnlySpan{T})"/>).</summary>
    /// <exception cref="H5SelectionException">The length is not a whole number of rows.</exception>
    public void Add(ReadOnlySpan<T> rows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (rows.Length % _rowSize != 0)
            throw new H5SelectionException($"Cannot append {rows.Length} elements to {Dataset.What}: a row holds {_rowSize} elements, " +
                "so the data must be a whole number of rows.");
        while (!rows.IsEmpty)
        {
            // The buffer is written when it reaches this many rows, which ends the dataset on a chunk boundary.
            var target = _capacityRows - _fileRows % _chunkRows;
            var count = rows.Length / _rowSize;
            if (_buffered == 0 && count >= target)
            {
                var direct = target + (count - target) / _capacityRows * _capacityRows;
                WriteOut(rows[..(int)(direct * _rowSize)]);
                rows = rows[(int)(direct * _rowSize)..];
                continue;
            }
            var take = Math.Min(count, target - _buffered);
            rows[..(int)(take * _rowSize)].CopyTo(_buffer.AsSpan((int)(_buffered * _rowSize)));
            _buffered += take;
            rows = rows[(int)(take * _rowSize)..];
            if (_buffered == target) WriteBuffer();
        }
    }

    /// <summary>Writes the buffered rows (a partial chunk too) and flushes the dataset (<c>H5Dflush</c>), so a SWMR
    /// reader that refreshes sees every row added so far.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteBuffer();
        Dataset.Flush();
    }

    /// <summary>Writes the buffered rows; the appender cannot be used afterwards. The dataset stays open.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        WriteBuffer();
        _disposed = true;
    }

    private void WriteBuffer()
    {
        if (_buffered == 0) return;
        WriteOut(_buffer.AsSpan(0, (int)(_buffered * _rowSize)));
        _buffered = 0; // only once written: a failed write keeps the rows for another try
    }

    private void WriteOut(ReadOnlySpan<T> rows)
    {
        Dataset.Append(rows);
        _fileRows += rows.Length / _rowSize;
    }
}
