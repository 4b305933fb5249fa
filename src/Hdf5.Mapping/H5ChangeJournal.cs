using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// An undo log of the link and attribute changes made in one file while it is active: what lets a live view's
/// <see cref="H5Mapped{T}.Save"/> fail half way and leave the file as it was. While it is active, removing a link or
/// replacing an attribute does not delete the old one but parks it under a hidden sibling name; links and attributes
/// that are created are remembered. <see cref="Commit"/> deletes what was parked; <see cref="Rollback"/> deletes what
/// was created and puts the parked links and attributes back under their names.
/// </summary>
/// <remarks>It covers links, attributes, dimension scales (what making a scale, labelling, attaching and detaching
/// change: the H5DS attributes of each dataset that existed before, copied before the first such call) and the elements
/// and shape of datasets written in place: before the first in-place write or resize of a dataset that existed before the change, its elements are read
/// into memory (what a save of a large dataset costs: its size in memory while the save runs; an append keeps only the
/// shape). A process killed during a journaled change leaves the parked objects in the file under names ending in
/// <c>.h5m-saving-…</c>, and data written in place as far as it got.</remarks>
internal sealed class H5ChangeJournal
{
    internal abstract record Change;
    private sealed record LinkCreated(string Path) : Change;
    private sealed record LinkParked(string Path, string ParkedAt) : Change;
    private sealed record AttributeCreated(string Owner, string Name) : Change;
    private sealed record AttributeParked(string Owner, string Name, string ParkedAs) : Change;
    private sealed record LinkMoved(string From, string To) : Change;
    private sealed record ScaleAttributesKept(string Path, List<H5AttributeSnapshot> Attributes) : Change;

    /// <summary>The marker of parked names; one per journal, so names never collide with an earlier run's.</summary>
    internal const string ParkedMarker = ".h5m-saving-";

    private readonly H5File _file;
    private readonly List<Change> _changes = [];
    private readonly Dictionary<string, bool> _dataKept = new(StringComparer.Ordinal); // path -> whether its elements are kept
    private readonly HashSet<string> _scalesKept = new(StringComparer.Ordinal); // paths whose scale attributes are kept
    private readonly string _suffix = ParkedMarker + Guid.NewGuid().ToString("N")[..12] + "-";
    private int _parked;

    internal H5ChangeJournal(H5File file) => _file = file;

    private string ParkedName(string name) => name + _suffix + (++_parked).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The topmost link of <paramref name="path"/> (absolute) that does not exist yet: creating
    /// <paramref name="path"/> creates it, with any intermediate groups below it. Null when it all exists.</summary>
    public string? FirstMissing(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var prefix = "/";
        foreach (var part in parts)
        {
            prefix = H5Path.Join(prefix, part);
            if (!LinkExists(prefix)) return prefix;
        }
        return null;
    }

    /// <summary>Records that <paramref name="path"/> (from <see cref="FirstMissing"/>) was created.</summary>
    public void Created(string? path)
    {
        if (path is not null) _changes.Add(new LinkCreated(path));
    }

    /// <summary>Moves the link at <paramref name="path"/> (absolute) aside instead of deleting it.</summary>
    public void ParkLink(string path)
    {
        var parked = ParkedName(path);
        H5Call.Check(H5L.Move(_file.Id, path, _file.Id, parked, H5Links.CreatePropertiesFor(parked), PropertyListId.Default),
            $"setting '{path}' aside while saving '{_file.Filename}'", path);
        _changes.Add(new LinkParked(path, parked));
    }

    /// <summary>Renames the attribute <paramref name="name"/> of <paramref name="owner"/> aside instead of deleting it.</summary>
    public void ParkAttribute(H5Id owner, string ownerPath, string name)
    {
        var parked = ParkedName(name);
        H5Call.Check(H5A.Rename(owner, name, parked), $"setting attribute '{name}' of '{ownerPath}' aside while saving '{_file.Filename}'", ownerPath);
        _changes.Add(new AttributeParked(ownerPath, name, parked));
    }

