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

        private static string Global(ITypeSymbol t) => t.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }
}
