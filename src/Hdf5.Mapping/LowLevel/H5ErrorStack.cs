using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>One record of libhdf5's error stack (<c>H5E_error2_t</c> with its messages resolved).</summary>
/// <param name="MajorId">Major error id (for example the value of <c>H5E_SYM</c>).</param>
/// <param name="MinorId">Minor error id (for example the value of <c>H5E_NOTFOUND</c>).</param>
/// <param name="Major">Text of the major error ("Symbol table").</param>
/// <param name="Minor">Text of the minor error ("Object not found").</param>
/// <param name="Function">The libhdf5 function that pushed the record.</param>
/// <param name="File">The libhdf5 source file.</param>
/// <param name="Line">The line in that file.</param>
/// <param name="Description">The record's description.</param>
public sealed record H5ErrorRecord(long MajorId, long MinorId, string Major, string Minor, string Function, string File, int Line, string Description)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Function}(): {Description} [{Major}: {Minor}] ({File} line {Line})";
}

/// <summary>
/// libhdf5's error stack at the moment a call failed, outermost call first (as h5dump prints it). Every
/// exception this library raises for a libhdf5 failure carries one (<see cref="IH5Exception.ErrorStack"/>).
/// </summary>
public sealed class H5ErrorStack : IReadOnlyList<H5ErrorRecord>
{
    private readonly H5ErrorRecord[] _records;

    /// <summary>An empty stack (for errors detected by this library before calling libhdf5).</summary>
    public static readonly H5ErrorStack Empty = new([]);

    private H5ErrorStack(H5ErrorRecord[] records) => _records = records;

    /// <summary>A stack of records read elsewhere (another process's report of its failure).</summary>
    public static H5ErrorStack FromRecords(IEnumerable<H5ErrorRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new H5ErrorStack(records.ToArray());
    }

    /// <inheritdoc/>
    public H5ErrorRecord this[int index] => _records[index];

    /// <inheritdoc/>
    public int Count => _records.Length;

    /// <summary>The innermost record: usually the most precise description of what went wrong.</summary>
    public H5ErrorRecord? Innermost => _records.Length == 0 ? null : _records[^1];

    /// <summary>Whether any record has the given minor error id.</summary>
    public bool HasMinor(long minorId) => Array.Exists(_records, r => r.MinorId == minorId);

    /// <summary>Whether any record has the given major error id.</summary>
    public bool HasMajor(long majorId) => Array.Exists(_records, r => r.MajorId == majorId);

    /// <inheritdoc/>
    public IEnumerator<H5ErrorRecord> GetEnumerator() => ((IEnumerable<H5ErrorRecord>)_records).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _records.GetEnumerator();

    /// <summary>The stack in the style of libhdf5's own printout.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < _records.Length; i++)
            sb.Append("  #").Append(i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).Append(": ").AppendLine(_records[i].ToString());
        return sb.ToString();
    }

    /// <summary>Reads and clears the calling thread's error stack (call inside <see cref="H5Library.Enter"/>).</summary>
    public static unsafe H5ErrorStack Capture()
    {
        var list = new List<H5ErrorRecord>();
        var handle = GCHandle.Alloc(list);
        try
        {
            H5E.Walk2(H5E.Default, H5E.WalkDownward, &Visit, (void*)GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        H5E.Clear2(H5E.Default);
        return new H5ErrorStack(list.ToArray());
    }

    [UnmanagedCallersOnly]
    private static unsafe int Visit(uint n, H5E.Error2* e, void* data)
    {
        try
        {
            var list = (List<H5ErrorRecord>)GCHandle.FromIntPtr((IntPtr)data).Target!;
            list.Add(new H5ErrorRecord(
                e->MajNum, e->MinNum, Message(e->MajNum), Message(e->MinNum),
                H5Call.FromCString(e->FuncName), H5Call.FromCString(e->FileName), (int)e->Line,
                H5Call.FromCString(e->Desc)));
            return 0;
        }
        catch
        {
            return -1; // never let a managed exception cross into libhdf5
        }
    }

    private static unsafe string Message(long id)
    {
        Span<byte> buffer = stackalloc byte[256];
        fixed (byte* p = buffer)
        {
            var n = (long)H5E.GetMsg(id, null, p, (nuint)buffer.Length);
            return n <= 0 ? string.Empty : Encoding.UTF8.GetString(buffer[..(int)Math.Min(n, buffer.Length - 1)]);
        }
    }
}