    /// <summary>Records that the link <paramref name="from"/> was moved to <paramref name="to"/> (both absolute).</summary>
    public void Moved(string from, string to) => _changes.Add(new LinkMoved(from, to));

    /// <summary>Called before a dimension-scale call (making a scale, labelling, attaching, detaching) changes the H5DS
    /// bookkeeping attributes of <paramref name="dataset"/>, which libhdf5 rewrites itself: a dataset that existed before
    /// this change has those attributes copied first, once, to be put back exactly by a rollback.</summary>
    public void BeforeScaleChange(H5Dataset dataset)
    {
        var path = dataset.Path;
        if (!_scalesKept.Add(path) || IsNew(path)) return;
        _changes.Add(new ScaleAttributesKept(path, H5AttributeSnapshot.TakeAll(dataset, H5Dataset.ScaleBookkeepingAttributes.Contains)));
    }

    /// <summary>Called before a dataset that existed before this change is written in place or resized: keeps its shape
    /// and, unless <paramref name="growOnly"/> (rows are only added), its elements, to be put back by a rollback. A
    /// dataset created in this change is not kept (a rollback removes it).</summary>
    public void BeforeDataChange(H5Dataset dataset, bool growOnly = false)
    {
        var path = dataset.Path;
        if (_dataKept.TryGetValue(path, out var kept) && (kept || growOnly)) return;
        if (IsNew(path)) return;
        _dataKept[path] = !growOnly;
        _changes.Add(H5DataKept.Take(dataset, path, elements: !growOnly));
    }

    // Whether the object at `path` was created in this change (under that name, or created elsewhere and moved there).
    private bool IsNew(string path)
    {
        var created = new List<string>();
        foreach (var change in _changes)
        {
            if (change is LinkCreated c) created.Add(c.Path);
            else if (change is LinkMoved m && created.Any(n => IsAtOrUnder(m.From, n))) created.Add(m.To);
        }
        return created.Any(n => IsAtOrUnder(path, n));
    }

    private static bool IsAtOrUnder(string path, string root) => path == root || path.StartsWith(root + "/", StringComparison.Ordinal);

    /// <summary>Records that the attribute <paramref name="name"/> of <paramref name="ownerPath"/> was created.</summary>
    public void AttributeAdded(string ownerPath, string name) => _changes.Add(new AttributeCreated(ownerPath, name));

    /// <summary>Deletes what was parked: the changes stand.</summary>
    public void Commit()
    {
        using var scope = H5Library.Enter();
        var failures = new List<Exception>();
        foreach (var change in _changes)
            Try(failures, () =>
            {
                if (change is LinkParked l)
                    H5Call.Check(H5L.Delete(_file.Id, l.ParkedAt, PropertyListId.Default), $"deleting the earlier '{l.Path}'", l.Path);
                else if (change is AttributeParked a)
                    H5Call.Check(H5A.DeleteByName(_file.Id, a.Owner, a.ParkedAs, PropertyListId.Default), $"deleting the earlier attribute '{a.Name}' of '{a.Owner}'", a.Owner);
            });
        DisposeKept();
        if (failures.Count > 0)
            throw new H5Exception($"Saved '{_file.Filename}', but {failures.Count} earlier object(s) set aside could not be deleted (they remain under names containing '{ParkedMarker}').",
                null, new AggregateException(failures));
    }

    /// <summary>Undoes every change, newest first: the file's links and attributes are as they were.</summary>
    public void Rollback(Exception cause)
    {
        using var scope = H5Library.Enter();
        var failures = new List<Exception>();
        for (int i = _changes.Count - 1; i >= 0; i--)
        {
            var change = _changes[i];
            Try(failures, () => Undo(change));
        }
        DisposeKept();
        if (failures.Count > 0)
            throw new H5Exception($"Saving '{_file.Filename}' failed and {failures.Count} change(s) could not be undone; objects set aside remain under names containing '{ParkedMarker}'.",
                null, new AggregateException([cause, .. failures]));
    }

