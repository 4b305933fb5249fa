using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports, with stable ids (tracked in AnalyzerReleases.*.md).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Hdf5.Mapping";

    public static readonly DiagnosticDescriptor ClassNotPartial = new(
        "H5M001", "A mapped class must be partial",
        "The class '{0}' is marked [{1}] but is not partial: add the 'partial' modifier so the generator can add Read and Write",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The generator adds members to the class, which C# allows only for partial classes.");

    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "H5M002", "Unsupported property type",
        "The property '{0}' has type '{1}', which cannot be mapped as {2}: {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Datasets hold arrays (T[], T[,], T[,,], ...) of numbers, bool, enums or strings (1-D); attributes hold scalars, strings and 1-D arrays.");

    public static readonly DiagnosticDescriptor ChunkRankMismatch = new(
        "H5M003", "Chunk, maximum shape or shape rank differs from the data rank",
        "The dataset '{0}' has rank {1} but its {3} has rank {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FilterNeedsChunks = new(
        "H5M004", "A filter needs chunks",
        "The dataset '{0}' uses the filter {1} but has no Chunks: HDF5 applies filters to chunks only",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GroupTypeNotMapped = new(
        "H5M005", "Group property type is not a mapped group",
        "The property '{0}' is marked [H5Group] but its type '{1}' is not a class marked [H5Group]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "H5M006", "Duplicate HDF5 name in one group",
        "The HDF5 name '{0}' is used by both '{1}' and '{2}' in '{3}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Datasets and groups share the link names of a group; attributes share the attribute names of their object.");

    public static readonly DiagnosticDescriptor InvalidName = new(
        "H5M007", "Invalid HDF5 name",
        "The HDF5 name '{0}' of '{1}' is invalid: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AttributeTargetNotDataset = new(
        "H5M009", "Attribute target is not a mapped dataset",
        "The attribute property '{0}' is stored On = \"{1}\", which is not an [H5Dataset] property of the same class",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GroupCycle = new(
        "H5M010", "Cycle in the group graph",
        "The group property '{0}' leads back to '{1}' ({2}): a mapped file is a tree, so reading and writing would not end",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = new(
        "H5M011", "A mapped class needs a parameterless constructor",
        "The class '{0}' has no accessible parameterless constructor: the generated ReadFrom creates it with 'new {0}()' before setting its members",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotStorableAsAttribute = new(
        "H5M008", "Type cannot be stored as an HDF5 attribute",
        "The property '{0}' has type '{1}', which an HDF5 attribute cannot hold: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ScaleNotFound = new(
        "H5M012", "Attached scale is not a dimension scale of this class",
        "The scale '{0}' cannot be used: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "[AttachScale(dimension, nameof(X))] names a property of the same class that is an [H5Dataset] marked [DimensionScale]; [DimensionScale] itself needs an [H5Dataset] property.");

    public static readonly DiagnosticDescriptor ScaleDimensionOutOfRange = new(
        "H5M013", "Scale attached to a dimension beyond the rank",
        "The dataset '{0}' has rank {1}, so it has no dimension {2} to attach '{3}' to",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReferenceTargetNotMapped = new(
        "H5M014", "Reference target is not a mapped dataset or group",
        "The reference property '{0}' cannot point to {1}: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "[H5Reference] properties hold mapped group objects, arrays of mapped datasets, or object (either); [H5Dataset(RegionOf = nameof(X))] needs X to be an [H5Dataset] property of the same class and the property to be H5Region[] or List<H5Region>.");
}
