using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hdf5.Mapping.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    /// <summary>Symbols → <see cref="MappedTypeSpec"/> and diagnostics, in named steps: the declaration, each member,
    /// the links between members (attributes on datasets, regions, scales), then the checks across members. One
    /// instance parses one class; nothing symbolic leaves it.</summary>
    internal sealed partial class Parser
    {
        private const string Namespace = "Hdf5.Mapping.";
        private const string AttributeAttribute = Namespace + nameof(H5AttributeAttribute);
        private const string DatasetAttribute = Namespace + nameof(H5DatasetAttribute);
        private const string ReferenceAttribute = Namespace + nameof(H5ReferenceAttribute);
        private const string DimensionScaleAttribute = Namespace + nameof(Hdf5.Mapping.DimensionScaleAttribute);
        private const string AttachScaleAttribute = Namespace + nameof(Hdf5.Mapping.AttachScaleAttribute);
        private const string FieldAttribute = Namespace + nameof(H5FieldAttribute);

        private static readonly string[] MemberAttributes = [AttributeAttribute, DatasetAttribute, GroupAttribute, ReferenceAttribute];

        private readonly GeneratorAttributeSyntaxContext _context;
        private readonly INamedTypeSymbol _type;
        private readonly bool _isFile;
        private readonly CancellationToken _ct;
        private readonly List<DiagnosticInfo> _diagnostics = [];
        private readonly Dictionary<string, CompoundSpec> _compounds = [];

        private Parser(GeneratorAttributeSyntaxContext context, bool isFile, CancellationToken ct)
        {
            _context = context;
            _type = (INamedTypeSymbol)context.TargetSymbol;
            _isFile = isFile;
            _ct = ct;
        }

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, bool isFile, CancellationToken ct) =>
            new Parser(context, isFile, ct).Run();

        private ParseResult Run()
        {
            var declaration = ParseDeclaration();
            if (declaration is null) return Result(null);
            var members = ParseMembers();
            members = ResolveDatasetAttributes(members);
            members = ResolveRegions(members);
            members = ResolveScales(members);
            CheckCollisions(members);
            CheckRequiredMembers(members);
            var spec = declaration with
            {
                Members = new EquatableArray<MemberSpec>(members.Select(m => m.Spec).ToArray()),
                Compounds = new EquatableArray<CompoundSpec>(_compounds.Values.ToArray()),
            };
            return Result(spec, stub: declaration);
        }

        private ParseResult Result(MappedTypeSpec? spec, MappedTypeSpec? stub = null)
        {
            var failed = _diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            return new(failed ? null : spec, new EquatableArray<DiagnosticInfo>(_diagnostics.ToArray()), failed ? stub : null);
        }

        private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        /// <summary>A member while it is parsed: its spec, and what later steps need from the symbols.</summary>
        private sealed class Parsed(MemberSpec spec, ISymbol symbol, AttributeData attribute, Location? location)
        {
            public MemberSpec Spec { get; set; } = spec;
            public ISymbol Symbol { get; } = symbol;
            public AttributeData Attribute { get; } = attribute;
            public Location? Location { get; } = location;
            /// <summary>The declared RegionOf, before it is resolved.</summary>
            public string? RegionOfName { get; set; }
            public List<(AttributeData Attribute, Location? Location)> Attaches { get; } = [];
        }

        private Location? LocationOf(AttributeData attribute, ISymbol symbol) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(_ct).GetLocation() ?? symbol.Locations.FirstOrDefault();

        private static T? Named<T>(AttributeData attribute, string name) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is T v ? v : default;

        private static bool HasNamed(AttributeData attribute, string name) => attribute.NamedArguments.Any(a => a.Key == name);

        private static long[] LongsOf(AttributeData attribute, string name)
        {
            var arg = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
            return arg.Kind == TypedConstantKind.Array ? arg.Values.Select(v => System.Convert.ToInt64(v.Value)).ToArray() : System.Array.Empty<long>();
        }

        private static string NameOf(AttributeData attribute, ISymbol member) =>
            attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string s ? s : member.Name;

        private static bool Has(ISymbol symbol, string attribute) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

        private static AttributeData? Find(ISymbol symbol, string attribute) =>
            symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attribute);
    }
}
