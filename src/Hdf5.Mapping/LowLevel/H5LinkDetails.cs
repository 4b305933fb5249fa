using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// A link as <c>H5Lget_info</c> describes it: its kind, the character set of its name, its creation order, and either
/// the object a hard link leads to or the size of a soft or external link's value. Read with the entry point of the
/// loaded libhdf5 (<c>H5Lget_info</c> in 1.10, <c>H5Lget_info2</c> since 1.12; see <see cref="H5Api"/>).
/// </summary>
/// <param name="Type">Hard, soft or external.</param>
/// <param name="Cset">The character set of the link's name.</param>
/// <param name="CreationOrder">The creation order, when the group tracks it.</param>
/// <param name="Token">For a hard link: the object it leads to.</param>
/// <param name="ValueSize">For a soft or external link: the size of its value (<c>H5Lget_val</c>).</param>
public readonly record struct H5LinkDetails(H5L.Type Type, H5T.Cset Cset, long? CreationOrder, H5Token Token, ulong ValueSize)
{
    /// <summary>The link <paramref name="name"/> relative to <paramref name="locationId"/> (call inside <see cref="H5Library.Enter"/>).</summary>
    public static unsafe H5LinkDetails Get(H5Id locationId, string name, string? context = null, string? objectPath = null)
    {
        if (H5Api.UsesTokens)
        {
            H5L.Info2 info2;
            H5Call.Check(H5L.GetInfo2(locationId, name, &info2, PropertyListId.Default), context, objectPath);
            var hard = info2.Type == H5L.Type.Hard;
            return new(info2.Type, info2.Cset, info2.CorderValid != 0 ? info2.Corder : null,
                hard ? H5Token.FromNative(info2.TokenOrValSize) : default, hard ? 0 : info2.TokenOrValSize.Low);
        }
        H5L.Info info;
        H5Call.Check(H5L.GetInfo(locationId, name, &info, PropertyListId.Default), context, objectPath);
        var isHard = info.Type == H5L.Type.Hard;
        return new(info.Type, info.Cset, info.CorderValid != 0 ? info.Corder : null,
            isHard ? H5Token.FromAddress(info.AddressOrValSize) : default, isHard ? 0 : info.AddressOrValSize);
    }
}
