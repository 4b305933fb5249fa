using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Diagnostics;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // The class itself: partial (with every type it is nested in), a class or record class, not generic, reachable
    // by the code the generator writes, and creatable with 'new T()'.
    internal sealed partial class Parser
    {
        private MappedTypeSpec? ParseDeclaration()
        {
            var syntax = (TypeDeclarationSyntax)_context.TargetNode;
            var where = syntax.Identifier.GetLocation();
            var attribute = _isFile ? "H5File" : "H5Group";
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(DiagnosticDescriptors.ClassNotPartial, where, _type.Name,
                    $"it is marked [{attribute}], so add the 'partial' modifier for the generator to add Read and Write");
                return null;
            }
            if (ShapeProblem(_type, syntax) is { } problem)
            {
                Report(DiagnosticDescriptors.UnsupportedClass, where, _type.Name, problem);
                return null;
            }
            if (ConstructionProblem() is { } construction)
                Report(DiagnosticDescriptors.NoParameterlessConstructor, where, _type.Name, construction);
            var containing = ContainingTypes();
            if (containing is null) return null;
            return new MappedTypeSpec
            {
                Namespace = _type.ContainingNamespace.IsGlobalNamespace ? null : _type.ContainingNamespace.ToDisplayString(),
                Name = _type.Name,
                TypeRef = Global(_type),
                Keyword = _type.IsRecord ? "record" : "class",
                ContainingTypes = containing.Value,
                IsFile = _isFile,
                LibverLow = _isFile && _context.Attributes.Length > 0 ? (H5LibraryVersion)Named<int>(_context.Attributes[0], nameof(H5FileAttribute.LibverLow)) : default,
                IsPublic = _type.DeclaredAccessibility == Accessibility.Public,
            };
        }

        private static string? ShapeProblem(INamedTypeSymbol type, TypeDeclarationSyntax syntax)
        {
            if (syntax is RecordDeclarationSyntax record && record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword))
                return "a record struct is a value type, and mapped objects are read once and referenced by identity: declare a 'partial record class'";
            if (type.IsStatic) return "a static class has no instances to read or write: remove 'static'";
            if (type.IsGenericType || Outer(type).Any(t => t.IsGenericType))
                return "generic classes (and classes nested in generic types) cannot be mapped: the generated code names every member's type; declare a non-generic class";
            if (syntax.Modifiers.Any(SyntaxKind.FileKeyword))
                return "a file-local class cannot be completed from the generator's file: remove 'file' (make it internal)";
            foreach (var t in Outer(type).Prepend(type))
                if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                    return $"'{t.Name}' is {Describe(t.DeclaredAccessibility)}, and the code generated for other mapped classes must reach it: make it internal or public";
            return null;
        }

        private string? ConstructionProblem()
        {
            if (_type.IsAbstract) return "it is abstract: map a concrete class";
            var ok = _type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private);
            return ok ? null : "it has no accessible parameterless constructor; add one (it may be internal or protected internal)";
        }

        // The types the class is nested in, outermost first; each must be partial so the generated file can declare it again.
        private EquatableArray<ContainingTypeSpec>? ContainingTypes()
        {
            var outer = Outer(_type).Reverse().ToArray();
            var specs = new List<ContainingTypeSpec>();
            foreach (var t in outer)
            {
                var declaration = t.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_ct)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
                if (declaration is null || !t.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_ct)).OfType<TypeDeclarationSyntax>()
                        .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    Report(DiagnosticDescriptors.ClassNotPartial, declaration?.Identifier.GetLocation() ?? t.Locations.FirstOrDefault(), t.Name,
                        $"'{_type.Name}' is nested in it, and the generator declares the types a mapped class is nested in again: add 'partial' to '{t.Name}'");
                    return null;
                }
                specs.Add(new ContainingTypeSpec(Keyword(declaration), t.Name, t.IsStatic));
            }
            return new EquatableArray<ContainingTypeSpec>(specs.ToArray());
        }

        private static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
        {
            RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            InterfaceDeclarationSyntax => "interface",
            _ => "class",
        };

        /// <summary>Why a mapped group class another class uses would not be generated (so calling it would not compile),
        /// or null when it will be.</summary>
        private string? GroupClassProblem(INamedTypeSymbol group)
        {
            var declarations = group.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_ct)).OfType<TypeDeclarationSyntax>().ToArray();
            if (declarations.Length == 0) return null; // from a referenced assembly: generated there
            if (!declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword))) return $"'{group.Name}' is not partial (H5M001)";
            foreach (var t in Outer(group))
                if (!t.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_ct)).OfType<TypeDeclarationSyntax>().Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
                    return $"'{group.Name}' is nested in '{t.Name}', which is not partial (H5M001)";
            return ShapeProblem(group, declarations[0]) is { } problem ? $"'{group.Name}' cannot be mapped (H5M020): {problem}" : null;
        }

        private static IEnumerable<INamedTypeSymbol> Outer(INamedTypeSymbol type)
        {
            for (var t = type.ContainingType; t is not null; t = t.ContainingType) yield return t;
        }

        private static string Describe(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => accessibility.ToString().ToLowerInvariant(),
        };
    }
}
