using System.Linq;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hdf5.Mapping.Generators;

/// <summary>
/// Turns classes marked [H5File] or [H5Group] into typed HDF5 readers and writers. The pipeline only: symbols
/// become value-equal specs in <see cref="Parser"/>, specs become source text in <see cref="Emitter"/>; the structs
/// every class stores are collected once, so each compound type is registered once per compilation.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class MappingGenerator : IIncrementalGenerator
{
    internal const string FileAttribute = "Hdf5.Mapping." + nameof(H5FileAttribute);
    internal const string GroupAttribute = "Hdf5.Mapping." + nameof(H5GroupAttribute);

    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        /// <summary>[H5File] classes parsed to specs.</summary>
        public const string Files = "H5M.Files";
        /// <summary>[H5Group] classes parsed to specs.</summary>
        public const string Groups = "H5M.Groups";
        /// <summary>The compound structs of every mapped class, gathered for one registration.</summary>
        public const string Compounds = "H5M.Compounds";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.SyntaxProvider.ForAttributeWithMetadataName(FileAttribute, static (node, _) => IsClass(node),
                static (ctx, ct) => Parser.Parse(ctx, isFile: true, ct))
            .WithTrackingName(Steps.Files);
        var groups = context.SyntaxProvider.ForAttributeWithMetadataName(GroupAttribute, static (node, _) => IsClass(node),
                static (ctx, ct) => Parser.Parse(ctx, isFile: false, ct))
            .WithTrackingName(Steps.Groups);

        context.RegisterSourceOutput(files, static (spc, result) => Report(spc, result));
        context.RegisterSourceOutput(groups, static (spc, result) => Report(spc, result));

        var compounds = files.Collect().Combine(groups.Collect())
            .Select(static (all, _) => new EquatableArray<CompoundSpec>(all.Left.Concat(all.Right)
                .SelectMany(r => r.Spec?.Compounds ?? EquatableArray<CompoundSpec>.Empty)
                .GroupBy(c => c.TypeRef).Select(g => g.First()).OrderBy(c => c.TypeRef, System.StringComparer.Ordinal).ToArray()))
            .WithTrackingName(Steps.Compounds);
        context.RegisterSourceOutput(compounds, static (spc, structs) =>
        {
            if (structs.Length > 0) spc.AddSource(Emitter.CompoundTypesHintName, Emitter.EmitCompoundTypes(structs));
        });
    }

    // Classes and record classes; record structs are parsed too, to be reported (H5M020).
    private static bool IsClass(SyntaxNode node) => node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    private static void Report(SourceProductionContext context, ParseResult result)
    {
        foreach (var diagnostic in result.Diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic());
        if (result.Spec is { } spec)
            context.AddSource(Emitter.HintName(spec), Emitter.Emit(spec));
        else if (result.Stub is { } stub)
            context.AddSource(Emitter.HintName(stub), Emitter.EmitStub(stub));
    }
}
