using System.Text;
using System.Text.Json;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

/// <summary>
/// What the probe prints on its standard output when it is done: one JSON object, either the report of a walk that
/// succeeded or the exception that ended it (its type, message, error stack and the fields of its kind), so that the
/// parent raises the same exception it would have met reading the file in process. Written by hand with
/// <see cref="Utf8JsonWriter"/> (no reflection: the library stays trimmable).
/// </summary>
internal static class H5ProbeProtocol
{
    private const string StackMarker = "HDF5 error stack:";

    public static string Report(string file, H5FileCheckReport r, long openIds) => Json(w =>
    {
        w.WriteString("file", file);
        w.WriteBoolean("ok", true);
        w.WriteNumber("groups", r.Groups);
        w.WriteNumber("datasets", r.Datasets);
        w.WriteNumber("namedDatatypes", r.NamedDatatypes);
        w.WriteNumber("attributes", r.Attributes);
        w.WriteNumber("links", r.SoftAndExternalLinks);
        w.WriteNumber("elements", r.ElementsRead);
        w.WriteNumber("references", r.ReferencesResolved);
        w.WriteNumber("openIds", openIds);
    });

    public static string Failure(string file, Exception e, long openIds) => Json(w =>
    {
        w.WriteString("file", file);
        w.WriteBoolean("ok", false);
        w.WriteNumber("openIds", openIds);
        w.WriteString("type", e.GetType().Name);
        w.WriteString("message", MessageWithoutStack(e));
        switch (e)
        {
            case H5InvalidFileException f: w.WriteString("objectPath", f.ObjectPath); break;
            case H5LinkNotFoundException l: w.WriteString("path", l.Path); break;
            case H5FileNotFoundException n: w.WriteString("fileName", n.FileName); break;
            case H5FilterNotAvailableException m: w.WriteNumber("filterId", m.FilterId); w.WriteString("filterName", m.FilterName); break;
        }
        w.WriteStartArray("stack");
        if (e is IH5Exception h)
            foreach (var r in h.ErrorStack)
            {
                w.WriteStartObject();
                w.WriteNumber("majorId", r.MajorId);
                w.WriteNumber("minorId", r.MinorId);
                w.WriteString("major", r.Major);
                w.WriteString("minor", r.Minor);
                w.WriteString("function", r.Function);
                w.WriteString("file", r.File);
                w.WriteNumber("line", r.Line);
                w.WriteString("description", r.Description);
                w.WriteEndObject();
            }
        w.WriteEndArray();
    });

    /// <summary>The outcomes in <paramref name="output"/>, one per line, in the order the files were checked.</summary>
    public static List<H5FileCheckOutcome> ReadAll(string output)
    {
        var outcomes = new List<H5FileCheckOutcome>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{')) continue;
            using var doc = JsonDocument.Parse(line);
            outcomes.Add(Read(doc.RootElement));
        }
        return outcomes;
    }

    private static H5FileCheckOutcome Read(JsonElement root)
    {
        var file = root.GetProperty("file").GetString() ?? "";
        var openIds = root.GetProperty("openIds").GetInt64();
        if (!root.GetProperty("ok").GetBoolean()) return new H5FileCheckOutcome(file, null, Rebuild(root)) { ObjectsLeftOpen = openIds };
        return new H5FileCheckOutcome(file, new H5FileCheckReport
        {
            Groups = root.GetProperty("groups").GetInt64(),
            Datasets = root.GetProperty("datasets").GetInt64(),
            NamedDatatypes = root.GetProperty("namedDatatypes").GetInt64(),
            Attributes = root.GetProperty("attributes").GetInt64(),
            SoftAndExternalLinks = root.GetProperty("links").GetInt64(),
            ElementsRead = root.GetProperty("elements").GetInt64(),
            ReferencesResolved = root.GetProperty("references").GetInt64(),
        }, null)
        { ObjectsLeftOpen = openIds };
    }

    private static Exception Rebuild(JsonElement e)
    {
        var type = e.GetProperty("type").GetString();
        var message = e.GetProperty("message").GetString() ?? "";
        var stack = H5ErrorStack.FromRecords(e.GetProperty("stack").EnumerateArray().Select(r => new H5ErrorRecord(
            r.GetProperty("majorId").GetInt64(), r.GetProperty("minorId").GetInt64(), Text(r, "major"), Text(r, "minor"),
            Text(r, "function"), Text(r, "file"), r.GetProperty("line").GetInt32(), Text(r, "description"))).ToArray());
        return type switch
        {
            nameof(H5InvalidFileException) => new H5InvalidFileException(message, stack, Optional(e, "objectPath")),
            nameof(H5LinkNotFoundException) => new H5LinkNotFoundException(message, Optional(e, "path"), stack),
            nameof(H5FileNotFoundException) => new H5FileNotFoundException(message, Optional(e, "fileName") ?? "", stack),
            nameof(H5FilterNotAvailableException) => new H5FilterNotAvailableException(e.GetProperty("filterId").GetInt32(), Optional(e, "filterName"), message, stack),
            nameof(H5TypeMismatchException) => new H5TypeMismatchException(message, stack),
            nameof(H5SelectionException) => new H5SelectionException(message, stack),
            nameof(H5AlreadyExistsException) => new H5AlreadyExistsException(message, stack),
            nameof(H5ReadOnlyFileException) => new H5ReadOnlyFileException(message, stack),
            nameof(H5Exception) => new H5Exception(message, stack),
            _ => new H5Exception($"{type}: {message}", stack),
        };
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // Our exceptions append the stack to their message; the parent appends it again when it rebuilds them.
    private static string MessageWithoutStack(Exception e)
    {
        var marker = e.Message.IndexOf(Environment.NewLine + StackMarker, StringComparison.Ordinal);
        return marker < 0 ? e.Message : e.Message[..marker];
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
