using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hdf5.Mapping.Generators.Model;

/// <summary>A diagnostic held by value (a Location would keep the syntax tree alive and break caching).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var tree = location?.SourceTree;
        return new DiagnosticInfo(descriptor, tree?.FilePath ?? "", location?.SourceSpan ?? default,
            location?.GetLineSpan().Span ?? default, new EquatableArray<string>(arguments));
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan), System.Linq.Enumerable.ToArray<object>(Arguments));
}

/// <summary>The result of parsing one class: a spec when it can be generated, and the diagnostics found. When only its
/// members are wrong, <paramref name="Stub"/> declares the class so that other mapped classes that use it still compile
/// (the build fails on the diagnostics, not on errors in generated files).</summary>
internal sealed record ParseResult(MappedTypeSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, MappedTypeSpec? Stub = null);
