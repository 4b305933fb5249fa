namespace Hdf5.Mapping.Schema;

/// <summary>Options of <see cref="H5SchemaValidator"/>.</summary>
public sealed class H5ValidationOptions
{
    /// <summary>Report groups, datasets and attributes the schema does not describe, as warnings (default true).</summary>
    public bool ReportExtras { get; init; } = true;

    /// <summary>Receives <see cref="H5ProgressUnit.Objects"/> as each object is checked, out of the file's object count
    /// (objects the schema does not describe count as checked when they are reported, with what is below them).</summary>
    public IProgress<H5Progress>? Progress { get; init; }

    /// <summary>Accept integers of any width and signedness where the schema expects integers, when every stored value
    /// fits the expected type (as a mapped read converts them): h5py writes numpy's default int64 for Python ints, e.g. in
    /// <c>*_indices</c> datasets. Off by default: a differing width is an error that names this option.</summary>
    public bool AcceptAnyIntegerWidth { get; init; }

    /// <summary>Accept strings of any kind (variable or fixed length, any length) where the schema expects strings: a mapped
    /// read decodes both. h5py writes <c>np.bytes_</c> values as fixed-length strings. Off by default: a differing string
    /// kind is an error that names this option.</summary>
    public bool AcceptAnyStringKind { get; init; }
}

/// <summary>
/// Compares a file with a <see cref="H5GroupSchema"/> and reports every difference, with its path: missing and extra
/// objects and attributes, wrong object kinds, datatypes, string kinds, ranks and fixed shapes, missing filters,
/// datasets that should be scales and scales that are not attached. Nothing is written; the file may be read-only.
/// Generated <c>Read</c> methods use it to explain a failed read; data producers can run it in CI
/// (<c>h5m validate file.h5 --schema Assembly.dll:Type</c>).
/// </summary>
public static class H5SchemaValidator
{
    // Attributes netCDF-4 maintains itself (as H5DS does its own): never "extra".
    private static readonly HashSet<string> s_netcdfBookkeeping = ["_Netcdf4Dimid", "_Netcdf4Coordinates", "_NCProperties"];

    /// <summary>Opens <paramref name="path"/> read-only and validates the whole file against <paramref name="schema"/>.</summary>
    public static H5ValidationResult Validate(string path, H5GroupSchema schema, H5ValidationOptions? options = null)
    {
        using var file = H5File.Open(path);
        return Validate(file, schema, options);
    }

    /// <summary>Validates <paramref name="group"/> (a file's root or any group) against <paramref name="schema"/>.</summary>
    public static H5ValidationResult Validate(H5Group group, H5GroupSchema schema, H5ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(schema);
        var differences = new List<H5SchemaDifference>();
        options ??= new H5ValidationOptions();
        new Walker(differences, options, H5WalkProgress.Start(options.Progress, group)).Group(group, group.Name, schema);
        return new H5ValidationResult(group.File.Filename, differences);
    }

