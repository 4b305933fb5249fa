using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

/// <summary>
/// Corrupt files made the same way on every run: two files written by h5py without timestamps (so their bytes are
/// the same every time), one in the classic format (symbol tables, local heaps, version-1 B-trees) and one in the
/// latest (compact and indexed links, version-2 object headers with checksums, fletcher32), then damaged by seeded
/// mutations (<see cref="SeededMutation"/>), or by targeted ones at offsets h5py reports (object header addresses, chunk offsets).
/// </summary>
public static class CorruptFiles
{
    public const string ClassicScript = """
        import sys
        p = sys.argv[1]
        with h5py.File(p, "w") as f:
            f.attrs["title"] = "corpus"
            f.attrs["version"] = numpy.int32(3)
            f.attrs["code"] = numpy.bytes_("ABCDEFGH")
            g = f.create_group("g")
            g.attrs["scale"] = numpy.arange(5, dtype="f8")
            g.create_dataset("ints", data=numpy.arange(100, dtype="i4"))
            f.create_dataset("chunked", data=numpy.arange(4000, dtype="f8").reshape(40, 100), chunks=(10, 25), compression="gzip", shuffle=True)
            f.create_dataset("strings", data=["alpha", "beta", "gamma"], dtype=h5py.string_dtype())
            f.create_dataset("compound", data=numpy.array([(1, 2.5), (3, 4.5)], dtype=[("a", "i4"), ("b", "f8")]))
            h = g.create_group("h")
            h.create_dataset("fixed", data=numpy.array([b"one", b"two"], dtype="S4"))
            f["link"] = h5py.SoftLink("/g/ints")
        """;

    public const string LatestScript = """
        import sys
        p = sys.argv[1]
        # No timestamps anywhere (libhdf5 stores them in version-2 object headers by default): the same bytes every run.
        fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
        fcpl.set_obj_track_times(False)
        fcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED)
        fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
        fapl.set_libver_bounds(h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)
        gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
        gcpl.set_obj_track_times(False)
        gcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED)
        with h5py.File(h5py.h5f.create(p.encode(), h5py.h5f.ACC_TRUNC, fcpl=fcpl, fapl=fapl)) as f:
            f.attrs["title"] = "corpus-latest"
            g = h5py.Group(h5py.h5g.create(f.id, b"g", gcpl=gcpl))
            for i in range(12):
                g.create_dataset(f"d{i:02}", data=numpy.arange(i, i + 10, dtype="i2"))
            g.attrs["many"] = numpy.arange(20, dtype="f4")
            f.create_dataset("chunked", data=numpy.arange(3000, dtype="f4").reshape(30, 100), chunks=(10, 50), maxshape=(None, 100), compression="gzip", fletcher32=True)
            f.create_dataset("vlen", data=["x" * i for i in range(1, 9)], dtype=h5py.string_dtype())
            f.create_dataset("enum", data=numpy.array([0, 1, 1, 0], dtype="u1"), dtype=h5py.enum_dtype({"OFF": 0, "ON": 1}, basetype="u1"))
            f["scale"] = numpy.arange(30.0)
            f["scale"].make_scale("t")
            f["chunked"].dims[0].attach_scale(f["scale"])
            f["refs"] = numpy.array([g.ref, f["chunked"].ref], dtype=h5py.ref_dtype)
        """;

    private static readonly Dictionary<string, (byte[] Bytes, JsonElement Layout)> s_bases = [];

    /// <summary>Writes the base file of <paramref name="script"/> to <paramref name="path"/> and returns its bytes. h5py
    /// makes it once per test run (its bytes are the same every time); later calls copy those bytes.</summary>
    public static byte[] Base(string script, string path)
    {
        var (bytes, _) = Made(script);
        File.WriteAllBytes(path, bytes);
        return (byte[])bytes.Clone();
    }

    /// <summary>Where h5py says things are in the base file of <paramref name="script"/> (see <see cref="Layout(string)"/>).</summary>
    public static JsonElement BaseLayout(string script) => Made(script).Layout;

    private static (byte[] Bytes, JsonElement Layout) Made(string script)
    {
        lock (s_bases)
        {
            if (s_bases.TryGetValue(script, out var made)) return made;
            var path = Path.Combine(Path.GetTempPath(), $"h5m-corpus-base-{Guid.NewGuid():N}.h5");
            try
            {
                Peers.RunPython(script, path);
                made = (File.ReadAllBytes(path), Layout(path));
            }
            finally
            {
                File.Delete(path);
            }
            s_bases[script] = made;
            return made;
        }
    }

    /// <summary>Where h5py says things are in a file: each object's header address, the offset of contiguous data and of
    /// each chunk, and the name of each object's parent group.</summary>
    public static JsonElement Layout(string path) => Peers.PythonJson("""
        import sys
        out = {}
        def visit(name, obj):
            e = {"header": h5py.h5o.get_info(obj.id).addr}
            if isinstance(obj, h5py.Dataset):
                if obj.chunks is None:
                    e["offset"] = obj.id.get_offset()
                else:
                    e["chunks"] = [[c.byte_offset, c.size] for c in (obj.id.get_chunk_info(i) for i in range(obj.id.get_num_chunks()))]
            out["/" + name] = e
        with h5py.File(sys.argv[1], "r") as f:
            out["/"] = {"header": h5py.h5o.get_info(f.id).addr}
            f.visititems(visit)
        print(json.dumps(out))
        """, path);
}
