using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators;

/// <summary>
/// Turns classes marked [H5File] or [H5Group] into typed HDF5 readers and writers. The pipeline only: symbols
/// become value-equal specs in <see cref="Parser"/>, specs become source text in <see cref="Emitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class MappingGenerator : IIncrementalGenerator
{
    internal const string FileAttribute = "Hdf5.Mapping.H5FileAttribute";
    internal const string GroupAttribute = "Hdf5.Mapping.H5GroupAttribute";

    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        /// <summary>[H5File] classes parsed to specs.</summary>
        public const string Files = "H5M.Files";
        /// <summary>[H5Group] classes parsed to specs.</summary>
        public const string Groups = "H5M.Groups";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.SyntaxProvider.ForAttributeWithMetadataName(
                FileAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, isFile: true, ct))
            .WithTrackingName(Steps.Files);
        var groups = context.SyntaxProvider.ForAttributeWithMetadataName(
                GroupAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, isFile: false, ct))
            .WithTrackingName(Steps.Groups);

        context.RegisterSourceOutput(files, static (spc, result) => Report(spc, result));
        context.RegisterSourceOutput(groups, static (spc, result) => Report(spc, result));
    }

    private static void Report(SourceProductionContext context, Model.ParseResult result)
    {
        foreach (var diagnostic in result.Diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic());
        if (result.Spec is { } spec)
            context.AddSource(Emitter.HintName(spec), Emitter.Emit(spec));
    }
}
