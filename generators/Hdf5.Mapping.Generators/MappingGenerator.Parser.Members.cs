using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Diagnostics;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // Each property with a mapping attribute becomes one MemberSpec: its storage kind, element and collection, and how
    // the generated ReadFrom assigns it. Fields and static properties are reported, not skipped.
    internal sealed partial class Parser
    {
        private List<Parsed> ParseMembers()
        {
            var parsed = new List<Parsed>();
            foreach (var symbol in _type.GetMembers())
            {
                _ct.ThrowIfCancellationRequested();
                if (symbol is IFieldSymbol field) CheckField(field);
                if (symbol is not IPropertySymbol property || !IsMapped(property)) continue;
                if (property.IsStatic || property.IsIndexer)
                {
                    Report(DiagnosticDescriptors.UnsupportedAccessor, property.Locations.FirstOrDefault(), property.Name,
                        property.IsStatic ? "it is static, and mapped members belong to each object: remove 'static'" : "an indexer cannot be mapped");
                    continue;
                }
                ParseProperty(property, parsed);
            }
            return parsed;
        }

        private static bool IsMapped(ISymbol symbol) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is { } n
                && (MemberAttributes.Contains(n) || n == DimensionScaleAttribute || n == AttachScaleAttribute));

        private void CheckField(IFieldSymbol field)
        {
            if (field.IsImplicitlyDeclared || !IsMapped(field)) return;
            Report(DiagnosticDescriptors.FieldNotProperty, field.Locations.FirstOrDefault(), field.Name,
                field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }

        private void ParseProperty(IPropertySymbol property, List<Parsed> parsed)
        {
            var scale = Find(property, DimensionScaleAttribute);
            var attaches = property.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AttachScaleAttribute).ToList();
            if (!Has(property, DatasetAttribute) && (scale is not null || attaches.Count > 0))
                Report(DiagnosticDescriptors.ScaleNotFound, LocationOf(scale ?? attaches[0], property), property.Name,
                    $"[DimensionScale] and [AttachScale] go on [H5Dataset] properties, and '{property.Name}' is not one");
            foreach (var attribute in property.GetAttributes())
            {
                var location = LocationOf(attribute, property);
                var spec = attribute.AttributeClass?.ToDisplayString() switch
                {
                    AttributeAttribute => ParseAttribute(property, attribute, location),
                    DatasetAttribute => ParseDataset(property, attribute, location),
                    GroupAttribute => ParseGroup(property, location),
                    ReferenceAttribute => ParseReference(property, location),
                    _ => null,
                };
                if (spec is null || AssignmentOf(property, spec) is not { } assignment) continue;
                spec = spec with { PropertyName = property.Name, PropertyType = property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)), H5Name = NameOf(attribute, property), Assignment = assignment };
                if (spec.Kind == MemberKind.Dataset && scale is not null)
                    spec = spec with { ScaleName = scale.ConstructorArguments.Length > 0 && scale.ConstructorArguments[0].Value is string name ? name : "" };
                if (!ValidName(spec, location)) continue;
                var member = new Parsed(spec, property, attribute, location) { RegionOfName = Named<string>(attribute, nameof(H5DatasetAttribute.RegionOf)) };
                if (spec.Kind == MemberKind.Dataset) member.Attaches.AddRange(attaches.Select(a => (a, LocationOf(a, property))));
                parsed.Add(member);
            }
        }

        // Set after creation, in the object initializer (init, required), or filled in place (a get-only collection).
        private Assignment? AssignmentOf(IPropertySymbol property, MemberSpec spec)
        {
            var where = property.Locations.FirstOrDefault();
            if (property.GetMethod is null)
            {
                Report(DiagnosticDescriptors.UnsupportedAccessor, where, property.Name, "it has no getter, and writing reads it: add a 'get' accessor");
                return null;
            }
            var fillable = spec.Collection is CollectionKind.List or CollectionKind.Dictionary;
            if (property.SetMethod is null)
            {
                if (fillable) return Assignment.FillInPlace;
                Report(DiagnosticDescriptors.UnsupportedAccessor, where, property.Name,
                    "it has no setter: add 'set' or 'init' (only a get-only List<T> or Dictionary<string, T> is filled in place)");
                return null;
            }
            if (!property.SetMethod.IsInitOnly && !property.IsRequired) return Assignment.Set;
            if (spec.Kind != MemberKind.Reference) return Assignment.Init;
            Report(DiagnosticDescriptors.UnsupportedAccessor, where, property.Name,
                "references are resolved after the whole graph is read, when the object already exists: give it a 'set' accessor (not init or required), or make it a get-only List<T>");
            return null;
        }

        private MemberSpec? ParseAttribute(IPropertySymbol property, AttributeData attribute, Location? location)
        {
            var shape = ShapeOf(property.Type);
            var isString = shape.Element.SpecialType == SpecialType.System_String;
            string? problem = IsOtherCollection(property.Type) ? "interface and other collections are not mapped: use T[] or List<T>"
                : isString && shape.Rank > 1 ? "string attributes are scalars or 1-D: use string or string[]"
                : !isString && !IsNumeric(shape.Element)
                    ? "attributes hold numbers, bool, enums and strings: T, T[], T[,] (any rank) or List<T> of them, string, string[] or List<string>"
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.NotStorableAsAttribute, location, property.Name, property.Type.ToDisplayString(), problem);
                return null;
            }
            var strings = StringsOf(property, attribute, isString, location);
            if (isString && strings is null) return null;
            return new MemberSpec
            {
                Kind = MemberKind.Attribute,
                ElementType = Global(shape.Element),
                Element = isString ? ElementKind.String : ElementKind.Value,
                Rank = shape.Rank,
                Collection = shape.Collection,
                IsOptional = shape.Optional,
                String = strings,
                Target = Named<string>(attribute, nameof(H5AttributeAttribute.On)),
            };
        }

        private static readonly H5DatasetAttribute DatasetDefaults = new();

        // FixedLength, CharSet and Padding: the same three options on [H5Attribute] and [H5Dataset].
        private StringSpec? StringsOf(IPropertySymbol property, AttributeData attribute, bool isString, Location? location)
        {
            var length = Named<int>(attribute, nameof(H5DatasetAttribute.FixedLength));
            var charSet = (H5CharSet)Named<int>(attribute, nameof(H5DatasetAttribute.CharSet));
            var padding = HasNamed(attribute, nameof(H5DatasetAttribute.Padding))
                ? (H5StringPadding)Named<int>(attribute, nameof(H5DatasetAttribute.Padding)) : DatasetDefaults.Padding;
            var hasOptions = length != 0 || HasNamed(attribute, nameof(H5DatasetAttribute.CharSet)) || HasNamed(attribute, nameof(H5DatasetAttribute.Padding));
            string? problem = !isString ? (hasOptions ? "FixedLength, CharSet and Padding describe strings; remove them from this member" : null)
                : length < H5FixedLength.OfValue ? "FixedLength is a number of bytes, 0 for variable length or H5FixedLength.OfValue"
                : length == 0 && hasOptions ? "CharSet and Padding describe fixed-length strings (variable-length strings are UTF-8): set FixedLength, or H5FixedLength.OfValue"
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.UnsupportedType, location, property.Name, property.Type.ToDisplayString(), "strings", problem);
                return null;
            }
            return isString ? new StringSpec(length, charSet, padding) : null;
        }

        private MemberSpec? ParseGroup(IPropertySymbol property, Location? location)
        {
            var shape = ShapeOf(property.Type);
            var collection = shape.Collection;
            var type = shape.Element as INamedTypeSymbol;
            if (IsDictionaryOfString(property.Type, out var value))
            {
                collection = CollectionKind.Dictionary;
                type = value as INamedTypeSymbol;
            }
            else if (shape.Rank > 0 && collection != CollectionKind.List) type = null;
            if (type is null || !Has(type, GroupAttribute))
            {
                Report(DiagnosticDescriptors.GroupTypeNotMapped, location, property.Name, property.Type.ToDisplayString(),
                    "it is not a class marked [H5Group]: mark that class [H5Group] and partial, or map the property as [H5Dataset] or [H5Attribute]");
                return null;
            }
            if (GroupClassProblem(type) is { } problem)
            {
                Report(DiagnosticDescriptors.GroupTypeNotMapped, location, property.Name, property.Type.ToDisplayString(), problem + "; fix that class first");
                return null;
            }
            if (FindCycle(type, new List<string> { _type.Name, type.Name }, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } cycle)
            {
                Report(DiagnosticDescriptors.GroupCycle, location, property.Name, _type.Name, string.Join(" -> ", cycle));
                return null;
            }
            return new MemberSpec
            {
                Kind = MemberKind.Group,
                ElementType = Global(type),
                Element = ElementKind.Group,
                Collection = collection,
                IsOptional = property.Type.NullableAnnotation == NullableAnnotation.Annotated,
            };
        }

        // Depth-first walk over [H5Group] members: returns the path back to the owner, if there is one.
        private List<string>? FindCycle(INamedTypeSymbol current, List<string> path, HashSet<ISymbol> seen)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _type)) return path;
            if (!seen.Add(current)) return null;
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!Has(property, GroupAttribute)) continue;
                var next = property.Type as INamedTypeSymbol;
                if (next is { IsGenericType: true } generic && generic.TypeArguments.Length > 0)
                    next = generic.TypeArguments[generic.TypeArguments.Length - 1] as INamedTypeSymbol; // List<T>, Dictionary<string, T>
                if (next is null) continue;
                var found = FindCycle(next, new List<string>(path) { next.Name }, seen);
                if (found is not null) return found;
            }
            return null;
        }

        private MemberSpec? ParseReference(IPropertySymbol property, Location? location)
        {
            var element = property.Type;
            var collection = CollectionKind.None;
            if (IsList(property.Type, out var listElement)) (collection, element) = (CollectionKind.List, listElement);
            else if (property.Type is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.IsReferenceType) (collection, element) = (CollectionKind.Array, array.ElementType);
            var isRegion = element.ToDisplayString() == MappedRegionType;
            var targetOk = isRegion ? collection != CollectionKind.None
                : element.SpecialType == SpecialType.System_Object || element is IArrayTypeSymbol || IsList(element, out _) || IsLazy(element, out _) || IsMappedClass(element);
            if (!targetOk)
            {
                Report(DiagnosticDescriptors.ReferenceTargetNotMapped, location, property.Name, $"'{element.ToDisplayString()}'",
                    isRegion ? "regions of mapped datasets are stored as a 1-D dataset: use H5MappedRegion[] or List<H5MappedRegion>"
                    : "a reference points to a mapped group (a class marked [H5Group]), to the value of a mapped dataset (an array, List<T> or H5Dataset<T>), or to object for either; use T, T[] or List<T> of them");
                return null;
            }
            return new MemberSpec
            {
                Kind = MemberKind.Reference,
                ElementType = Global(element),
                Element = isRegion ? ElementKind.MappedRegion : ElementKind.MappedObject,
                Rank = collection == CollectionKind.None ? 0 : 1,
                Collection = collection,
                IsOptional = property.Type.NullableAnnotation == NullableAnnotation.Annotated,
            };
        }
    }
}