    private void DisposeKept()
    {
        foreach (var change in _changes)
        {
            if (change is H5DataKept kept) kept.Dispose();
            else if (change is ScaleAttributesKept scales) scales.Attributes.ForEach(a => a.Dispose());
        }
        _changes.Clear();
        _dataKept.Clear();
        _scalesKept.Clear();
    }

    private void Undo(Change change)
    {
        switch (change)
        {
            case H5DataKept kept:
                kept.Restore(_file);
                break;
            case LinkMoved m:
                if (LinkExists(m.To))
                    H5Call.Check(H5L.Move(_file.Id, m.To, _file.Id, m.From, H5Links.CreatePropertiesFor(m.From), PropertyListId.Default), $"moving '{m.To}' back to '{m.From}'", m.To);
                break;
            case ScaleAttributesKept kept:
                RestoreScaleAttributes(kept);
                break;
            case LinkCreated c:
                if (LinkExists(c.Path)) H5Call.Check(H5L.Delete(_file.Id, c.Path, PropertyListId.Default), $"removing the new '{c.Path}'", c.Path);
                break;
            case LinkParked p:
                if (LinkExists(p.Path)) H5Call.Check(H5L.Delete(_file.Id, p.Path, PropertyListId.Default), $"removing the new '{p.Path}'", p.Path);
                H5Call.Check(H5L.Move(_file.Id, p.ParkedAt, _file.Id, p.Path, H5Links.CreatePropertiesFor(p.Path), PropertyListId.Default), $"restoring '{p.Path}'", p.Path);
                break;
            case AttributeCreated a:
                // An owner that is gone (a new object moved to its final name since) goes with what it carries.
                if (FirstMissing(a.Owner) is null && AttributeExists(a.Owner, a.Name))
                    H5Call.Check(H5A.DeleteByName(_file.Id, a.Owner, a.Name, PropertyListId.Default), $"removing the new attribute '{a.Name}' of '{a.Owner}'", a.Owner);
                break;
            case AttributeParked a:
                if (AttributeExists(a.Owner, a.Name))
                    H5Call.Check(H5A.DeleteByName(_file.Id, a.Owner, a.Name, PropertyListId.Default), $"removing the new attribute '{a.Name}' of '{a.Owner}'", a.Owner);
                H5Call.Check(H5A.RenameByName(_file.Id, a.Owner, a.ParkedAs, a.Name, PropertyListId.Default), $"restoring attribute '{a.Name}' of '{a.Owner}'", a.Owner);
                break;
        }
    }

    // Puts back the H5DS attributes a dataset had: those there now are deleted and the copies written, so that whatever
    // the dimension-scale calls rewrote (or added, or removed) is as it was.
    private void RestoreScaleAttributes(ScaleAttributesKept kept)
    {
        using var dataset = _file.OpenDataset(kept.Path);
        foreach (var name in H5Dataset.ScaleBookkeepingAttributes)
            if (AttributeExists(kept.Path, name))
                H5Call.Check(H5A.DeleteByName(_file.Id, kept.Path, name, PropertyListId.Default), $"removing the new attribute '{name}' of '{kept.Path}'", kept.Path);
        foreach (var attribute in kept.Attributes) attribute.WriteTo(dataset);
    }

    private static void Try(List<Exception> failures, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IH5Exception or ObjectDisposedException)
        {
            failures.Add(e);
        }
    }

    private bool LinkExists(string path) =>
        path == "/" || H5Call.CheckBool(H5L.Exists(_file.Id, path, PropertyListId.Default), $"looking up '{path}'");

    private bool AttributeExists(string owner, string name) =>
        H5Call.CheckBool(H5A.ExistsByName(_file.Id, owner, name, PropertyListId.Default), $"looking up attribute '{name}' of '{owner}'");
}
