using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports, with stable ids (tracked in AnalyzerReleases.*.md). Each message
/// says what to write instead; each id has a page on the documentation site (docs/diagnostics/h5mNNN.md, its help link).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Hdf5.Mapping";

    /// <summary>Where the documentation site (built from docs/ by docs/build.sh) is published.</summary>
    internal const string SiteBase = "https://example.invalid/hdf5-mapping/docs/";

    /// <summary>An id's help page: docs/diagnostics/h5m001.md becomes diagnostics/h5m001.html on the site.</summary>
    internal static string HelpLink(string id) => SiteBase + "diagnostics/" + id.ToLowerInvariant() + ".html";

    private static DiagnosticDescriptor Error(string id, string title, string message, string? description = null) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description,
            helpLinkUri: HelpLink(id));

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "H5M001", "A mapped class and the types it is nested in must be partial",
        "'{0}' is not partial: {1}",
        "The generator adds members to the class (and declares the types it is nested in again), which C# allows only for partial types.");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "H5M002", "Unsupported property type",
        "The property '{0}' has type '{1}', which cannot be mapped as {2}: {3}",
        "Datasets hold T[], T[,], T[,,] and higher ranks, List<T> or one value, of numbers, bool, enums or blittable structs, " +
        "string or string[] (1-D), and H5Dataset<T> for lazy access; attributes hold numbers, bool, enums and strings, scalars or arrays of them; " +
        "interface collections (IList<T>, IReadOnlyList<T>, IEnumerable<T>) are not mapped: use T[] or List<T>.");

    public static readonly DiagnosticDescriptor ChunkRankMismatch = Error(
        "H5M003", "Chunk, maximum shape or shape rank differs from the data rank",
        "The dataset '{0}' has rank {1} but its {3} has rank {2}: give one entry per dimension");

    public static readonly DiagnosticDescriptor FilterNeedsChunks = Error(
        "H5M004", "A filter needs chunks",
        "The dataset '{0}' uses the filter {1} but has no Chunks: HDF5 applies filters to chunks only, so add Chunks = new long[] {{ ... }} (one entry per dimension)");

    public static readonly DiagnosticDescriptor GroupTypeNotMapped = Error(
        "H5M005", "Group property type is not a mapped group",
        "The property '{0}' is marked [H5Group], but its type '{1}' cannot be read as a group: {2}");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "H5M006", "Duplicate HDF5 name in one group",
        "The HDF5 name '{0}' is used by both '{1}' and '{2}' in '{3}': give one of them another name",
        "Datasets and groups share the link names of a group; attributes share the attribute names of their object.");

    public static readonly DiagnosticDescriptor InvalidName = Error(
        "H5M007", "Invalid HDF5 name",
        "The HDF5 name '{0}' of '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor NotStorableAsAttribute = Error(
        "H5M008", "Type cannot be stored as an HDF5 attribute",
        "The property '{0}' has type '{1}', which an HDF5 attribute cannot hold: {2}");

    public static readonly DiagnosticDescriptor AttributeTargetNotDataset = Error(
        "H5M009", "Attribute target is not a mapped dataset",
        "The attribute property '{0}' is stored On = \"{1}\", which is not an [H5Dataset] property of the same class: write On = nameof(TheDataset) naming one");

    public static readonly DiagnosticDescriptor GroupCycle = Error(
        "H5M010", "Cycle in the group graph",
        "The group property '{0}' leads back to '{1}' ({2}): a mapped file is a tree, so reading and writing would not end; point back with an [H5Reference] property instead");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Error(
        "H5M011", "A mapped class needs a parameterless constructor",
        "The class '{0}' cannot be created by the generated ReadFrom ('new {0}()'): {1}");

    public static readonly DiagnosticDescriptor ScaleNotFound = Error(
        "H5M012", "Attached scale is not a dimension scale",
        "The scale '{0}' cannot be used: {1}",
        "[AttachScale(dimension, nameof(X))] names an [H5Dataset] marked [DimensionScale]: a property of the same class, a nameof chain " +
        "(nameof(Child.X), nameof(Root.Child.X)) or an HDF5 path; [DimensionScale] itself needs an [H5Dataset] property.");

    public static readonly DiagnosticDescriptor ScaleDimensionOutOfRange = Error(
        "H5M013", "Scale attached to a dimension beyond the rank",
        "The dataset '{0}' has rank {1}, so it has no dimension {2} to attach '{3}' to: use a dimension from 0 to {1} - 1");

    public static readonly DiagnosticDescriptor ReferenceTargetNotMapped = Error(
        "H5M014", "Reference target is not a mapped dataset or group",
        "The reference property '{0}' cannot point to {1}: {2}",
        "[H5Reference] properties hold mapped group objects, arrays of mapped datasets, object (either) or H5MappedRegion values; " +
        "[H5Dataset(RegionOf = ...)] names a data [H5Dataset] (a property, a nameof chain or a path) and the property is H5Region[] or List<H5Region>.");

    public static readonly DiagnosticDescriptor FieldNotProperty = Error(
        "H5M015", "Mapped members are properties",
        "'{0}' is a field, and only properties are mapped: write 'public {1} {0} {{ get; set; }}'");

    public static readonly DiagnosticDescriptor FillValueDoesNotFit = Error(
        "H5M016", "Fill value does not fit the element type",
        "The FillValue {0} of '{1}' does not fit its element type {2}: {3}");

    public static readonly DiagnosticDescriptor PathCollision = Error(
        "H5M017", "Dataset path collides with another member",
        "The HDF5 path '{0}' of '{1}' collides with {2}: give it a path outside that object");

    public static readonly DiagnosticDescriptor ScaleLengthMismatch = Error(
        "H5M018", "Scale length differs from the dimension it is attached to",
        "'{0}' attaches '{1}' to dimension {2}, whose declared length is {3}, but the scale's declared length is {4}: make the Shape entries agree (or use -1 for any length)");

    public static readonly DiagnosticDescriptor MaxShapeBelowShape = Error(
        "H5M019", "Maximum shape or chunk larger than allowed",
        "The dataset '{0}' declares {1}: {2}");

    public static readonly DiagnosticDescriptor UnsupportedClass = Error(
        "H5M020", "Class shape that cannot be mapped",
        "'{0}' cannot be mapped: {1}");

    public static readonly DiagnosticDescriptor UnsupportedAccessor = Error(
        "H5M021", "Property accessors the mapping cannot use",
        "The property '{0}' cannot be mapped as declared: {1}");

    public static readonly DiagnosticDescriptor NotPartitionable = Error(
        "H5M022", "A partitioned dataset must have rows",
        "The property '{0}' has type '{1}' and is marked Partitioned, but its rows cannot be split between ranks: {2}",
        "[H5Dataset(Partitioned = true)] splits the first dimension between the ranks of a communicator; it applies to arrays of rank 1 or more " +
        "(T[], T[,], ...) and List<T> of numbers, bool, enums or structs.");

    public static readonly DiagnosticDescriptor FillValueAttributeType = Error(
        "H5M023", "A _FillValue attribute has the type of its dataset's elements",
        "The _FillValue attribute '{0}' on '{1}' is {2}, but the dataset's elements are {3}: netCDF-4 and CF readers (ncdump, xarray) require a single value of the variable's own type; declare it as {3}",
        "netCDF-C refuses a _FillValue whose type differs from the variable's, and xarray masks by comparing values of the variable's type.");
}
