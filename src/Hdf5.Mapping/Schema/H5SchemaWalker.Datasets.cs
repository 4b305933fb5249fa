using System.Globalization;

namespace Hdf5.Mapping.Schema;

internal sealed partial class H5SchemaWalker
{
    private void Dataset(H5GroupNode group, string path, H5DatasetSchema schema)
    {
        if (!Exists(group, path, schema.Name, H5ObjectKind.Dataset, schema.IsRequired, "dataset")) return;
        var full = H5Path.Join(path, schema.Name);
        var dataset = Described(group, schema.Name, target => H5FileModel.Read((H5Dataset)target));
        Type(full, schema.Type, H5TypeSchema.FromDescriptor(dataset.Type), () => ReadDataset(dataset.Path, d => d.Read<long>()), () => ReadDataset(dataset.Path, d => d.Read<ulong>()));
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
        Filters(full, dataset, schema);
        if (schema.ScaleName is not null && !dataset.IsScale)
            Add(full, H5DifferenceKind.NotAScale, $"expected a dimension scale{(schema.ScaleName.Length > 0 ? $" named \"{schema.ScaleName}\"" : "")}");
        if (rankOk) // with another rank, which dimension a scale belongs to is moot
            foreach (var attachment in schema.Scales)
                Attachment(group, path, full, dataset, attachment);
        Attributes(dataset.Path, dataset.Attributes, full, schema.Attributes);
    }

    private T[] ReadDataset<T>(string path, Func<H5Dataset, T[]> read)
    {
        using var dataset = file.OpenDataset(path);
        return read(dataset);
    }

    private void Filters(string full, H5DatasetNode dataset, H5DatasetSchema schema)
    {
        if (schema.Filters.Count == 0) return;
        if (dataset.Layout != H5Layout.Chunked)
        {
            Add(full, H5DifferenceKind.NotChunked, $"expected chunked storage with filters {string.Join(", ", schema.Filters.Select(H5FilterCatalog.NameOf))}, found {dataset.Layout.ToString().ToLowerInvariant()} storage");
            return;
        }
        var present = dataset.Filters.Select(f => f.Id).ToHashSet();
        foreach (var id in schema.Filters)
            if (!present.Contains(id))
                Add(full, H5DifferenceKind.MissingFilter, $"the filter {H5FilterCatalog.NameOf(id)} ({id}) is not in the pipeline ({(present.Count == 0 ? "no filters" : string.Join(", ", dataset.Filters))})");
    }

    private void Attachment(H5GroupNode group, string path, string full, H5DatasetNode host, H5ScaleAttachmentSchema attachment)
    {
        if (attachment.Dimension >= host.Rank) return; // already reported as a rank difference
        var dimension = host.Dimensions[attachment.Dimension];
        // A scale of another group is named from the file's root ("/axes/time"), otherwise relative to this group.
        var scalePath = attachment.ScaleName.StartsWith('/') ? attachment.ScaleName : H5Path.Join(path, attachment.ScaleName);
        if (KindAt(group, attachment.ScaleName) == H5ObjectKind.Dataset)
        {
            var scale = Described(group, attachment.ScaleName, target => H5FileModel.Read((H5Dataset)target));
            // A dataset that is not a scale at all is reported once, by its own schema (NotAScale).
            if (scale.IsScale && !IsAttached(dimension, scale))
                Add(full, H5DifferenceKind.UnattachedScale, $"the scale {scalePath} is not attached to dimension {attachment.Dimension}" +
                    (dimension.ScalePaths.Count == 0 ? " (no scale is)" : $" (attached: {string.Join(", ", dimension.ScalePaths)})"));
        }
        else Add(full, H5DifferenceKind.UnattachedScale, $"the scale {scalePath} for dimension {attachment.Dimension} does not exist");
        if (attachment.Label is not null && dimension.Label != attachment.Label)
            Add(full, H5DifferenceKind.WrongLabel, $"dimension {attachment.Dimension}: expected label \"{attachment.Label}\", found \"{dimension.Label}\"");
    }

    // An attached scale is named by one of its paths: it is this scale when that path leads to the same object.
    private bool IsAttached(H5DimensionNode dimension, H5DatasetNode scale) =>
        dimension.ScalePaths.Any(p => p == scale.Path || ReferenceEquals(model.Find(p), scale));

    private void Attributes(string ownerPath, IReadOnlyList<H5AttributeNode> attributes, string path, IList<H5AttributeSchema> expected)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in expected)
        {
            described.Add(a.Name);
            var full = path + "@" + a.Name;
            if (attributes.FirstOrDefault(x => x.Name == a.Name) is not { } attribute)
            {
                if (a.IsRequired) Add(full, H5DifferenceKind.MissingAttribute, "the required attribute is missing");
                continue;
            }
            Type(full, a.Type, H5TypeSchema.FromDescriptor(attribute.Type), () => ReadAttribute(ownerPath, a.Name, x => x.Read<long>()), () => ReadAttribute(ownerPath, a.Name, x => x.Read<ulong>()));
            var shape = attribute.Shape;
            // A one-element array reads as a scalar (h5py stores some scalars that way).
            var rankOk = a.Rank < 0 || shape.Length == a.Rank || (a.Rank == 0 && H5Shape.Product(shape) == 1);
            if (!rankOk)
                Add(full, H5DifferenceKind.WrongRank, $"expected {(a.Rank == 0 ? "a scalar" : $"rank {a.Rank}")}, found {(shape.Length == 0 ? "a scalar" : $"shape {H5Shape.Format(shape)}")}");
        }
        if (options.ReportExtras)
            foreach (var attribute in attributes)
                if (!described.Contains(attribute.Name) && !H5Dataset.ScaleBookkeepingAttributes.Contains(attribute.Name) && !s_netcdfBookkeeping.Contains(attribute.Name))
                    Add(path + "@" + attribute.Name, H5DifferenceKind.ExtraAttribute, "the file holds an attribute the schema does not describe");
    }

    private T[] ReadAttribute<T>(string ownerPath, string name, Func<H5Attribute, T[]> read)
    {
        using var owner = file.OpenObject(ownerPath);
        using var attribute = owner.Attrs.Open(name);
        return read(attribute);
    }

    // The stored values are read (as 64-bit integers of the stored signedness) only when a lenient option needs them.
    private void Type(string path, H5TypeSchema expected, H5TypeSchema actual, Func<long[]> signedValues, Func<ulong[]> unsignedValues)
    {
        if (expected.Accepts(actual, out var reason)) return;
        if (expected.Kind == H5ValueKind.String && actual.Kind == H5ValueKind.String)
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
            foreach (var v in unsignedValues()) if (v > max) return v.ToString(CultureInfo.InvariantCulture);
            return null;
        }
        foreach (var v in signedValues())
            if (v < min || (v > 0 && (ulong)v > max)) return v.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private static string Format(long[] shape) => "(" + string.Join(", ", shape.Select(d => d < 0 ? "*" : d.ToString(CultureInfo.InvariantCulture))) + ")";
}
