using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Diagnostics;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // Members that name other members: attributes stored On a dataset, regions (RegionOf) and attached scales. A
    // dataset is named by a property of this class, a nameof chain (from this class through child groups, or from the
    // [H5File] class), or an HDF5 path; chains are followed through the symbols and become paths here.
    internal sealed partial class Parser
    {
        // The netCDF User Guide's reserved attribute: the value unwritten elements of a variable hold, of the variable's type.
        private const string FillValueAttributeName = "_FillValue";

        private List<Parsed> ResolveDatasetAttributes(List<Parsed> members)
        {
            var result = new List<Parsed>();
            foreach (var m in members)
            {
                if (m.Spec.Kind != MemberKind.Attribute || m.Spec.Target is null)
                {
                    result.Add(m);
                    continue;
                }
                var host = members.FirstOrDefault(d => d.Spec.Kind == MemberKind.Dataset && d.Spec.PropertyName == m.Spec.Target);
                if (host is null)
                {
                    Report(DiagnosticDescriptors.AttributeTargetNotDataset, m.Location, m.Spec.PropertyName, m.Spec.Target);
                    continue;
                }
                if (m.Spec.H5Name == FillValueAttributeName && (m.Spec.ElementType != host.Spec.ElementType || m.Spec.Rank != 0))
                {
                    Report(DiagnosticDescriptors.FillValueAttributeType, m.Location, m.Spec.PropertyName, host.Spec.PropertyName,
                        m.Spec.PropertyType, host.Spec.ElementType);
                    continue;
                }
                m.Spec = m.Spec with { Target = host.Spec.H5Name };
                result.Add(m);
            }
            return result;
        }

        private List<Parsed> ResolveRegions(List<Parsed> members)
        {
            foreach (var m in members.Where(m => m.Spec.Element == ElementKind.Region))
            {
                var link = ResolveLink(m.RegionOfName!, NamedSyntax(m.Attribute, nameof(H5DatasetAttribute.RegionOf)), members, out var target, out var problem);
                if (link is not null && target is not null && !IsDataDataset(target))
                    problem = $"'{target.Name}' is not an [H5Dataset] that holds data (H5Dataset<T> and region datasets are not)";
                if (link is null || problem is not null)
                {
                    Report(DiagnosticDescriptors.ReferenceTargetNotMapped, m.Location, m.Spec.PropertyName, $"'{m.RegionOfName}'",
                        (problem ?? "") + "; RegionOf names a data [H5Dataset]: nameof(Data), nameof(Child.Data), nameof(Root.Child.Data) or an HDF5 path");
                    continue;
                }
                m.Spec = m.Spec with { RegionOf = link };
            }
            return members;
        }

        private static bool IsDataDataset(IPropertySymbol property) =>
            Find(property, DatasetAttribute) is { } a && Named<string>(a, nameof(H5DatasetAttribute.RegionOf)) is null
            && !IsLazy(property.Type, out _) && ShapeOf(property.Type).Element.ToDisplayString() != RegionType;

        private List<Parsed> ResolveScales(List<Parsed> members)
        {
            foreach (var m in members.Where(m => m.Attaches.Count > 0))
            {
                var resolved = new List<ScaleAttachment>();
                foreach (var (attribute, location) in m.Attaches)
                    if (ResolveScale(m, attribute, location, members) is { } attachment) resolved.Add(attachment);
                m.Spec = m.Spec with { Scales = new EquatableArray<ScaleAttachment>(resolved.ToArray()) };
            }
            return members;
        }

        private ScaleAttachment? ResolveScale(Parsed host, AttributeData attribute, Location? location, List<Parsed> members)
        {
            var dimension = attribute.ConstructorArguments[0].Value is int d ? d : -1;
            var name = attribute.ConstructorArguments[1].Value as string ?? "";
            var link = ResolveLink(name, ArgumentSyntax(attribute, 1), members, out var target, out var problem);
            if (link is not null && target is not null && !Has(target, DimensionScaleAttribute))
                problem = $"'{host.Spec.PropertyName}' attaches it to dimension {dimension}, but '{target.Name}' is not marked [DimensionScale]";
            if (link is null || problem is not null)
            {
                Report(DiagnosticDescriptors.ScaleNotFound, location, name, problem ?? "");
                return null;
            }
            if (dimension < 0 || dimension >= host.Spec.Rank)
            {
                Report(DiagnosticDescriptors.ScaleDimensionOutOfRange, location, host.Spec.PropertyName, host.Spec.Rank.ToString(), dimension.ToString(), name);
                return null;
            }
            var hostLength = host.Spec.Storage.Shape.Length > dimension ? host.Spec.Storage.Shape[dimension] : -1;
            var scaleShape = target is null ? System.Array.Empty<long>() : LongsOf(Find(target, DatasetAttribute)!, nameof(H5DatasetAttribute.Shape));
            if (hostLength >= 0 && scaleShape.Length == 1 && scaleShape[0] >= 0 && scaleShape[0] != hostLength)
            {
                Report(DiagnosticDescriptors.ScaleLengthMismatch, location, host.Spec.PropertyName, target!.Name, dimension.ToString(), hostLength.ToString(), scaleShape[0].ToString());
                return null;
            }
            return new ScaleAttachment(dimension, link, Named<string>(attribute, nameof(Hdf5.Mapping.AttachScaleAttribute.Label)));
        }

        /// <summary>Resolves a dataset another member names. <paramref name="target"/> is its property when the name is a
        /// property or nameof chain (null for a path, which is checked when written).</summary>
        private LinkSpec? ResolveLink(string text, ExpressionSyntax? expression, List<Parsed> members, out IPropertySymbol? target, out string? problem)
        {
            target = null;
            problem = null;
            if (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments }
                && arguments[0].Expression is MemberAccessExpressionSyntax chain)
                return ResolveChain(chain, members, out target, out problem);
            if (!text.Contains('/')) return SameGroup(text, members, out target, out problem);
            var parts = text.Split('/').Skip(text.StartsWith("/", System.StringComparison.Ordinal) ? 1 : 0).ToArray();
            if (parts.Any(p => p is "" or "." or ".."))
            {
                problem = $"the path '{text}' has an empty, '.' or '..' part";
                return null;
            }
            return text.StartsWith("/", System.StringComparison.Ordinal)
                ? new LinkSpec(LinkAnchor.Root, string.Join("/", parts))
                : new LinkSpec(LinkAnchor.Relative, text);
        }

        private LinkSpec? SameGroup(string property, List<Parsed> members, out IPropertySymbol? target, out string? problem)
        {
            var member = members.FirstOrDefault(m => m.Spec.Kind == MemberKind.Dataset && m.Spec.PropertyName == property);
            target = member?.Symbol as IPropertySymbol;
            problem = member is null ? $"'{_type.Name}' has no [H5Dataset] property '{property}'" : null;
            return member is null ? null : new LinkSpec(LinkAnchor.SameGroup, member.Spec.H5Name, member.Spec.PropertyName, member.Spec.IsOptional);
        }

        // nameof(A.B.C): A is this class's property or a type (this class or an [H5File] class); every step but the last is
        // a single [H5Group] property, the last an [H5Dataset] property. The HDF5 names along the way make the path.
        private LinkSpec? ResolveChain(MemberAccessExpressionSyntax chain, List<Parsed> members, out IPropertySymbol? target, out string? problem)
        {
            target = null;
            problem = null;
            var symbols = ChainSymbols(chain);
            if (symbols is null || symbols.Count < 1 || symbols[symbols.Count - 1] is not IPropertySymbol last)
            {
                problem = $"'{chain}' does not name a property";
                return null;
            }
            var anchor = LinkAnchor.Relative;
            string? rootType = null;
            if (symbols[0] is INamedTypeSymbol start)
            {
                symbols.RemoveAt(0);
                if (!SymbolEqualityComparer.Default.Equals(start, _type))
                {
                    if (!Has(start, FileAttribute))
                    {
                        problem = $"a nameof chain starts at a property of '{_type.Name}' or at an [H5File] class, and '{start.Name}' is neither";
                        return null;
                    }
                    (anchor, rootType) = (LinkAnchor.Root, Global(start));
                }
            }
            if (anchor == LinkAnchor.Relative && symbols.Count == 1) return SameGroup(last.Name, members, out target, out problem);
            var path = ChainPath(symbols, out problem);
            if (path is null) return null;
            target = last;
            return new LinkSpec(anchor, path, RootType: rootType);
        }

        private static string? ChainPath(List<ISymbol> symbols, out string? problem)
        {
            problem = null;
            var names = new List<string>();
            for (int i = 0; i < symbols.Count; i++)
            {
                var property = (IPropertySymbol)symbols[i];
                var isLast = i == symbols.Count - 1;
                var attribute = Find(property, isLast ? DatasetAttribute : GroupAttribute);
                if (attribute is null || (!isLast && (IsList(property.Type, out _) || IsDictionaryOfString(property.Type, out _))))
                {
                    problem = isLast ? $"'{property.Name}' is not an [H5Dataset] property"
                        : $"'{property.Name}' is not a single [H5Group] property (a chain goes through child groups, not lists or dictionaries of them)";
                    return null;
                }
                names.Add(NameOf(attribute, property));
            }
            return string.Join("/", names);
        }

        private List<ISymbol>? ChainSymbols(MemberAccessExpressionSyntax chain)
        {
            var model = _context.SemanticModel.Compilation.GetSemanticModel(chain.SyntaxTree);
            var symbols = new List<ISymbol>();
            ExpressionSyntax current = chain;
            while (true)
            {
                var info = model.GetSymbolInfo(current, _ct);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null or INamespaceSymbol) return symbol is null ? null : symbols;
                symbols.Insert(0, symbol);
                if (symbol is ITypeSymbol || current is not MemberAccessExpressionSyntax access) return symbols;
                current = access.Expression;
            }
        }

        private ExpressionSyntax? ArgumentSyntax(AttributeData attribute, int index) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(_ct) is AttributeSyntax { ArgumentList: { } list }
                ? list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ElementAtOrDefault(index)?.Expression
                : null;

        private ExpressionSyntax? NamedSyntax(AttributeData attribute, string name) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(_ct) is AttributeSyntax { ArgumentList: { } list }
                ? list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression
                : null;
    }
}
