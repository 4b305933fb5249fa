using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hdf5.Mapping.Generators.Diagnostics;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    /// <summary>Symbols → <see cref="MappedTypeSpec"/> and diagnostics. Nothing symbolic leaves this class.</summary>
    internal static class Parser
    {
        private const string AttributeAttribute = "Hdf5.Mapping.H5AttributeAttribute";
        private const string DatasetAttribute = "Hdf5.Mapping.H5DatasetAttribute";
        private const string ReferenceAttribute = "Hdf5.Mapping.H5ReferenceAttribute";
        private const string DimensionScaleAttribute = "Hdf5.Mapping.DimensionScaleAttribute";
        private const string AttachScaleAttribute = "Hdf5.Mapping.AttachScaleAttribute";

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, bool isFile, CancellationToken ct)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var syntax = (ClassDeclarationSyntax)context.TargetNode;
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, syntax.Identifier.GetLocation(), type.Name, isFile ? "H5File" : "H5Group"));
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            if (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoParameterlessConstructor, syntax.Identifier.GetLocation(), type.Name));

            var members = new List<MemberSpec>();
            var linkNames = new Dictionary<string, string>();
            var attributeNames = new Dictionary<string, string>();
            var pendingTargets = new List<(MemberSpec Member, Location? Location)>();
            var compounds = new Dictionary<string, CompoundSpec>();
            var attachments = new Dictionary<string, List<(AttributeData Attribute, Location? Location)>>();
            var regionLocations = new Dictionary<string, Location?>();
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                ct.ThrowIfCancellationRequested();
                if (property.IsStatic || property.IsIndexer) continue;
                var scale = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DimensionScaleAttribute);
                var attaches = property.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AttachScaleAttribute)
                    .Select(a => (a, a.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? property.Locations.FirstOrDefault())).ToList();
                var isDataset = property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DatasetAttribute);
                if (!isDataset && (scale is not null || attaches.Count > 0))
                {
                    var where = (scale ?? attaches[0].a).ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? property.Locations.FirstOrDefault();
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScaleNotFound, where, property.Name,
                        $"[DimensionScale] and [AttachScale] go on [H5Dataset] properties, and '{property.Name}' is not one"));
                }
                if (attaches.Count > 0) attachments[property.Name] = attaches;
                foreach (var attribute in property.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    var location = attribute.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? property.Locations.FirstOrDefault();
                    MemberSpec? member = name switch
                    {
                        AttributeAttribute => ParseAttribute(property, attribute, location, diagnostics),
                        DatasetAttribute => ParseDataset(property, attribute, location, diagnostics, compounds),
                        GroupAttribute => ParseGroup(property, attribute, location, diagnostics, type),
                        ReferenceAttribute => ParseReference(property, attribute, location, diagnostics),
                        _ => null,
                    };
                    if (member is null) continue;
                    if (member.RegionOf is not null) regionLocations[member.PropertyName] = location;
                    if (member.Kind == MemberKind.Dataset && scale is not null)
                        member = member with { ScaleName = scale.ConstructorArguments.Length > 0 && scale.ConstructorArguments[0].Value is string sn ? sn : "" };
                    if (member.Target is not null)
                    {
                        pendingTargets.Add((member, location));
                        continue;
                    }
                    var names = member.Kind == MemberKind.Attribute ? attributeNames : linkNames;
                    if (!ValidName(member, location, diagnostics)) continue;
                    if (names.TryGetValue(member.H5Name, out var other))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, location, member.H5Name, other, property.Name, type.Name));
                        continue;
                    }
                    names[member.H5Name] = property.Name;
                    members.Add(member);
                }
            }

            // Attributes stored on a dataset: resolve "On" (a property name) to that dataset's HDF5 name.
            var datasetNames = new Dictionary<string, string>();
            foreach (var m in members)
                if (m.Kind == MemberKind.Dataset) datasetNames[m.PropertyName] = m.H5Name;
            var perTarget = new Dictionary<string, string>();
            foreach (var (member, location) in pendingTargets)
            {
                if (!datasetNames.TryGetValue(member.Target!, out var datasetName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeTargetNotDataset, location, member.PropertyName, member.Target!));
                    continue;
                }
                if (!ValidName(member, location, diagnostics)) continue;
                var key = datasetName + "@" + member.H5Name;
                if (perTarget.TryGetValue(key, out var other))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, location, member.H5Name, other, member.PropertyName, datasetName));
                    continue;
                }
                perTarget[key] = member.PropertyName;
                members.Add(member with { Target = datasetName });
            }

            // Region references and scale attachments name other dataset properties of this class.
            var datasets = members.Where(m => m.Kind == MemberKind.Dataset && m.Target is null).ToDictionary(m => m.PropertyName);
            for (int i = 0; i < members.Count; i++)
            {
                var m = members[i];
                if (m.RegionOf is not null)
                {
                    if (datasets.TryGetValue(m.RegionOf, out var target) && target.RegionOf is null && target.Collection != "Lazy")
                        members[i] = m = m with { RegionOf = target.H5Name };
                    else
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceTargetNotMapped, regionLocations[m.PropertyName], m.PropertyName, $"'{m.RegionOf}'",
                            $"RegionOf must name an [H5Dataset] property of '{type.Name}' that holds data (not H5Dataset<T> or regions)"));
                        members.RemoveAt(i--);
                        continue;
                    }
                }
                if (m.Kind != MemberKind.Dataset || !attachments.TryGetValue(m.PropertyName, out var attached)) continue;
                var resolved = new List<ScaleAttachment>();
                foreach (var (attribute, location) in attached)
                {
                    var dimension = attribute.ConstructorArguments[0].Value is int d ? d : -1;
                    var scaleProperty = attribute.ConstructorArguments[1].Value as string ?? "";
                    var label = Named<string>(attribute, "Label");
                    if (!datasets.TryGetValue(scaleProperty, out var scaleMember) || scaleMember.ScaleName is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScaleNotFound, location, scaleProperty,
                            datasets.ContainsKey(scaleProperty)
                                ? $"'{m.PropertyName}' attaches it to dimension {dimension}, but it is not marked [DimensionScale]"
                                : $"'{m.PropertyName}' attaches it to dimension {dimension}, but '{type.Name}' has no [H5Dataset] property '{scaleProperty}'"));
                        continue;
                    }
                    if (dimension < 0 || dimension >= m.Rank)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScaleDimensionOutOfRange, location, m.PropertyName, m.Rank.ToString(), dimension.ToString(), scaleProperty));
                        continue;
                    }
                    resolved.Add(new ScaleAttachment(dimension, scaleMember.H5Name, label));
                }
                members[i] = m with { Scales = new EquatableArray<ScaleAttachment>(resolved.ToArray()) };
            }

            var spec = new MappedTypeSpec(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                isFile,
                type.DeclaredAccessibility == Accessibility.Public,
                new EquatableArray<MemberSpec>(members.ToArray()),
                new EquatableArray<CompoundSpec>(compounds.Values.ToArray()),
                isFile && context.Attributes.Length > 0 ? Named<int>(context.Attributes[0], "LibverLow") : 0);
            return new ParseResult(diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) ? null : spec,
                new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        private static bool ValidName(MemberSpec member, Location? location, List<DiagnosticInfo> diagnostics)
        {
            string? problem = null;
            if (member.H5Name.Length == 0) problem = "it is empty";
            else if (member.H5Name.StartsWith("/")) problem = "it must be relative to the enclosing group (no leading '/')";
            else if (member.H5Name.Split('/').Any(p => p is "." or ".." or "")) problem = "'.', '..' and empty path components are not allowed";
            else if (member.Kind == MemberKind.Attribute && member.H5Name.Contains('/')) problem = "an attribute name cannot contain '/'";
            if (problem is null) return true;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, location, member.H5Name, member.PropertyName, problem));
            return false;
        }

        private static string NameOf(AttributeData attribute, IPropertySymbol property) =>
            attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string s ? s : property.Name;

        private static T? Named<T>(AttributeData attribute, string name) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is T v ? v : default;

        // CharSet = H5CharSet.Utf8 (the enum's value 1; H5CharSet.Ascii is 0 and the default).
        private static bool IsUtf8(AttributeData attribute) => Named<int>(attribute, "CharSet") == 1;

        private static MemberSpec? ParseAttribute(IPropertySymbol property, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var (element, rank, optional) = Shape(property.Type);
            var isString = element.SpecialType == SpecialType.System_String;
            if ((isString && rank > 1) || (!isString && !IsNumeric(element)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotStorableAsAttribute, location, property.Name, property.Type.ToDisplayString(),
                    isString ? "string attributes are scalars or 1-D arrays" : "attributes hold numbers, bool, enums, strings and arrays of them"));
                return null;
            }
            return new MemberSpec(property.Name, NameOf(attribute, property), MemberKind.Attribute, Global(element), rank, isString, optional,
                Named<int>(attribute, "FixedLength"), EquatableArray<long>.Empty, null, false, Named<string>(attribute, "On"),
                IsList(property.Type, out _) ? "List" : null, Utf8: IsUtf8(attribute));
        }

        private static MemberSpec? ParseDataset(IPropertySymbol property, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics,
            Dictionary<string, CompoundSpec> compounds)
        {
            // H5Dataset<T>: a lazy handle, opened on read and left open for the caller (data too large to load at once).
            if (property.Type is INamedTypeSymbol { IsGenericType: true } lazy && lazy.ConstructedFrom.ToDisplayString() == "Hdf5.Mapping.H5Dataset<T>")
                return new MemberSpec(property.Name, NameOf(attribute, property), MemberKind.Dataset, Global(lazy.TypeArguments[0]), 1, false,
                    property.Type.NullableAnnotation == NullableAnnotation.Annotated, 0, EquatableArray<long>.Empty, null, false, null, "Lazy");

            var (element, rank, optional) = Shape(property.Type);
            var regionOf = Named<string>(attribute, "RegionOf");
            if (regionOf is not null || element.ToDisplayString() == "Hdf5.Mapping.H5Region")
            {
                // Regions of another dataset: stored as region references to it, read back as H5Region values.
                if (regionOf is null || rank != 1 || element.ToDisplayString() != "Hdf5.Mapping.H5Region")
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceTargetNotMapped, location, property.Name,
                        regionOf is null ? "regions of an unnamed dataset" : $"'{regionOf}'",
                        regionOf is null ? "set RegionOf = nameof(TheDataset) to say which dataset the regions select from"
                            : "a RegionOf property must be H5Region[] or List<H5Region>"));
                    return null;
                }
                return new MemberSpec(property.Name, NameOf(attribute, property), MemberKind.Dataset, Global(element), 1, false, optional, 0,
                    EquatableArray<long>.Empty, null, false, null, IsList(property.Type, out _) ? "List" : null, RegionOf: regionOf);
            }
            var isString = element.SpecialType == SpecialType.System_String;
            var compound = !isString && !IsNumeric(element) ? Compound(element) ?? Record(element) : null;
            if (compound is not null) compounds[compound.TypeRef] = compound;
            var isRecord = compound?.IsRecord == true;
            if ((isString && rank > 1) || (!isString && !IsNumeric(element) && compound is null) || (isRecord && rank != 1))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, location, property.Name, property.Type.ToDisplayString(), "a dataset",
                    isString ? "string datasets are scalars (string) or 1-D (string[])" :
                    isRecord ? "datasets of records (structs or classes with string or array members) are 1-D (T[] or List<T>)" :
                    "elements must be numbers, bool, enums, structs whose public fields are numbers, bool or enums, "
                    + "or records whose public fields and settable properties are those, strings or arrays of numbers"));
                return null;
            }
            var h5Name = NameOf(attribute, property);
            var chunkArg = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Chunks").Value;
            var chunks = chunkArg.Kind == TypedConstantKind.Array ? chunkArg.Values.Select(v => System.Convert.ToInt64(v.Value)).ToArray() : System.Array.Empty<long>();
            if (chunks.Length > 0 && chunks.Length != rank)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChunkRankMismatch, location, h5Name, rank.ToString(), chunks.Length.ToString(), "chunk shape"));
                return null;
            }
            var maxArg = attribute.NamedArguments.FirstOrDefault(a => a.Key == "MaxShape").Value;
            var maxShape = maxArg.Kind == TypedConstantKind.Array ? maxArg.Values.Select(v => System.Convert.ToInt64(v.Value)).ToArray() : System.Array.Empty<long>();
            if (maxShape.Length > 0 && maxShape.Length != rank)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChunkRankMismatch, location, h5Name, rank.ToString(), maxShape.Length.ToString(), "maximum shape"));
                return null;
            }
            string? fill = null;
            if (attribute.NamedArguments.Any(a => a.Key == "FillValue"))
            {
                if (isString || compound is not null || element.TypeKind == TypeKind.Enum || element.SpecialType == SpecialType.System_Boolean
                    || element.ToDisplayString() is "Hdf5.Mapping.H5ObjectReference" or "Hdf5.Mapping.H5RegionReference")
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, location, property.Name, property.Type.ToDisplayString(),
                        "a dataset with a FillValue", "a fill value needs numeric elements"));
                    return null;
                }
                fill = Literal(Named<double>(attribute, "FillValue"));
            }
            var filter = Named<int>(attribute, "Filter");
            var level = Named<int>(attribute, "FilterLevel");
            var shuffle = Named<bool>(attribute, "Shuffle");
            if ((filter != 0 || shuffle) && chunks.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FilterNeedsChunks, location, h5Name, filter != 0 ? FilterName(filter) : "Shuffle"));
                return null;
            }
            var shapeArg = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Shape").Value;
            var shape = shapeArg.Kind == TypedConstantKind.Array ? shapeArg.Values.Select(v => System.Convert.ToInt64(v.Value)).ToArray() : System.Array.Empty<long>();
            if (shape.Length > 0 && shape.Length != rank)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChunkRankMismatch, location, h5Name, rank.ToString(), shape.Length.ToString(), "shape"));
                return null;
            }
            if (rank == 0 && (chunks.Length > 0 || maxShape.Length > 0 || filter != 0 || shuffle))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChunkRankMismatch, location, h5Name, "0", System.Math.Max(chunks.Length, maxShape.Length).ToString(), "chunk shape (a scalar dataset is not chunked)"));
                return null;
            }
            var filterIds = new List<int>();
            if (shuffle) filterIds.Add(2);
            if (FilterId(filter) is int id) filterIds.Add(id);
            return new MemberSpec(property.Name, h5Name, MemberKind.Dataset, Global(element), rank, isString, optional,
                isString ? Named<int>(attribute, "FixedLength") : 0,
                new EquatableArray<long>(chunks), FilterExpression(filter, level), shuffle, null,
                IsList(property.Type, out _) ? "List" : null,
                new EquatableArray<long>(maxShape), Named<int>(attribute, "Layout"), fill,
                FilterIds: new EquatableArray<int>(filterIds.ToArray()), Shape: new EquatableArray<long>(shape), Utf8: isString && IsUtf8(attribute), IsRecord: isRecord);
        }

        private static string Literal(double value) =>
            double.IsNaN(value) ? "double.NaN"
            : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
            : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d";

        private static MemberSpec? ParseReference(IPropertySymbol property, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics)
        {
            var optional = property.Type.NullableAnnotation == NullableAnnotation.Annotated;
            var element = property.Type;
            string? collection = null;
            if (IsList(property.Type, out var listElement))
            {
                collection = "List";
                element = listElement;
            }
            else if (property.Type is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.IsReferenceType)
            {
                collection = "Array";
                element = array.ElementType;
            }
            var targetOk = element.SpecialType == SpecialType.System_Object
                || element is IArrayTypeSymbol
                || IsList(element, out _)
                || element is INamedTypeSymbol { IsGenericType: true } g && g.ConstructedFrom.ToDisplayString() == "Hdf5.Mapping.H5Dataset<T>"
                || element.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is GroupAttribute or MappingGenerator.FileAttribute);
            if (!targetOk)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceTargetNotMapped, location, property.Name, $"'{element.ToDisplayString()}'",
                    "a reference points to a mapped group (a class marked [H5Group]), to the value of a mapped dataset (an array, List<T> or H5Dataset<T>), or to object for either"));
                return null;
            }
            return new MemberSpec(property.Name, NameOf(attribute, property), MemberKind.Reference, Global(element), collection is null ? 0 : 1, false, optional, 0,
                EquatableArray<long>.Empty, null, false, null, collection);
        }

        private static MemberSpec? ParseGroup(IPropertySymbol property, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics, INamedTypeSymbol owner)
        {
            var optional = property.Type.NullableAnnotation == NullableAnnotation.Annotated;
            var type = property.Type as INamedTypeSymbol;
            string? collection = null;
            if (type is not null && IsList(type, out var listElement))
            {
                collection = "List";
                type = listElement as INamedTypeSymbol;
            }
            else if (type is { IsGenericType: true } dict && dict.ConstructedFrom.ToDisplayString() == "System.Collections.Generic.Dictionary<TKey, TValue>"
                     && dict.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                collection = "Dictionary";
                type = dict.TypeArguments[1] as INamedTypeSymbol;
            }
            if (type is null || !type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GroupAttribute))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GroupTypeNotMapped, location, property.Name, property.Type.ToDisplayString()));
                return null;
            }
            if (FindCycle(type, owner, new List<string> { owner.Name, type.Name }, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } cycle)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GroupCycle, location, property.Name, owner.Name, string.Join(" -> ", cycle)));
                return null;
            }
            return new MemberSpec(property.Name, NameOf(attribute, property), MemberKind.Group,
                type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), 0, false, optional, 0,
                EquatableArray<long>.Empty, null, false, null, collection);
        }

        // Depth-first walk over [H5Group] members: returns the path back to the owner, if there is one.
        private static List<string>? FindCycle(INamedTypeSymbol current, INamedTypeSymbol owner, List<string> path, HashSet<ISymbol> seen)
        {
            if (SymbolEqualityComparer.Default.Equals(current, owner)) return path;
            if (!seen.Add(current)) return null;
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GroupAttribute)) continue;
                var next = property.Type as INamedTypeSymbol;
                if (next is { IsGenericType: true } generic && generic.TypeArguments.Length > 0)
                    next = generic.TypeArguments[generic.TypeArguments.Length - 1] as INamedTypeSymbol; // List<T>, Dictionary<string, T>
                if (next is null) continue;
                var found = FindCycle(next, owner, new List<string>(path) { next.Name }, seen);
                if (found is not null) return found;
            }
            return null;
        }

        private static bool IsList(ITypeSymbol type, out ITypeSymbol element)
        {
            element = type;
            if (type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.ToDisplayString() == "System.Collections.Generic.List<T>")
            {
                element = named.TypeArguments[0];
                return true;
            }
            return false;
        }

        // (element type, array rank, optional) of a property type: T, T?, T[], T[,], List<T>, ...
        private static (ITypeSymbol Element, int Rank, bool Optional) Shape(ITypeSymbol type)
        {
            var optional = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (IsList(type, out var listElement)) return (listElement, 1, optional);
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                return (nullable.TypeArguments[0], 0, true);
            if (type is IArrayTypeSymbol array)
                return (array.ElementType, array.Rank, optional);
            return (type, 0, optional);
        }

        // A struct of public fields that are numbers, bool or enums maps to an HDF5 compound type.
        private static CompoundSpec? Compound(ITypeSymbol t)
        {
            if (t.TypeKind != TypeKind.Struct || !t.IsUnmanagedType || t.DeclaredAccessibility == Accessibility.Private) return null;
            var fields = t.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToArray();
            if (fields.Length == 0 || fields.Any(f => f.DeclaredAccessibility != Accessibility.Public || !IsNumeric(f.Type))) return null;
            return new CompoundSpec(Global(t), new EquatableArray<FieldSpec>(fields.Select(f => new FieldSpec(f.Name, Global(f.Type),
                f.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Hdf5.Mapping.H5FieldAttribute") is { } named
                    && named.ConstructorArguments.Length > 0 && named.ConstructorArguments[0].Value is string h5Name ? h5Name : f.Name)).ToArray()));
        }

        // A record: a struct or class (with an accessible parameterless constructor) whose public fields and settable
        // properties are numbers, bool, enums, references, strings ([H5Field(FixedLength = n)] for fixed length) or arrays
        // of numbers (variable-length sequences); stored as a compound through its registered element type.
        private static CompoundSpec? Record(ITypeSymbol t)
        {
            if (t is not INamedTypeSymbol named || named.DeclaredAccessibility == Accessibility.Private || named.IsAbstract || named.IsGenericType) return null;
            if (t.TypeKind == TypeKind.Class && !named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)) return null;
            if (t.TypeKind is not (TypeKind.Class or TypeKind.Struct)) return null;
            var fields = new List<FieldSpec>();
            foreach (var member in t.GetMembers())
            {
                ITypeSymbol type;
                switch (member)
                {
                    case IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } f when f.DeclaredAccessibility == Accessibility.Public && !f.IsReadOnly:
                        type = f.Type;
                        break;
                    case IPropertySymbol { IsStatic: false, IsIndexer: false } p when p.DeclaredAccessibility == Accessibility.Public
                        && p.GetMethod?.DeclaredAccessibility == Accessibility.Public && p.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public }:
                        type = p.Type;
                        break;
                    case IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false }:
                        return null; // a non-public instance field would not round-trip
                    default:
                        continue;
                }
                var named2 = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Hdf5.Mapping.H5FieldAttribute");
                var h5Name = named2 is not null && named2.ConstructorArguments.Length > 0 && named2.ConstructorArguments[0].Value is string n ? n : member.Name;
                var fixedLength = named2?.NamedArguments.FirstOrDefault(a => a.Key == "FixedLength").Value.Value is int fl ? fl : 0;
                if (type.SpecialType == SpecialType.System_String)
                    fields.Add(new FieldSpec(member.Name, "string", h5Name, FieldKind.String, fixedLength));
                else if (type is IArrayTypeSymbol { Rank: 1 } array && IsNumeric(array.ElementType) && array.ElementType.SpecialType != SpecialType.System_Boolean)
                    fields.Add(new FieldSpec(member.Name, Global(type), h5Name, FieldKind.Sequence, SequenceOf: Global(array.ElementType)));
                else if (IsNumeric(type))
                    fields.Add(new FieldSpec(member.Name, Global(type), h5Name));
                else
                    return null;
            }
            return fields.Count == 0 ? null : new CompoundSpec(Global(t), new EquatableArray<FieldSpec>(fields.ToArray()), IsRecord: true);
        }

        private static bool IsNumeric(ITypeSymbol t) =>
            t.TypeKind == TypeKind.Enum ||
            t.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Boolean ||
            t.ToDisplayString() is "System.Half" or "Hdf5.Mapping.H5ObjectReference" or "Hdf5.Mapping.H5RegionReference";

        private static string Global(ITypeSymbol t) => t.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        // Values of Hdf5.Mapping.H5FilterKind, kept in step with the runtime enum.
        private static string FilterName(int kind) => kind switch
        {
            1 => "Deflate", 2 => "Zstd", 3 => "ZfpAccuracy", 4 => "Lz4", 5 => "Bzip2", 6 => "Blosc", _ => "filter " + kind,
        };

        // HDF5 filter ids of the H5FilterKind values.
        private static int? FilterId(int kind) => kind switch
        {
            1 => 1, 2 => 32015, 3 => 32013, 4 => 32004, 5 => 307, 6 => 32001, _ => null,
        };

        private static string? FilterExpression(int kind, int level) => kind switch
        {
            1 => $"global::Hdf5.Mapping.H5Filter.Deflate({(level == 0 ? 4 : level)})",
            2 => $"global::Hdf5.Mapping.H5Filter.Zstd({(level == 0 ? 3 : level)})",
            3 => $"global::Hdf5.Mapping.H5Filter.ZfpAccuracy(1e{(level == 0 ? -4 : level)})",
            4 => "global::Hdf5.Mapping.H5Filter.Lz4()",
            5 => $"global::Hdf5.Mapping.H5Filter.Bzip2({(level == 0 ? 9 : level)})",
            6 => "global::Hdf5.Mapping.H5Filter.Blosc()",
            _ => null,
        };
    }
}
