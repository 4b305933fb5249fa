using System.Linq;
using Hdf5.Mapping.Generators.Model;
using static Hdf5.Mapping.Generators.CSharpText;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // ReadFrom(group, context): every member is read into a local, then the object is created (init and required members
    // in its initializer), the other members are assigned or filled in place, and references wait for the whole graph.
    internal static partial class Emitter
    {
        private static void EmitReadFrom(IndentedWriter w, MappedTypeSpec spec, string access)
        {
            w.Line($"/// <summary>Reads a <see cref=\"{spec.Name}\"/> as part of a larger graph; references resolve when <paramref name=\"context\"/> completes.</summary>");
            w.Line(Hidden).Line(GeneratedCode);
            w.Open($"{access} static {spec.TypeRef} ReadFrom({H5}H5Group group, {Context} context)");
            w.Line("var path = context.PathOf(group);");
            w.Line("var prefix = path == \"/\" ? \"/\" : path + \"/\";");
            foreach (var m in spec.Members.Where(m => m.Target is null)) EmitRead(w, spec, m);
            w.Line();
            EmitConstruction(w, spec);
            foreach (var m in spec.Members) EmitAssignment(w, spec, m);
            w.Line("return value;");
            w.Close().Line();
        }

        private static void EmitRead(IndentedWriter w, MappedTypeSpec spec, MemberSpec m)
        {
            w.Line();
            w.Line($"// {m.PropertyName} <- {Describe(m)}{AttributesNote(spec, m)}");
            var local = Local(m.PropertyName);
            if (m.Kind == MemberKind.Reference)
            {
                w.Line($"{(m.Element == ElementKind.MappedRegion ? H5 + "H5RegionTarget[]" : "string?[]")}? {local}Targets = null;");
                OpenIfPresent(w, m, $"group.ContainsKey({Literal(m.H5Name)})", LinkPath(m), "object reference dataset");
                var read = m.Element == ElementKind.MappedRegion ? $"{Context}.ReadRegionTargets(dataset)" : $"{Context}.ReadReferenceTargets(dataset)";
                w.Line($"using (var dataset = group.OpenDataset({Literal(m.H5Name)})) {local}Targets = {read};");
                if (m.IsOptional) w.Close();
                return;
            }
            w.Line($"{m.PropertyType} {local} = default!;");
            foreach (var a in AttributesOn(spec, m)) w.Line($"{a.PropertyType} {Local(a.PropertyName)} = default!;");
            switch (m.Kind)
            {
                case MemberKind.Attribute:
                    OpenIfPresent(w, m, $"group.Attrs.ContainsKey({Literal(m.H5Name)})", AttributePath(m), "attribute");
                    EmitAttributeRead(w, m, "group");
                    break;
                case MemberKind.Dataset:
                    OpenIfPresent(w, m, $"group.ContainsKey({Literal(m.H5Name)})", LinkPath(m), "dataset");
                    EmitDatasetRead(w, spec, m);
                    break;
                default:
                    OpenIfPresent(w, m, $"group.ContainsKey({Literal(m.H5Name)})", LinkPath(m), "group");
                    EmitGroupRead(w, m);
                    break;
            }
            if (m.IsOptional) w.Close();
        }

        private static void OpenIfPresent(IndentedWriter w, MemberSpec m, string exists, string where, string what)
        {
            if (m.IsOptional) w.Open($"if ({exists})");
            else w.Line($"if (!{exists}) throw new {MappingException}({where}, \"the required {what} is missing\");");
        }

        private static void EmitAttributeRead(IndentedWriter w, MemberSpec m, string owner)
        {
            var name = Literal(m.H5Name);
            var local = Local(m.PropertyName);
            if (!m.IsString && m.Rank >= 2)
            {
                w.Open($"using (var attribute = {owner}.Attrs.Open({name}))");
                w.Line($"var shape = {Context}.CheckRank(attribute.Shape, {m.Rank}, {AttributePath(m)});");
                w.Line($"var array = new {m.ElementType}[{Dimensions(m.Rank)}];");
                w.Line($"attribute.ReadInto<{m.ElementType}>(array);");
                w.Line($"{local} = array;");
                w.Close();
                return;
            }
            var read = m.IsString ? (m.Rank == 1 ? $"{owner}.Attrs.GetStrings({name})" : $"{owner}.Attrs.GetString({name})")
                : m.Rank == 1 ? $"{owner}.Attrs.GetArray<{m.ElementType}>({name})"
                : $"{owner}.Attrs.Get<{m.ElementType}>({name})";
            w.Line($"{local} = {(m.IsList ? $"new global::System.Collections.Generic.List<{m.ElementType}>({read})" : read)};");
        }

        private static void EmitDatasetRead(IndentedWriter w, MappedTypeSpec spec, MemberSpec m)
        {
            var name = Literal(m.H5Name);
            var local = Local(m.PropertyName);
            if (m.IsLazy)
            {
                // Left open on purpose: the caller reads slices from it; the file's view (Open) disposes it.
                w.Line($"{local} = group.OpenDataset<{m.ElementType}>({name});");
                w.Line($"context.Track({local}, {LinkPath(m)});");
                EmitDatasetAttributesRead(w, spec, m, $"{local}.Dataset");
                return;
            }
            w.Open($"using (var dataset = group.OpenDataset({name}))");
            if (m.Rank >= 4 && !m.IsList)
            {
                w.Line($"var shape = {Context}.CheckRank(dataset.Shape, {m.Rank}, {LinkPath(m)});");
                w.Line($"var array = new {m.ElementType}[{Dimensions(m.Rank)}];");
                w.Line($"dataset.ReadInto<{m.ElementType}>(array);");
                w.Line($"{local} = array;");
            }
            else w.Line($"{local} = {DatasetReadExpression(m)};");
            EmitDatasetAttributesRead(w, spec, m, "dataset");
            w.Close();
            // A get-only collection is tracked once filled: references to the member are to the instance it holds.
            if (m.Element != ElementKind.Region && m.Rank > 0 && m.Assignment != Assignment.FillInPlace) w.Line(Track(m, local));
        }

        // The attributes of the class stored on this dataset, read while it is open.
        private static void EmitDatasetAttributesRead(IndentedWriter w, MappedTypeSpec spec, MemberSpec m, string owner)
        {
            foreach (var a in AttributesOn(spec, m))
            {
                w.Line($"// {a.PropertyName} <- attribute {InComment(a.H5Name)} of this dataset");
                OpenIfPresent(w, a, $"{owner}.Attrs.ContainsKey({Literal(a.H5Name)})", AttributePath(a), "attribute");
                EmitAttributeRead(w, a, owner);
                if (a.IsOptional) w.Close();
            }
        }

        private static string DatasetReadExpression(MemberSpec m)
        {
            if (m.Element == ElementKind.Region)
            {
                var regions = $"context.RegionsOf({Context}.ReadRegionTargets(dataset), {TargetPath(m.RegionOf!, write: false)}, {LinkPath(m)})";
                return m.IsList ? $"new global::System.Collections.Generic.List<{m.ElementType}>({regions})" : regions;
            }
            if (m.Element == ElementKind.Record)
            {
                var records = $"dataset.Read({H5}H5ElementType.Of<{m.ElementType}>())";
                return m.IsList ? $"new global::System.Collections.Generic.List<{m.ElementType}>({records})" : records;
            }
            if (m.Rank == 0) return m.IsString ? "dataset.ReadScalarString()" : $"dataset.ReadScalar<{m.ElementType}>()";
            if (m.IsList) return $"new global::System.Collections.Generic.List<{m.ElementType}>({(m.IsString ? "dataset.ReadStrings()" : $"dataset.Read<{m.ElementType}>()")})";
            if (m.IsString) return "dataset.ReadStrings()";
            return m.Rank switch
            {
                1 => $"dataset.Read<{m.ElementType}>()",
                2 => $"dataset.Read2D<{m.ElementType}>()",
                _ => $"dataset.Read3D<{m.ElementType}>()",
            };
        }

        private static void EmitGroupRead(IndentedWriter w, MemberSpec m)
        {
            var name = Literal(m.H5Name);
            var local = Local(m.PropertyName);
            if (m.Collection == CollectionKind.None)
            {
                w.Open($"using (var child = group.OpenGroup({name}))");
                w.Line($"context.EnterChild({LinkPath(m)});");
                w.Line($"{local} = {m.ElementType}.ReadFrom(child, context);");
                w.Close();
                return;
            }
            // A collection of groups: one child group per item, named "0", "1", ... for a list, by key for a dictionary.
            var list = m.Collection == CollectionKind.List;
            w.Open($"using (var children = group.OpenGroup({name}))");
            w.Line(list ? $"var items = new global::System.Collections.Generic.List<{m.ElementType}>();"
                : $"var items = new global::System.Collections.Generic.Dictionary<string, {m.ElementType}>();");
            if (list)
            {
                w.Open("for (int i = 0; ; i++)");
                w.Line("var key = i.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
                w.Line("if (!children.ContainsKey(key)) break;");
            }
            else w.Open("foreach (var key in children.Keys)");
            w.Open("using (var child = children.OpenGroup(key))");
            w.Line($"context.EnterChild(prefix + {Literal(m.H5Name + "/")} + key);");
            w.Line(list ? $"items.Add({m.ElementType}.ReadFrom(child, context));" : $"items[key] = {m.ElementType}.ReadFrom(child, context);");
            w.Close();
            w.Close();
            w.Line($"{local} = items;");
            w.Close();
        }

        private static void EmitConstruction(IndentedWriter w, MappedTypeSpec spec)
        {
            var init = spec.Members.Where(m => m.Assignment == Assignment.Init).ToArray();
            if (init.Length == 0) w.Line($"var value = new {spec.TypeRef}();");
            else
            {
                w.Open($"var value = new {spec.TypeRef}");
                foreach (var m in init) w.Line($"{m.PropertyName} = {Local(m.PropertyName)},");
                w.Close(";");
            }
            w.Line("context.Track(value, path);");
        }

        private static void EmitAssignment(IndentedWriter w, MappedTypeSpec spec, MemberSpec m)
        {
            var local = Local(m.PropertyName);
            if (m.Kind == MemberKind.Reference)
            {
                EmitDeferredResolve(w, m);
                return;
            }
            var optional = m.IsOptional || (m.Target is not null && Host(spec, m).IsOptional);
            if (m.Assignment == Assignment.Set)
                w.Line(optional ? $"if ({local} is not null) value.{m.PropertyName} = {local};" : $"value.{m.PropertyName} = {local};");
            else if (m.Assignment == Assignment.FillInPlace)
            {
                if (optional) w.Open($"if ({local} is not null)");
                else w.Block();
                EmitFill(w, m, local);
                w.Close();
            }
        }

        // A get-only List<T> or Dictionary<string, T> keeps its instance: cleared, then filled with what was read.
        private static void EmitFill(IndentedWriter w, MemberSpec m, string items)
        {
            w.Line($"var target = value.{m.PropertyName} ?? throw new {MappingException}({(m.Kind == MemberKind.Attribute ? AttributePath(m) : LinkPath(m))}, " +
                $"\"the get-only collection {m.PropertyName} is null: initialize it (= new()) so ReadFrom can fill it\");");
            w.Line("target.Clear();");
            w.Line(m.Collection == CollectionKind.Dictionary ? $"foreach (var pair in {items}) target[pair.Key] = pair.Value;" : $"target.AddRange({items});");
            if (m.Kind == MemberKind.Dataset && m.Element != ElementKind.Region) w.Line(Track(m, "target"));
        }

        private static string Track(MemberSpec m, string value) =>
            m.Element is ElementKind.String or ElementKind.Record ? $"context.Track({value}, {LinkPath(m)});" : $"context.Track<{m.ElementType}>({value}, {LinkPath(m)});";

        // References become objects once the whole graph is read (a target may be read after this member, or by another class).
        private static void EmitDeferredResolve(IndentedWriter w, MemberSpec m)
        {
            var local = Local(m.PropertyName);
            var referrer = LinkPath(m);
            var resolved = m.Element == ElementKind.MappedRegion ? $"context.ResolveRegions({local}Found, {referrer})"
                : m.Collection == CollectionKind.None ? $"context.ResolveOne<{m.ElementType}>({local}Found, {referrer})"
                : $"context.Resolve<{m.ElementType}>({local}Found, {referrer})";
            var element = m.Element == ElementKind.MappedRegion ? H5 + "H5MappedRegion" : m.ElementType;
            w.Open($"if ({local}Targets is {{ }} {local}Found)");
            if (m.Assignment == Assignment.FillInPlace)
            {
                w.Open("context.Defer(() =>");
                EmitFill(w, m, resolved + "!");
                w.Close(");");
            }
            else
            {
                var value = m.Collection == CollectionKind.List ? $"new global::System.Collections.Generic.List<{element}>({resolved}!)"
                    : m.Collection == CollectionKind.Array ? $"{resolved}!" : resolved;
                w.Line($"context.Defer(() => value.{m.PropertyName} = {value});");
            }
            w.Close();
        }

        private static string Dimensions(int rank) => string.Join(", ", Enumerable.Range(0, rank).Select(i => $"shape[{i}]"));
    }
}
