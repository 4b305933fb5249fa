using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Diagnostics;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // Checks across members: valid HDF5 names, one member per name, no dataset path inside another dataset or inside
    // a mapped group's member, and every required member of the class mapped (ReadFrom must set it).
    internal sealed partial class Parser
    {
        private bool ValidName(MemberSpec member, Location? location)
        {
            var name = member.H5Name;
            string? problem = null;
            if (name.Length == 0) problem = "it is empty; give a name, or leave it out to use the property name";
            else if (name.IndexOf('\0') >= 0) problem = "HDF5 names cannot contain NUL";
            else if (name.StartsWith("/", System.StringComparison.Ordinal)) problem = "it must be relative to the enclosing group: remove the leading '/'";
            else if (name.Split('/').Any(p => p is "." or ".." or "")) problem = "'.', '..' and empty path components are not allowed; write the path without them";
            else if (member.Kind == MemberKind.Attribute && name.Contains('/')) problem = "an attribute name cannot contain '/'; store it On = nameof(...) a dataset instead of naming a path";
            if (problem is null) return true;
            Report(DiagnosticDescriptors.InvalidName, location, name, member.PropertyName, problem);
            return false;
        }

        private void CheckCollisions(List<Parsed> members)
        {
            var links = new Dictionary<string, Parsed>();
            var attributes = new Dictionary<string, Parsed>();
            foreach (var m in members)
            {
                var names = m.Spec.Kind == MemberKind.Attribute ? attributes : links;
                var key = m.Spec.Target is null ? m.Spec.H5Name : m.Spec.Target + "@" + m.Spec.H5Name;
                if (names.TryGetValue(key, out var other))
                    Report(DiagnosticDescriptors.DuplicateName, m.Location, m.Spec.H5Name, other.Spec.PropertyName, m.Spec.PropertyName, m.Spec.Target ?? _type.Name);
                else names[key] = m;
            }
            foreach (var inner in links.Values)
                foreach (var outer in links.Values)
                    if (inner.Spec.H5Name.StartsWith(outer.Spec.H5Name + "/", System.StringComparison.Ordinal)
                        && Collision(outer, inner.Spec.H5Name.Substring(outer.Spec.H5Name.Length + 1)) is { } what)
                        Report(DiagnosticDescriptors.PathCollision, inner.Location, inner.Spec.H5Name, inner.Spec.PropertyName, what);
        }

        // What a path below another member's object would collide with, or null when that object is a group whose
        // class leaves the rest of the path free.
        private string? Collision(Parsed outer, string rest)
        {
            var name = outer.Spec.H5Name;
            if (outer.Spec.Kind != MemberKind.Group) return $"the dataset '{name}' of '{outer.Spec.PropertyName}' (a dataset holds no links)";
            if (outer.Spec.Collection != CollectionKind.None) return $"the group '{name}', which holds the items of '{outer.Spec.PropertyName}'";
            var type = ShapeOf(((IPropertySymbol)outer.Symbol).Type).Element as INamedTypeSymbol;
            return type is null ? null : CollisionIn(type, rest, name, new HashSet<ISymbol>(SymbolEqualityComparer.Default));
        }

        private static string? CollisionIn(INamedTypeSymbol group, string rest, string where, HashSet<ISymbol> seen)
        {
            if (!seen.Add(group)) return null;
            foreach (var property in group.GetMembers().OfType<IPropertySymbol>())
            {
                var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is DatasetAttribute or GroupAttribute or ReferenceAttribute);
                if (attribute is null) continue;
                var name = NameOf(attribute, property);
                var isGroup = attribute.AttributeClass!.ToDisplayString() == GroupAttribute;
                var what = $"the {(isGroup ? "group" : "dataset")} '{where}/{name}' ('{property.Name}' of the group class '{group.Name}')";
                if (name == rest || name.StartsWith(rest + "/", System.StringComparison.Ordinal)) return what;
                if (!rest.StartsWith(name + "/", System.StringComparison.Ordinal)) continue;
                if (!isGroup || IsList(property.Type, out _) || IsDictionaryOfString(property.Type, out _)) return what;
                if (ShapeOf(property.Type).Element is INamedTypeSymbol child
                    && CollisionIn(child, rest.Substring(name.Length + 1), where + "/" + name, seen) is { } deeper) return deeper;
            }
            return null;
        }

        // ReadFrom creates the object with an initializer of the mapped init/required members; a required member it cannot
        // set would be a compiler error in the generated file, so it is reported on the member instead.
        private void CheckRequiredMembers(List<Parsed> members)
        {
            if (_type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.GetAttributes().Any(a =>
                    a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"))) return;
            var mapped = new HashSet<string>(members.Select(m => m.Spec.PropertyName));
            for (var t = _type; t is not null; t = t.BaseType)
                foreach (var symbol in t.GetMembers())
                {
                    var required = symbol is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                    if (required && !mapped.Contains(symbol.Name))
                        Report(DiagnosticDescriptors.UnsupportedAccessor, symbol.Locations.FirstOrDefault(), symbol.Name,
                            $"it is required but not mapped, and ReadFrom creates '{_type.Name}' with an initializer of its mapped members only: map it, remove 'required', or mark the parameterless constructor [SetsRequiredMembers]");
                }
        }
    }
}
