using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// The basic facts of an object (<c>H5Oget_info</c>): which file and object it is, its kind, how many hard links lead to
/// it and how many attributes it has. Reads it with the entry point of the loaded libhdf5 (<c>H5Oget_info</c>,
/// <c>H5Oget_info2</c> or <c>H5Oget_info3</c>; see <see cref="H5Api"/>).
/// </summary>
/// <param name="FileNumber">The file's number in this process (<c>fileno</c>).</param>
/// <param name="Token">The object within that file.</param>
/// <param name="Type">Group, dataset or named datatype.</param>
/// <param name="ReferenceCount">The number of hard links to the object.</param>
/// <param name="AttributeCount">The number of attributes (read only when asked for with <see cref="H5O.InfoNumAttrs"/>).</param>
public readonly record struct H5ObjectInfo(ulong FileNumber, H5Token Token, H5O.Type Type, uint ReferenceCount, ulong AttributeCount)
{
    /// <summary>Whether both describe the same object of the same open file.</summary>
    public bool IsSameObject(in H5ObjectInfo other) => FileNumber == other.FileNumber && Token == other.Token;

    /// <summary>The info of the object <paramref name="objectId"/> (call inside <see cref="H5Library.Enter"/>).</summary>
    public static unsafe H5ObjectInfo Get(H5Id objectId, uint fields = H5O.InfoBasic, string? context = null, string? objectPath = null)
    {
        if (H5Api.UsesTokens)
        {
            H5O.Info2 info2;
            H5Call.Check(H5O.GetInfo3(objectId, &info2, fields), context, objectPath);
            return From(info2);
        }
        H5O.Info info;
        H5Call.Check(H5Api.HasObjectInfoFields ? H5O.GetInfo2(objectId, &info, fields) : H5O.GetInfo(objectId, &info), context, objectPath);
        return From(info);
    }

    /// <summary>The info of the object at <paramref name="name"/> relative to <paramref name="locationId"/>, without opening it.</summary>
    public static unsafe H5ObjectInfo GetByName(H5Id locationId, string name, uint fields = H5O.InfoBasic, string? context = null, string? objectPath = null)
    {
        if (H5Api.UsesTokens)
        {
            H5O.Info2 info2;
            H5Call.Check(H5O.GetInfoByName3(locationId, name, &info2, fields, PropertyListId.Default), context, objectPath);
            return From(info2);
        }
        H5O.Info info;
        H5Call.Check(H5Api.HasObjectInfoFields
            ? H5O.GetInfoByName2(locationId, name, &info, fields, PropertyListId.Default)
            : H5O.GetInfoByName(locationId, name, &info, PropertyListId.Default), context, objectPath);
        return From(info);
    }

    private static H5ObjectInfo From(in H5O.Info i) => new(i.Fileno.Value, H5Token.FromAddress(i.Addr), i.Type, i.Rc, i.NumAttrs);

    private static H5ObjectInfo From(in H5O.Info2 i) => new(i.Fileno.Value, H5Token.FromNative(i.Token), i.Type, i.Rc, i.NumAttrs);
}
