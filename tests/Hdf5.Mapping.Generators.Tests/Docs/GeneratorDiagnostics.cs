using System.Reflection;
using Hdf5.Mapping.Generators;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators.Tests.Docs;

/// <summary>The generator's diagnostic descriptors and the documentation site's address they link to, read from the
/// generator's internal DiagnosticDescriptors class (so the docs tests follow every id it declares).</summary>
internal static class GeneratorDiagnostics
{
    private static readonly Type Descriptors = typeof(MappingGenerator).Assembly
        .GetType("Hdf5.Mapping.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;

    /// <summary>Every descriptor, one per id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = Descriptors
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .DistinctBy(d => d.Id)
        .ToList();

    /// <summary>The site's published address, the start of every help link.</summary>
    public static string SiteBase { get; } =
        (string)Descriptors.GetField("SiteBase", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
}
