using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Model;
using static Hdf5.Mapping.Generators.CSharpText;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // The static description of the layout a class expects: what validation compares a file with.
    internal static partial class Emitter
    {
        private static void EmitSchema(IndentedWriter w, MappedTypeSpec spec, string access)
        {
            w.Line($"/// <summary>The layout <see cref=\"{spec.Name}\"/> expects in a file: its attributes, datasets (types, ranks, storage, scales)");
            w.Line($"/// and child groups. Check files with <c>Validate</c>; the object model is described in <see cref=\"{Schema}H5GroupSchema\"/>.</summary>");
            w.Line(GeneratedCode);
            w.Open($"{access} static {Schema}H5GroupSchema H5Schema {{ get; }} = new {Schema}H5GroupSchema({Literal(spec.Name)})");
            var groupAttributes = spec.Members.Where(m => m.Kind == MemberKind.Attribute && m.Target is null).ToArray();
            if (groupAttributes.Length > 0)
            {
                w.Open("Attributes =");
                foreach (var a in groupAttributes) w.Line(AttributeSchema(a) + ",");
                w.Close(",");
            }
            var datasets = spec.Members.Where(m => m.Kind is MemberKind.Dataset or MemberKind.Reference).ToArray();
            if (datasets.Length > 0)
            {
                w.Open("Datasets =");
                foreach (var d in datasets) EmitDatasetSchema(w, spec, d);
                w.Close(",");
            }
            var groups = spec.Members.Where(m => m.Kind == MemberKind.Group).ToArray();
            if (groups.Length > 0)
            {
                w.Open("Groups =");
                foreach (var g in groups)
                {
                    var init = new List<string> { $"MemberName = {Literal(g.PropertyName)}" };
                    if (g.Collection != CollectionKind.None) init.Add($"Collection = {Schema}H5GroupCollection.{g.Collection}");
                    if (g.IsOptional) init.Add("IsRequired = false");
                    w.Line($"new {Schema}H5GroupLinkSchema({Literal(g.H5Name)}, {g.ElementType}.H5Schema) {{ {string.Join(", ", init)} }},");
                }
                w.Close(",");
            }
            w.Close(";").Line();
        }

        private static void EmitDatasetSchema(IndentedWriter w, MappedTypeSpec spec, MemberSpec d)
        {
            var type = d.Kind == MemberKind.Reference
                ? (d.Element == ElementKind.MappedRegion ? $"{Schema}H5TypeSchema.RegionReference" : $"{Schema}H5TypeSchema.ObjectReference")
                : d.Element == ElementKind.Region ? $"{Schema}H5TypeSchema.RegionReference"
                : TypeSchema(spec, d);
            var init = DatasetSchemaOptions(d);
            var attributes = AttributesOn(spec, d).ToArray();
            var head = $"new {Schema}H5DatasetSchema({Literal(d.H5Name)}, {type}, {(d.IsLazy ? -1 : d.Rank)})";
            if (attributes.Length == 0)
            {
                w.Line($"{head} {{ {string.Join(", ", init)} }},");
                return;
            }
            w.Open(head);
            foreach (var i in init) w.Line(i + ",");
            w.Open("Attributes =");
            foreach (var a in attributes) w.Line(AttributeSchema(a) + ",");
            w.Close(",");
            w.Close(",");
        }

        private static List<string> DatasetSchemaOptions(MemberSpec d)
        {
            var s = d.Storage;
            var init = new List<string> { $"MemberName = {Literal(d.PropertyName)}" };
            if (d.IsOptional) init.Add("IsRequired = false");
            if (s.Shape.Length > 0) init.Add($"Shape = {LongArray(s.Shape)}");
            if (s.Chunks.Length > 0) init.Add($"Chunks = {LongArray(s.Chunks)}");
            if (s.MaxShape.Length > 0) init.Add($"MaxShape = {LongArray(s.MaxShape)}");
            if (d.ScaleName is not null) init.Add($"ScaleName = {Literal(d.ScaleName)}");
            if (d.RegionOf is not null) init.Add($"RegionOf = {Literal(SchemaPath(d.RegionOf))}");
            if (s.FilterIds.Length > 0) init.Add($"Filters = {{ {string.Join(", ", s.FilterIds)} }}");
            if (d.Scales.Length > 0)
                init.Add("Scales = { " + string.Join(", ", d.Scales.Select(a =>
                    $"new {Schema}H5ScaleAttachmentSchema({a.Dimension}, {Literal(SchemaPath(a.Scale))}{(a.Label is null ? "" : ", " + Literal(a.Label))})")) + " }");
            return init;
        }

        // Schemas name other datasets relative to the group, or from the file's root with a leading '/'.
        private static string SchemaPath(LinkSpec link) => link.Anchor == LinkAnchor.Root ? "/" + link.Path : link.Path;

        private static string AttributeSchema(MemberSpec a)
        {
            var init = $"MemberName = {Literal(a.PropertyName)}{(a.IsOptional ? ", IsRequired = false" : "")}";
            return $"new {Schema}H5AttributeSchema({Literal(a.H5Name)}, {StringOr(a, $"{Schema}H5TypeSchema.Of<{a.ElementType}>()")}, {a.Rank}) {{ {init} }}";
        }

        private static string StringOr(MemberSpec m, string other) =>
            !m.IsString ? other
            : m.String!.IsFixed ? $"{Schema}H5TypeSchema.FixedString({System.Math.Max(0, m.String.FixedLength)})"
            : $"{Schema}H5TypeSchema.VariableString";

        // Compound members are listed with their HDF5 names; everything else is described from the .NET element type.
        private static string TypeSchema(MappedTypeSpec spec, MemberSpec m)
        {
            var compound = spec.Compounds.FirstOrDefault(c => c.TypeRef == m.ElementType);
            if (compound is null) return StringOr(m, $"{Schema}H5TypeSchema.Of<{m.ElementType}>()");
            var fields = compound.Fields.Select(f => $"new {Schema}H5FieldSchema({Literal(f.H5Name)}, {FieldSchema(f)})");
            // A record's stored size depends on its strings and sequences: the schema checks its members only.
            var size = compound.IsRecord ? "0" : $"global::System.Runtime.CompilerServices.Unsafe.SizeOf<{m.ElementType}>()";
            return $"{Schema}H5TypeSchema.Compound({size}, {string.Join(", ", fields)})";
        }

        private static string FieldSchema(FieldSpec f) => f.Kind switch
        {
            FieldKind.String => f.FixedLength > 0 ? $"{Schema}H5TypeSchema.FixedString({f.FixedLength})" : $"{Schema}H5TypeSchema.VariableString",
            FieldKind.Sequence => $"{Schema}H5TypeSchema.Any",
            _ => $"{Schema}H5TypeSchema.Of<{f.TypeRef}>()",
        };
    }
}
