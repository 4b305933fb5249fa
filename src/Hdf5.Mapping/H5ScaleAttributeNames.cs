namespace Hdf5.Mapping;

/// <summary>The names of the attributes libhdf5_hl's dimension-scale API (H5DS) keeps on scales and on the datasets
/// attached to them: the runtime, the listings, the validator and the scaffolder all read them from here.</summary>
internal static class H5ScaleAttributeNames
{
    /// <summary>On a scale: <c>"DIMENSION_SCALE"</c>, which makes it one.</summary>
    public const string Class = "CLASS";

    /// <summary>On a scale: its name (h5py: <c>make_scale(name)</c>).</summary>
    public const string Name = "NAME";

    /// <summary>On a scale: the datasets and dimensions it is attached to.</summary>
    public const string ReferenceList = "REFERENCE_LIST";

    /// <summary>On a dataset: the scales attached to each dimension.</summary>
    public const string DimensionList = "DIMENSION_LIST";

    /// <summary>On a dataset: the label of each dimension.</summary>
    public const string Labels = "DIMENSION_LABELS";

    /// <summary>All of them: bookkeeping, not user data.</summary>
    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>([Class, Name, ReferenceList, DimensionList, Labels], StringComparer.Ordinal);
}
