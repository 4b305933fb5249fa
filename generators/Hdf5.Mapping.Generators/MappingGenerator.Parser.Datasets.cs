using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Diagnostics;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // [H5Dataset] properties: lazy views, region references, or data with its storage options (chunks, maximum and
    // declared shapes, layout, fill value, filters), each option checked against the data's rank and element type.
    internal sealed partial class Parser
    {
        private MemberSpec? ParseDataset(IPropertySymbol property, AttributeData attribute, Location? location)
        {
            var optional = property.Type.NullableAnnotation == NullableAnnotation.Annotated;
            if (IsLazy(property.Type, out var lazyElement))
                return new MemberSpec { Kind = MemberKind.Dataset, ElementType = Global(lazyElement), Element = ElementKind.Value, Rank = 1, Collection = CollectionKind.Lazy, IsOptional = optional };
            var shape = ShapeOf(property.Type);
            if (Named<string>(attribute, nameof(H5DatasetAttribute.RegionOf)) is not null || shape.Element.ToDisplayString() == RegionType)
                return ParseRegions(property, attribute, location, shape);
            var isString = shape.Element.SpecialType == SpecialType.System_String;
            var compound = isString || IsNumeric(shape.Element) ? null : Compound(shape.Element) ?? Record(shape.Element);
            var isRecord = compound?.IsRecord == true;
            string? problem = IsOtherCollection(property.Type) ? "interface and other collections are not mapped: use T[] (any rank) or List<T>"
                : isString && shape.Rank > 1 ? "string datasets are scalars (string) or 1-D (string[], List<string>)"
                : isRecord && shape.Rank != 1 ? "datasets of records (structs or classes with string or array members) are 1-D (T[] or List<T>)"
                : !isString && !IsNumeric(shape.Element) && compound is null
                    ? "a dataset holds T, T[], T[,], ... (any rank) or List<T> of numbers, bool, enums or structs whose public fields are numbers, bool or enums; "
                      + "T[] or List<T> of records (public fields and settable properties that are those, strings or arrays of numbers); string or string[]; or H5Dataset<T> for lazy access"
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.UnsupportedType, location, property.Name, property.Type.ToDisplayString(), "a dataset", problem);
                return null;
            }
            var strings = StringsOf(property, attribute, isString, location);
            var spec = new MemberSpec
            {
                Kind = MemberKind.Dataset,
                ElementType = Global(shape.Element),
                Element = isString ? ElementKind.String : isRecord ? ElementKind.Record : compound is not null ? ElementKind.Compound : ElementKind.Value,
                Rank = shape.Rank,
                Collection = shape.Collection,
                IsOptional = shape.Optional,
                String = strings,
            };
            if (isString && strings is null) return null;
            var storage = ParseStorage(property, attribute, location, spec, shape.Element);
            return storage is null ? null : spec with { Storage = storage };
        }

        private MemberSpec? ParseRegions(IPropertySymbol property, AttributeData attribute, Location? location, TypeShape shape)
        {
            var regionOf = Named<string>(attribute, nameof(H5DatasetAttribute.RegionOf));
            if (regionOf is null || shape.Rank != 1 || shape.Element.ToDisplayString() != RegionType)
            {
                Report(DiagnosticDescriptors.ReferenceTargetNotMapped, location, property.Name,
                    regionOf is null ? "regions of an unnamed dataset" : $"'{regionOf}'",
                    regionOf is null ? "set RegionOf = nameof(TheDataset) to say which dataset the regions select from (or store H5MappedRegion values in an [H5Reference] property)"
                        : "a RegionOf property must be H5Region[] or List<H5Region>");
                return null;
            }
            return new MemberSpec { Kind = MemberKind.Dataset, ElementType = Global(shape.Element), Element = ElementKind.Region, Rank = 1, Collection = shape.Collection, IsOptional = shape.Optional };
        }

        private StorageSpec? ParseStorage(IPropertySymbol property, AttributeData attribute, Location? location, MemberSpec spec, ITypeSymbol element)
        {
            var name = NameOf(attribute, property);
            var storage = new StorageSpec
            {
                Chunks = new EquatableArray<long>(LongsOf(attribute, nameof(H5DatasetAttribute.Chunks))),
                MaxShape = new EquatableArray<long>(LongsOf(attribute, nameof(H5DatasetAttribute.MaxShape))),
                Shape = new EquatableArray<long>(LongsOf(attribute, nameof(H5DatasetAttribute.Shape))),
                Layout = (H5DatasetLayout)Named<int>(attribute, nameof(H5DatasetAttribute.Layout)),
                Filter = (H5FilterKind)Named<int>(attribute, nameof(H5DatasetAttribute.Filter)),
                FilterLevel = Named<int>(attribute, nameof(H5DatasetAttribute.FilterLevel)),
                Shuffle = Named<bool>(attribute, nameof(H5DatasetAttribute.Shuffle)),
            };
            if (!CheckRanks(name, spec.Rank, storage, location) || !CheckExtents(name, storage, location)) return null;
            if ((storage.Filter != H5FilterKind.None || storage.Shuffle) && storage.Chunks.Length == 0)
            {
                Report(DiagnosticDescriptors.FilterNeedsChunks, location, name, storage.Filter != H5FilterKind.None ? storage.Filter.ToString() : nameof(H5DatasetAttribute.Shuffle));
                return null;
            }
            var ids = new List<int>();
            if (storage.Shuffle) ids.Add(H5FilterTable.ShuffleId);
            if (H5FilterTable.FromKind(storage.Filter) is { } known) ids.Add(known.Id);
            storage = storage with { FilterIds = new EquatableArray<int>(ids.ToArray()) };
            if (!HasNamed(attribute, nameof(H5DatasetAttribute.FillValue))) return storage;
            var fill = FillLiteral(property, element, Named<double>(attribute, nameof(H5DatasetAttribute.FillValue)), spec, location);
            return fill is null ? null : storage with { FillValue = fill };
        }

        private bool CheckRanks(string name, int rank, StorageSpec storage, Location? location)
        {
            foreach (var (shape, what) in new[] { (storage.Chunks, "chunk shape"), (storage.MaxShape, "maximum shape"), (storage.Shape, "shape") })
                if (shape.Length > 0 && shape.Length != rank)
                {
                    Report(DiagnosticDescriptors.ChunkRankMismatch, location, name, rank.ToString(), shape.Length.ToString(), what);
                    return false;
                }
            if (rank == 0 && (storage.Chunks.Length > 0 || storage.MaxShape.Length > 0 || storage.Filter != H5FilterKind.None || storage.Shuffle))
            {
                Report(DiagnosticDescriptors.ChunkRankMismatch, location, name, "0", System.Math.Max(storage.Chunks.Length, storage.MaxShape.Length).ToString(),
                    "chunk shape (a scalar dataset is not chunked)");
                return false;
            }
            return true;
        }

        // A fixed maximum below the declared shape, or a chunk larger than a fixed maximum, is refused by libhdf5 at run time.
        private bool CheckExtents(string name, StorageSpec storage, Location? location)
        {
            for (int i = 0; i < storage.MaxShape.Length; i++)
            {
                var max = storage.MaxShape[i];
                if (max < 0) continue;
                if (storage.Shape.Length > 0 && storage.Shape[i] >= 0 && storage.Shape[i] > max)
                {
                    Report(DiagnosticDescriptors.MaxShapeBelowShape, location, name, $"MaxShape {Format(storage.MaxShape)} below its Shape {Format(storage.Shape)}",
                        $"dimension {i} may hold at most {max} but must hold {storage.Shape[i]}; raise MaxShape[{i}] (or -1 for unlimited)");
                    return false;
                }
                if (storage.Chunks.Length > 0 && storage.Chunks[i] > max)
                {
                    Report(DiagnosticDescriptors.MaxShapeBelowShape, location, name, $"Chunks {Format(storage.Chunks)} larger than its MaxShape {Format(storage.MaxShape)}",
                        $"HDF5 refuses a chunk larger than a fixed maximum dimension (dimension {i}: {storage.Chunks[i]} > {max}); make Chunks[{i}] at most {max}");
                    return false;
                }
            }
            return true;
        }

        private static string Format(EquatableArray<long> shape) => "{ " + string.Join(", ", shape) + " }";

        // The fill value as a C# constant of the element type, when it is one exactly; otherwise H5M002/H5M016.
        private string? FillLiteral(IPropertySymbol property, ITypeSymbol element, double value, MemberSpec spec, Location? location)
        {
            if (spec.Element != ElementKind.Value || element.TypeKind == TypeKind.Enum || element.SpecialType == SpecialType.System_Boolean
                || element.ToDisplayString() is "Hdf5.Mapping.H5ObjectReference" or "Hdf5.Mapping.H5RegionReference")
            {
                Report(DiagnosticDescriptors.UnsupportedType, location, property.Name, property.Type.ToDisplayString(),
                    "a dataset with a FillValue", "a fill value needs numeric elements (integers, float, double, Half); remove FillValue");
                return null;
            }
            if (FillProblem(element, value) is { } problem)
            {
                Report(DiagnosticDescriptors.FillValueDoesNotFit, location, CSharpText.Literal(value).TrimEnd('d'), property.Name, element.ToDisplayString(), problem);
                return null;
            }
            return $"({Global(element)}){CSharpText.Literal(value)}";
        }

        private static string? FillProblem(ITypeSymbol element, double value)
        {
            (double Min, double Max) range = element.SpecialType switch
            {
                SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
                SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
                SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
                SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
                SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
                SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
                SpecialType.System_Int64 => (long.MinValue, (double)long.MaxValue),
                SpecialType.System_UInt64 => (0d, (double)ulong.MaxValue),
                _ => (double.NaN, double.NaN),
            };
            var (min, max) = range;
            if (!double.IsNaN(min))
            {
                if (double.IsNaN(value) || double.IsInfinity(value) || System.Math.Floor(value) != value)
                    return $"an integer type holds whole numbers only; use a whole number from {min} to {max}";
                return value < min || value >= max + (element.SpecialType is SpecialType.System_Int64 or SpecialType.System_UInt64 ? 0 : 1)
                    ? $"it holds {min} to {max}; choose a value in that range" : null;
            }
            var limit = element.SpecialType == SpecialType.System_Single ? float.MaxValue : element.ToDisplayString() == "System.Half" ? 65504d : double.MaxValue;
            return !double.IsNaN(value) && !double.IsInfinity(value) && System.Math.Abs(value) > limit
                ? $"its largest finite value is {limit}; choose a smaller value (or an infinity)" : null;
        }
    }
}
