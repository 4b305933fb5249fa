using System.Globalization;

namespace Hdf5.Mapping.Schema;

/// <summary>Compares a <see cref="H5FileModel"/> with a schema, group by group as the schema describes them. Links are
/// followed as a lookup in the file follows them; the values of a dataset or attribute are read from the file only when
/// a lenient option needs them.</summary>
internal sealed partial class H5SchemaWalker(List<H5SchemaDifference> differences, H5ValidationOptions options, H5FileModel model, H5File file)
{
    // Attributes netCDF-4 maintains itself (as H5DS does its own): never "extra".
    private static readonly HashSet<string> s_netcdfBookkeeping = ["_Netcdf4Dimid", "_Netcdf4Coordinates", "_NCProperties"];

    private void Add(string path, H5DifferenceKind kind, string message) =>
        differences.Add(new H5SchemaDifference(path, kind, message,
            kind is H5DifferenceKind.ExtraObject or H5DifferenceKind.ExtraAttribute ? H5DifferenceSeverity.Warning : H5DifferenceSeverity.Error));

    public void Group(H5GroupNode group, string path, H5GroupSchema schema)
    {
        Attributes(group.Path, group.Attributes, path, schema.Attributes);
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
            foreach (var member in group.Members)
                if (!described.Contains(member.Name))
                    Add(H5Path.Join(path, member.Name), H5DifferenceKind.ExtraObject, $"the file holds a {KindName(KindOf(member))} the schema{For(schema)} does not describe");
    }

    private static string For(H5GroupSchema schema) => schema.TypeName is null ? "" : $" of {schema.TypeName}";

    private static string KindName(H5ObjectKind kind) => kind switch
    {
        H5ObjectKind.Group => "group",
        H5ObjectKind.Dataset => "dataset",
        H5ObjectKind.Datatype => "named datatype",
        _ => "dangling link",
    };

    // The node a lookup of name (a path relative to group, or from the root) reaches, following links; null when nothing is there.
    private H5ModelNode? Lookup(H5GroupNode group, string name)
    {
        if (name.StartsWith('/')) return model.Find(name);
        H5ModelNode current = group;
        foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (model.Resolve(current) is not H5GroupNode g || g.Member(part) is not { } next) return null;
            current = next;
        }
        return current;
    }

    // What a lookup of name finds: the model's answer, or the file's for an absolute path outside the part of the file
    // the model holds (a subgroup validated on its own naming a scale from the root, say).
    private H5ObjectKind KindAt(H5GroupNode group, string name) =>
        Lookup(group, name) is null && name.StartsWith('/') && !InModel(name) ? file.GetKind(name) : KindOf(Lookup(group, name));

    private bool InModel(string path) =>
        model.Root.Path == "/" || path == model.Root.Path || path.StartsWith(model.Root.Path + "/", StringComparison.Ordinal);

    private H5ObjectKind KindOf(H5ModelNode? node) => node is null ? H5ObjectKind.Missing : model.Resolve(node) switch
    {
        H5GroupNode => H5ObjectKind.Group,
        H5DatasetNode => H5ObjectKind.Dataset,
        H5DatatypeNode => H5ObjectKind.Datatype,
        H5LinkNode link => link.TargetKind, // a target outside the model (another file, or above the start)
        H5SameAsNode same => same.Kind,
        _ => H5ObjectKind.Missing,
    };

    // The description of what a lookup found; a link target outside the model is read now, on its own.
    private T Described<T>(H5GroupNode group, string name, Func<H5Object, T> read) where T : H5ModelNode
    {
        if (Lookup(group, name) is { } found && model.Resolve(found) is T node) return node;
        using var target = file.OpenObject(name.StartsWith('/') ? name : H5Path.Join(group.Path, name));
        return read(target);
    }

    private bool Exists(H5GroupNode group, string path, string name, H5ObjectKind expected, bool required, string what)
    {
        var full = H5Path.Join(path, name);
        var kind = KindAt(group, name);
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

    private void ChildGroup(H5GroupNode group, string path, H5GroupLinkSchema link)
    {
        if (!Exists(group, path, link.Name, H5ObjectKind.Group, link.IsRequired, "group")) return;
        var full = H5Path.Join(path, link.Name);
        if (model.Resolve(Lookup(group, link.Name)!) is not H5GroupNode child)
        {
            // A link to a group outside the model: that group is read and checked on its own.
            using var target = (H5Group)file.OpenObject(H5Path.Join(group.Path, link.Name));
            var outside = H5FileModel.Read(target);
            new H5SchemaWalker(differences, options, outside, file).Collection(outside.Root, full, link);
            return;
        }
        Collection(child, full, link);
    }

    private void Collection(H5GroupNode child, string full, H5GroupLinkSchema link)
    {
        switch (link.Collection)
        {
            case H5GroupCollection.None:
                Group(child, full, link.Schema);
                break;
            case H5GroupCollection.List:
                ListItems(child, full, link.Schema);
                break;
            case H5GroupCollection.Dictionary:
                foreach (var member in child.Members)
                    Item(child, full, member.Name, "dictionary item group", link.Schema);
                break;
        }
    }

    // Items are "0", "1", ... in order; anything else is not part of the list.
    private void ListItems(H5GroupNode list, string full, H5GroupSchema schema)
    {
        int n = 0;
        while (list.Member(n.ToString(CultureInfo.InvariantCulture)) is not null) n++;
        for (int i = 0; i < n; i++) Item(list, full, i.ToString(CultureInfo.InvariantCulture), "list item group", schema);
        if (options.ReportExtras)
            foreach (var member in list.Members)
                if (!(int.TryParse(member.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < n))
                    Add(H5Path.Join(full, member.Name), H5DifferenceKind.ExtraObject, $"not an item of the list (items are named 0..{n - 1})");
    }

    private void Item(H5GroupNode collection, string full, string key, string what, H5GroupSchema schema)
    {
        if (!Exists(collection, full, key, H5ObjectKind.Group, true, what)) return;
        if (model.Resolve(collection.Member(key)!) is H5GroupNode item) Group(item, H5Path.Join(full, key), schema);
        else ChildGroup(collection, full, new H5GroupLinkSchema(key, schema));
    }
}
