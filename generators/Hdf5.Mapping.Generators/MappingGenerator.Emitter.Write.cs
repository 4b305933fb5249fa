using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Model;
using static Hdf5.Mapping.Generators.CSharpText;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // WriteTo(group, context): members in declaration order through the context (which writes in place when a live view
    // saves), each dataset opened once for the attributes stored on it; then the scales of this group; then, once the
    // whole graph exists, references, regions and scales that name other objects.
    internal static partial class Emitter
    {
        private static void EmitWriteTo(IndentedWriter w, MappedTypeSpec spec, string access)
        {
            w.Line($"/// <summary>Writes this object's members into <paramref name=\"group\"/> as part of a larger graph; references, regions and");
            w.Line($"/// scales that name other objects are written when <paramref name=\"context\"/> completes.</summary>");
            w.Line(Hidden).Line(GeneratedCode);
            w.Open($"{access} void WriteTo({H5}H5Group group, {Context} context)");
            w.Line("var path = context.PathOf(group);");
            w.Line("var prefix = path == \"/\" ? \"/\" : path + \"/\";");
            w.Line("context.Track(this, path);");
            var deferred = spec.Members.Where(IsDeferred).ToArray();
            var crossScales = spec.Members.Where(m => m.Scales.Any(s => s.Scale.Anchor != LinkAnchor.SameGroup)).ToArray();
            if (deferred.Length > 0 || crossScales.Length > 0) w.Line("var file = group.File;");
            foreach (var m in spec.Members.Where(m => m.Target is null && !IsDeferred(m))) EmitWrite(w, spec, m);
            EmitScales(w, spec);
            foreach (var m in deferred) EmitDeferredWrite(w, m);
            foreach (var m in crossScales) EmitDeferredScales(w, m);
            w.Close();
        }

        private static bool IsDeferred(MemberSpec m) => m.Kind == MemberKind.Reference || m.Element == ElementKind.Region;

        /// <summary>Opens the member's value: returns the expression for it (a null optional member skips the block).</summary>
        private static string BeginValue(IndentedWriter w, MemberSpec m, string where)
        {
            var local = Local(m.PropertyName);
            if (m.IsOptional)
            {
                w.Open($"if (this.{m.PropertyName} is {{ }} {local})");
                return local;
            }
            var isValue = m.Element is ElementKind.Value or ElementKind.Compound && m.Rank == 0 && m.Collection == CollectionKind.None;
            if (isValue) return $"this.{m.PropertyName}";
            w.Line($"var {local} = this.{m.PropertyName} ?? throw new {MappingException}({where}, \"the required member {m.PropertyName} is null\");");
            return local;
        }

        /// <summary>Closes the block of an optional member; when a live view saves, a member now null is removed from the file.</summary>
        private static void EndValue(IndentedWriter w, MemberSpec m, string absent)
        {
            if (!m.IsOptional) return;
            w.Close();
            w.Line($"else {absent};");
        }

        private static void EmitWrite(IndentedWriter w, MappedTypeSpec spec, MemberSpec m)
        {
            w.Line();
            w.Line($"// {m.PropertyName} -> {Describe(m)}{AttributesNote(spec, m)}");
            var name = Literal(m.H5Name);
            switch (m.Kind)
            {
                case MemberKind.Attribute:
                    var attribute = BeginValue(w, m, AttributePath(m));
                    w.Line(AttributeWrite(m, "group", attribute) + ";");
                    EndValue(w, m, $"context.RemoveAttribute(group, {name})");
                    break;
                case MemberKind.Dataset:
                    var data = BeginValue(w, m, LinkPath(m));
                    EmitDatasetWrite(w, spec, m, data);
                    EndValue(w, m, $"context.Remove(group, {name})");
                    break;
                default:
                    var groups = BeginValue(w, m, LinkPath(m));
                    EmitGroupWrite(w, m, groups);
                    EndValue(w, m, $"context.Remove(group, {name})");
                    break;
            }
        }

        private static string AttributeWrite(MemberSpec m, string owner, string value)
        {
            var name = Literal(m.H5Name);
            if (m.IsString) return $"context.SetAttribute({owner}, {name}, {value}, {StringFormat(m.String!)})";
            if (m.Rank == 0) return $"context.SetAttribute<{m.ElementType}>({owner}, {name}, {value})";
            return m.IsList ? $"context.SetAttribute<{m.ElementType}>({owner}, {name}, {value})"
                : $"context.SetAttribute<{m.ElementType}>({owner}, {name}, (global::System.Array){value})";
        }

        private static string StringFormat(StringSpec s) => !s.IsFixed ? $"{H5}H5StringFormat.Variable"
            : $"new {H5}H5StringFormat({(s.FixedLength == H5FixedLength.OfValue ? $"{H5}H5FixedLength.OfValue" : s.FixedLength.ToString())}, {H5}H5CharSet.{s.CharSet}, {H5}H5StringPadding.{s.Padding})";

        private static void EmitDatasetWrite(IndentedWriter w, MappedTypeSpec spec, MemberSpec m, string value)
        {
            var args = $"group, {Literal(m.H5Name)}, {LinkPath(m)}, {value}";
            // A lazy dataset is a view of a file: writing it elsewhere copies its elements, shape and type.
            var write = m.IsLazy ? $"context.WriteLazy<{m.ElementType}>({args})"
                : m.Rank == 0
                ? (m.IsString ? $"context.WriteString({args}, {StringFormat(m.String!)})" : $"context.WriteScalar<{m.ElementType}>({args})")
                : m.IsString ? $"context.WriteStrings({args}, {StringFormat(m.String!)}{Options(m)})"
                : m.Element == ElementKind.Record ? $"context.WriteRecords<{m.ElementType}>({args}{Options(m)})"
                : $"context.WriteDataset<{m.ElementType}>({args}{Options(m)})";
            var attributes = AttributesOn(spec, m).ToArray();
            if (attributes.Length == 0)
            {
                w.Line($"{write}.Dispose();");
                return;
            }
            w.Open($"using (var dataset = {write})");
            foreach (var a in attributes)
            {
                w.Line($"// {a.PropertyName} -> attribute {InComment(a.H5Name)} of this dataset");
                var attribute = BeginValue(w, a, AttributePath(a));
                w.Line(AttributeWrite(a, "dataset", attribute) + ";");
                EndValue(w, a, $"context.RemoveAttribute(dataset, {Literal(a.H5Name)})");
            }
            w.Close();
        }

        private static string Options(MemberSpec m)
        {
            var s = m.Storage;
            if (!s.HasOptions) return "";
            var init = new List<string>();
            if (s.Chunks.Length > 0) init.Add($"Chunks = {LongArray(s.Chunks)}");
            if (s.MaxShape.Length > 0) init.Add($"MaxShape = {LongArray(s.MaxShape)}");
            if (s.Layout != H5DatasetLayout.Auto) init.Add($"Layout = {H5}H5Layout.{s.Layout}");
            var options = $"new {H5}H5DatasetOptions {{ {string.Join(", ", init)} }}";
            var filters = new List<string>();
            if (s.Shuffle) filters.Add($"{H5}H5Filter.Shuffle()");
            if (s.Filter != H5FilterKind.None) filters.Add($"{H5}H5Filter.Of({H5}H5FilterKind.{s.Filter}{(s.FilterLevel == 0 ? "" : ", " + s.FilterLevel)})");
            if (filters.Count > 0) options += $".With({string.Join(", ", filters)})";
            if (s.FillValue is not null) options += $".WithFillValue<{m.ElementType}>({s.FillValue})";
            return ", " + options;
        }

        private static void EmitGroupWrite(IndentedWriter w, MemberSpec m, string value)
        {
            var name = Literal(m.H5Name);
            if (m.Collection == CollectionKind.None)
            {
                w.Open($"using (var child = group.RequireGroup({name}))");
                w.Line($"context.EnterChild({LinkPath(m)});");
                w.Line($"{value}.WriteTo(child, context);");
                w.Close();
                return;
            }
            var list = m.Collection == CollectionKind.List;
            w.Open($"using (var children = group.RequireGroup({name}))");
            if (list)
            {
                w.Open($"for (int i = 0; i < {value}.Count; i++)");
                w.Line("var key = i.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            }
            else
            {
                w.Open($"foreach (var pair in {value})");
                w.Line($"var key = {Context}.ChildKey(pair.Key, {LinkPath(m)});");
            }
            w.Open("using (var child = children.RequireGroup(key))");
            w.Line($"context.EnterChild(prefix + {Literal(m.H5Name + "/")} + key);");
            w.Line(list ? $"{value}[i].WriteTo(child, context);" : "pair.Value.WriteTo(child, context);");
            w.Close();
            w.Close();
            w.Line(list ? $"context.RemoveItemsFrom(children, {value}.Count);" : $"context.RemoveKeysOtherThan(children, {value}.Keys);");
            w.Close();
        }

        // Scales of this group are made, then attached, once every dataset of the group exists.
        private static void EmitScales(IndentedWriter w, MappedTypeSpec spec)
        {
            var scales = spec.Members.Where(m => m.ScaleName is not null && m.Target is null).ToArray();
            var hosts = spec.Members.Where(m => m.Scales.Any(s => s.Scale.Anchor == LinkAnchor.SameGroup)).ToArray();
            if (scales.Length == 0 && hosts.Length == 0) return;
            w.Line();
            w.Line("// Dimension scales (H5DS) of this group: made and attached once every dataset exists");
            foreach (var m in scales)
            {
                var make = $"using (var scale = group.OpenDataset({Literal(m.H5Name)})) context.MakeScale(scale, {Literal(m.ScaleName!)});";
                w.Line(m.IsOptional ? $"if (this.{m.PropertyName} is not null) {make}" : make);
            }
            foreach (var m in hosts)
            {
                if (m.IsOptional) w.Open($"if (this.{m.PropertyName} is not null)");
                w.Open($"using (var host = group.OpenDataset({Literal(m.H5Name)}))");
                foreach (var a in m.Scales.Where(s => s.Scale.Anchor == LinkAnchor.SameGroup))
                {
                    var attach = $"using (var scale = group.OpenDataset({Literal(a.Scale.Path)})) context.AttachScale(host, {a.Dimension}, scale, {(a.Label is null ? "null" : Literal(a.Label))});";
                    w.Line(a.Scale.IsOptional ? $"if (this.{a.Scale.Property} is not null) {attach}" : attach);
                }
                w.Close();
                if (m.IsOptional) w.Close();
            }
        }

        // References and regions: written once every object of the graph has its path (a target may be written later,
        // or by another class).
        private static void EmitDeferredWrite(IndentedWriter w, MemberSpec m)
        {
            w.Line();
            w.Line($"// {m.PropertyName} -> {Describe(m)}, once the whole graph is written");
            var name = Literal(m.H5Name);
            var value = BeginValue(w, m, LinkPath(m));
            var referrer = LinkPath(m);
            var refs = m.Element switch
            {
                ElementKind.Region => $"context.RegionReferencesInto(file, {TargetPath(m.RegionOf!, write: true)}, {value}, {referrer})",
                ElementKind.MappedRegion => $"context.RegionReferencesTo(file, {value}, {referrer})",
                _ when m.Collection == CollectionKind.None => $"context.ReferenceTo(file, {value}, {referrer})",
                _ => $"context.ReferencesTo<{m.ElementType}>(file, {value}, {referrer})",
            };
            var write = m.Element is ElementKind.Region or ElementKind.MappedRegion ? "WriteRegionReferences"
                : m.Collection == CollectionKind.None ? "WriteReference" : "WriteReferences";
            w.Open("context.Defer(() =>");
            w.Line("using var owner = file.OpenGroup(path);");
            w.Line($"context.{write}(owner, {name}, {refs});");
            w.Close(");");
            EndValue(w, m, $"context.Remove(group, {name})");
        }

        private static void EmitDeferredScales(IndentedWriter w, MemberSpec m)
        {
            w.Line();
            w.Line($"// Scales of other groups attached to {InComment(m.H5Name)}, once the whole graph is written");
            if (m.IsOptional) w.Open($"if (this.{m.PropertyName} is not null)");
            foreach (var a in m.Scales.Where(s => s.Scale.Anchor != LinkAnchor.SameGroup))
                w.Line($"context.Defer(() => context.AttachScale(file, {LinkPath(m)}, {a.Dimension}, {TargetPath(a.Scale, write: true)}, {(a.Label is null ? "null" : Literal(a.Label))}));");
            if (m.IsOptional) w.Close();
        }
    }
}
