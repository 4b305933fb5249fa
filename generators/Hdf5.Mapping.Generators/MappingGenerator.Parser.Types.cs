using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // What a property type is made of: its element, rank and collection, and whether its elements are values HDF5
    // stores natively, structs it stores as compounds, or neither.
    internal sealed partial class Parser
    {
        private const string ListType = "System.Collections.Generic.List<T>";
        private const string DictionaryType = "System.Collections.Generic.Dictionary<TKey, TValue>";
        private const string LazyType = "Hdf5.Mapping.H5Dataset<T>";
        private const string RegionType = "Hdf5.Mapping.H5Region";
        private const string MappedRegionType = "Hdf5.Mapping.H5MappedRegion";

        /// <summary>(element, rank, collection, optional) of a property type: T, T?, T[], T[,], List&lt;T&gt;, ...</summary>
        private readonly record struct TypeShape(ITypeSymbol Element, int Rank, CollectionKind Collection, bool Optional);

        private static TypeShape ShapeOf(ITypeSymbol type)
        {
            var optional = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (IsList(type, out var listElement)) return new(listElement, 1, CollectionKind.List, optional);
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                return new(nullable.TypeArguments[0], 0, CollectionKind.None, true);
            if (type is IArrayTypeSymbol array) return new(array.ElementType, array.Rank, CollectionKind.None, optional);
            return new(type, 0, CollectionKind.None, optional);
        }

        private static bool IsList(ITypeSymbol type, out ITypeSymbol element)
        {
            element = type;
            if (type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.ToDisplayString() == ListType)
            {
                element = named.TypeArguments[0];
                return true;
            }
            return false;
        }

        private static bool IsDictionaryOfString(ITypeSymbol type, out ITypeSymbol value)
        {
            value = type;
            if (type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.ToDisplayString() == DictionaryType
                && named.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                value = named.TypeArguments[1];
                return true;
            }
            return false;
        }

        /// <summary>IList&lt;T&gt;, IReadOnlyList&lt;T&gt;, IEnumerable&lt;T&gt;, HashSet&lt;T&gt;, ...: collections other than
        /// arrays and List&lt;T&gt;, which the mapping does not create; the diagnostics name the supported forms.</summary>
        private static bool IsOtherCollection(ITypeSymbol type) =>
            type.SpecialType != SpecialType.System_String && !IsList(type, out _) && type is not IArrayTypeSymbol
            && (type.TypeKind == TypeKind.Interface && type.ToDisplayString().StartsWith("System.Collections", System.StringComparison.Ordinal)
                || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));

        private static bool IsLazy(ITypeSymbol type, out ITypeSymbol element)
        {
            element = type;
            if (type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.ToDisplayString() == LazyType)
            {
                element = named.TypeArguments[0];
                return true;
            }
            return false;
        }

        private static bool IsNumeric(ITypeSymbol t) =>
            t.TypeKind == TypeKind.Enum ||
            t.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Boolean ||
            t.ToDisplayString() is "System.Half" or "Hdf5.Mapping.H5ObjectReference" or "Hdf5.Mapping.H5RegionReference";

        private static bool IsMappedClass(ITypeSymbol t) => Has(t, GroupAttribute) || Has(t, FileAttribute);

        // A struct of public fields that are numbers, bool or enums maps to an HDF5 compound type; the struct must be
        // reachable from the one registration file of the compilation (not private or protected).
        private CompoundSpec? Compound(ITypeSymbol t)
        {
            if (t.TypeKind != TypeKind.Struct || !t.IsUnmanagedType) return null;
            for (var s = (ISymbol)t; s is INamedTypeSymbol; s = s.ContainingType)
                if (s.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal) return null;
            var fields = t.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToArray();
            if (fields.Length == 0 || fields.Any(f => f.DeclaredAccessibility != Accessibility.Public || !IsNumeric(f.Type))) return null;
            var spec = new CompoundSpec(Global(t), new EquatableArray<FieldSpec>(fields.Select(f => new FieldSpec(f.Name, Global(f.Type),
                Find(f, FieldAttribute) is { } named && named.ConstructorArguments.Length > 0 && named.ConstructorArguments[0].Value is string h5Name ? h5Name : f.Name)).ToArray()));
            _compounds[spec.TypeRef] = spec;
            return spec;
        }

        // A record: a struct or class (with a public parameterless constructor) whose public fields and settable
        // properties are numbers, bool, enums, references, strings ([H5Field(FixedLength = n)] for fixed length) or
        // arrays of numbers (variable-length sequences); stored as a compound through its registered element type.
        private CompoundSpec? Record(ITypeSymbol t)
        {
            if (t is not INamedTypeSymbol named || named.IsAbstract || named.IsGenericType || t.TypeKind is not (TypeKind.Class or TypeKind.Struct)) return null;
            for (var s = (ISymbol)t; s is INamedTypeSymbol; s = s.ContainingType)
                if (s.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal) return null;
            if (t.TypeKind == TypeKind.Class && !named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)) return null;
            var fields = new List<FieldSpec>();
            foreach (var member in t.GetMembers())
            {
                if (RecordMemberType(member, out var skip) is not { } type)
                {
                    if (skip) continue;
                    return null;
                }
                var field = Find(member, FieldAttribute);
                var h5Name = field is not null && field.ConstructorArguments.Length > 0 && field.ConstructorArguments[0].Value is string n ? n : member.Name;
                var fixedLength = field is null ? 0 : Named<int>(field, nameof(H5FieldAttribute.FixedLength));
                if (type.SpecialType == SpecialType.System_String)
                    fields.Add(new FieldSpec(member.Name, "string", h5Name, FieldKind.String, fixedLength));
                else if (type is IArrayTypeSymbol { Rank: 1 } array && IsNumeric(array.ElementType) && array.ElementType.SpecialType != SpecialType.System_Boolean)
                    fields.Add(new FieldSpec(member.Name, Global(type), h5Name, FieldKind.Sequence, SequenceOf: Global(array.ElementType)));
                else if (IsNumeric(type))
                    fields.Add(new FieldSpec(member.Name, Global(type), h5Name));
                else
                    return null;
            }
            if (fields.Count == 0) return null;
            var spec = new CompoundSpec(Global(t), new EquatableArray<FieldSpec>(fields.ToArray()), IsRecord: true);
            _compounds[spec.TypeRef] = spec;
            return spec;
        }

        // The type of a record's stored member: a public, writable instance field or a public get/set property. Other
        // members are skipped; a non-public instance field makes the type no record (its value would not round-trip).
        private static ITypeSymbol? RecordMemberType(ISymbol member, out bool skip)
        {
            skip = false;
            switch (member)
            {
                case IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } f when f.DeclaredAccessibility == Accessibility.Public && !f.IsReadOnly:
                    return f.Type;
                case IPropertySymbol { IsStatic: false, IsIndexer: false } p when p.DeclaredAccessibility == Accessibility.Public
                    && p.GetMethod?.DeclaredAccessibility == Accessibility.Public && p.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public }:
                    return p.Type;
                case IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false }:
                    return null;
                default:
                    skip = true;
                    return null;
            }
        }

        private static string Global(ITypeSymbol t) => t.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }
}