    /// <summary>Explains a failed mapped read: when <paramref name="group"/> does not match <paramref name="schema"/>, returns an
    /// <see cref="H5MappingException"/> listing every error, with <paramref name="failure"/> inside; otherwise null (the failure
    /// has another cause and should propagate as it is). Generated <c>Read</c> methods call this in an exception filter.</summary>
    public static H5MappingException? Explain(H5Group group, H5GroupSchema schema, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure is OutOfMemoryException or OperationCanceledException || (failure is H5MappingException { Differences.Count: > 0 })) return null;
        try
        {
            var result = Validate(group, schema, new H5ValidationOptions { ReportExtras = false });
            return result.IsValid ? null : result.ToException(failure);
        }
        catch (Exception) when (failure is not null)
        {
            return null; // the check itself failed (a broken file): the original failure says more
        }
    }

    private sealed class Walker(List<H5SchemaDifference> differences, H5ValidationOptions options, H5WalkProgress? progress)
    {
        private void Add(string path, H5DifferenceKind kind, string message) =>
            differences.Add(new H5SchemaDifference(path, kind, message,
                kind is H5DifferenceKind.ExtraObject or H5DifferenceKind.ExtraAttribute ? H5DifferenceSeverity.Warning : H5DifferenceSeverity.Error));


        public void Group(H5Group group, string path, H5GroupSchema schema)
        {
            progress?.Reached(path);
            Attributes(group, path, schema.Attributes);
            var described = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in schema.Datasets)
            {
                described.Add(d.Name.Split('/')[0]);
                Dataset(group, path, d);
            }
            foreach (var g in schema.Groups)
            {
                described.Add(g.Name.Split('/')[0]);
                ChildGroup(group, path, g);
            }
            if (options.ReportExtras)
                foreach (var key in group.Keys)
                    if (!described.Contains(key))
                    {
                        Add(H5Path.Join(path, key), H5DifferenceKind.ExtraObject, $"the file holds a {Kind(group, key)} the schema{For(schema)} does not describe");
                        PassOver(group, key, H5Path.Join(path, key));
                    }
        }

        // An object the walk does not descend into still counts toward the progress, with everything below it.
        private void PassOver(H5Group group, string key, string path)
        {
            if (progress is null) return;
            if (group.GetKind(key) != H5ObjectKind.Group) progress.Passed(1, path);
            else
                using (var extra = group.OpenGroup(key)) progress.Passed(extra.CountObjects(), path);
        }

        private static string For(H5GroupSchema schema) => schema.TypeName is null ? "" : $" of {schema.TypeName}";

        private static string Kind(H5Group group, string key) => group.GetKind(key) switch
        {
            H5ObjectKind.Group => "group",
            H5ObjectKind.Dataset => "dataset",
            H5ObjectKind.Datatype => "named datatype",
            _ => "dangling link",
        };

        private bool Exists(H5Group group, string path, string name, H5ObjectKind expected, bool required, string what)
        {
            var full = H5Path.Join(path, name);
            var kind = group.GetKind(name);
            if (kind is H5ObjectKind.Missing or H5ObjectKind.DanglingLink)
            {
                if (required) Add(full, H5DifferenceKind.MissingObject, kind == H5ObjectKind.Missing
                    ? $"the required {what} is missing" : $"the required {what} is a link to an object that does not exist");
                return false;
            }
            if (kind != expected)
            {
                Add(full, H5DifferenceKind.WrongObjectKind, $"expected a {what}, found a {kind.ToString().ToLowerInvariant()}");
                return false;
            }
            return true;
        }

        private void ChildGroup(H5Group group, string path, H5GroupLinkSchema link)
        {
            if (!Exists(group, path, link.Name, H5ObjectKind.Group, link.IsRequired, "group")) return;
            var full = H5Path.Join(path, link.Name);
            using var child = group.OpenGroup(link.Name);
            switch (link.Collection)
            {
                case H5GroupCollection.None:
                    Group(child, full, link.Schema);
                    break;
                case H5GroupCollection.List:
                    // Items are "0", "1", ... in order; anything else is not part of the list.
                    var keys = child.Keys;
                    int n = 0;
                    while (keys.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture))) n++;
                    for (int i = 0; i < n; i++)
                    {
                        var key = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        if (!Exists(child, full, key, H5ObjectKind.Group, true, "list item group")) continue;
                        using var item = child.OpenGroup(key);
                        Group(item, H5Path.Join(full, key), link.Schema);
                    }
                    if (options.ReportExtras)
                        foreach (var key in keys)
                            if (!(int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < n))
                                Add(H5Path.Join(full, key), H5DifferenceKind.ExtraObject, $"not an item of the list (items are named 0..{n - 1})");
                    break;
                case H5GroupCollection.Dictionary:
                    foreach (var key in child.Keys)
                    {
                        if (!Exists(child, full, key, H5ObjectKind.Group, true, "dictionary item group")) continue;
                        using var item = child.OpenGroup(key);
                        Group(item, H5Path.Join(full, key), link.Schema);
                    }
                    break;
            }
        }

        private void Dataset(H5Group group, string path, H5DatasetSchema schema)
        {
            if (!Exists(group, path, schema.Name, H5ObjectKind.Dataset, schema.IsRequired, "dataset")) return;
            var full = H5Path.Join(path, schema.Name);
            progress?.Reached(full);
            using var dataset = group.OpenDataset(schema.Name);
            using (var type = dataset.DType) Type(full, schema.Type, H5TypeSchema.FromDatatype(type), dataset.Read<long>, dataset.Read<ulong>);
            var shape = dataset.Shape;
            var rankOk = schema.Rank < 0 || shape.Length == schema.Rank;
            if (!rankOk)
                Add(full, H5DifferenceKind.WrongRank, $"expected rank {schema.Rank}, found rank {shape.Length} (shape {H5Shape.Format(shape)})");
            else if (schema.Shape is { } expected && expected.Length == shape.Length)
            {
                for (int i = 0; i < expected.Length; i++)
                    if (expected[i] >= 0 && expected[i] != shape[i])
                    {
                        Add(full, H5DifferenceKind.WrongShape, $"expected shape {Format(expected)}, found {H5Shape.Format(shape)}");
                        break;
                    }
            }
            if (schema.Filters.Count > 0)
            {
                if (dataset.Layout != H5Layout.Chunked)
                    Add(full, H5DifferenceKind.NotChunked, $"expected chunked storage with filters {string.Join(", ", schema.Filters.Select(H5FilterCatalog.NameOf))}, found {dataset.Layout.ToString().ToLowerInvariant()} storage");
                else
                {
                    var present = dataset.Filters.Select(f => f.Id).ToHashSet();
                    foreach (var id in schema.Filters)
                        if (!present.Contains(id))
                            Add(full, H5DifferenceKind.MissingFilter, $"the filter {H5FilterCatalog.NameOf(id)} ({id}) is not in the pipeline ({(present.Count == 0 ? "no filters" : string.Join(", ", dataset.Filters))})");
                }
            }
            if (schema.ScaleName is not null && !dataset.IsScale)
                Add(full, H5DifferenceKind.NotAScale, $"expected a dimension scale{(schema.ScaleName.Length > 0 ? $" named \"{schema.ScaleName}\"" : "")}");
            if (rankOk) // with another rank, which dimension a scale belongs to is moot
                foreach (var attachment in schema.Scales)
                    Attachment(group, path, full, dataset, attachment);
            Attributes(dataset, full, schema.Attributes);
        }

        private void Attachment(H5Group group, string path, string full, H5Dataset host, H5ScaleAttachmentSchema attachment)
        {
            if (attachment.Dimension >= host.Rank) return; // already reported as a rank difference
            var dimension = host.Dims[attachment.Dimension];
            // A scale of another group is named from the file's root ("/axes/time"), otherwise relative to this group.
            var scalePath = attachment.ScaleName.StartsWith('/') ? attachment.ScaleName : H5Path.Join(path, attachment.ScaleName);
            if (group.GetKind(attachment.ScaleName) == H5ObjectKind.Dataset)
            {
                using var scale = group.OpenDataset(attachment.ScaleName);
                // A dataset that is not a scale at all is reported once, by its own schema (NotAScale).
                if (scale.IsScale && !dimension.IsAttached(scale))
                    Add(full, H5DifferenceKind.UnattachedScale, $"the scale {scalePath} is not attached to dimension {attachment.Dimension}" +
                        (dimension.Count == 0 ? " (no scale is)" : $" (attached: {string.Join(", ", dimension.ScalePaths)})"));
            }
            else Add(full, H5DifferenceKind.UnattachedScale, $"the scale {scalePath} for dimension {attachment.Dimension} does not exist");
            if (attachment.Label is not null && dimension.Label != attachment.Label)
                Add(full, H5DifferenceKind.WrongLabel, $"dimension {attachment.Dimension}: expected label \"{attachment.Label}\", found \"{dimension.Label}\"");
        }

        private void Attributes(H5Object owner, string path, IList<H5AttributeSchema> expected)
        {
            var described = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in expected)
            {
                described.Add(a.Name);
                var full = path + "@" + a.Name;
                if (!owner.Attrs.ContainsKey(a.Name))
                {
                    if (a.IsRequired) Add(full, H5DifferenceKind.MissingAttribute, "the required attribute is missing");
                    continue;
                }
                using var attribute = owner.Attrs.Open(a.Name);
                using (var type = attribute.DType) Type(full, a.Type, H5TypeSchema.FromDatatype(type), attribute.Read<long>, attribute.Read<ulong>);
                var shape = attribute.Shape;
                // A one-element array reads as a scalar (h5py stores some scalars that way).
                var rankOk = a.Rank < 0 || shape.Length == a.Rank || (a.Rank == 0 && H5Shape.Product(shape) == 1);
                if (!rankOk)
                    Add(full, H5DifferenceKind.WrongRank, $"expected {(a.Rank == 0 ? "a scalar" : $"rank {a.Rank}")}, found {(shape.Length == 0 ? "a scalar" : $"shape {H5Shape.Format(shape)}")}");
            }
            if (options.ReportExtras)
                foreach (var key in owner.Attrs.Keys)
                    if (!described.Contains(key) && !H5Dataset.ScaleBookkeepingAttributes.Contains(key) && !s_netcdfBookkeeping.Contains(key))
                        Add(path + "@" + key, H5DifferenceKind.ExtraAttribute, "the file holds an attribute the schema does not describe");
        }

        // The stored values are read (as 64-bit integers of the stored signedness) only when a lenient option needs them.
        private void Type(string path, H5TypeSchema expected, H5TypeSchema actual, Func<long[]> signedValues, Func<ulong[]> unsignedValues)
        {
            if (expected.Accepts(actual, out var reason)) return;
            var stringKind = expected.Kind == H5ValueKind.String && actual.Kind == H5ValueKind.String;
            if (stringKind)
            {
                if (options.AcceptAnyStringKind) return;
                Add(path, H5DifferenceKind.WrongStringKind, reason + $" ({nameof(H5ValidationOptions)}.{nameof(H5ValidationOptions.AcceptAnyStringKind)} accepts any string kind)");
                return;
            }
            if (IsInteger(expected) && IsInteger(actual))
            {
                if (!options.AcceptAnyIntegerWidth)
                {
                    Add(path, H5DifferenceKind.WrongType, reason + $" ({nameof(H5ValidationOptions)}.{nameof(H5ValidationOptions.AcceptAnyIntegerWidth)} accepts it when every value fits)");
                    return;
                }
                if (FirstMisfit(expected, actual, signedValues, unsignedValues) is not { } misfit) return;
                Add(path, H5DifferenceKind.WrongType, $"{reason}, and the value {misfit} does not fit {expected}");
                return;
            }
            Add(path, H5DifferenceKind.WrongType, reason);
        }

        private static bool IsInteger(H5TypeSchema t) => t.Kind is H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger;

        private static string? FirstMisfit(H5TypeSchema expected, H5TypeSchema actual, Func<long[]> signedValues, Func<ulong[]> unsignedValues)
        {
            var bits = expected.Size * 8;
            var signed = expected.Kind == H5ValueKind.SignedInteger;
            var max = signed ? (ulong)(bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1) : bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            var min = signed ? (bits == 64 ? long.MinValue : -(1L << (bits - 1))) : 0L;
            if (actual.Kind == H5ValueKind.UnsignedInteger)
            {
                foreach (var v in unsignedValues()) if (v > max) return v.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return null;
            }
            foreach (var v in signedValues())
                if (v < min || (v > 0 && (ulong)v > max)) return v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }

        private static string Format(long[] shape) => "(" + string.Join(", ", shape.Select(d => d < 0 ? "*" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
    }
}
