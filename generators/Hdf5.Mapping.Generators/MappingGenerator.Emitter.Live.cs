using System.Linq;
using Hdf5.Mapping.Generators.Model;
using static Hdf5.Mapping.Generators.CSharpText;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // Live files: an [H5File] class with datasets whose first dimension is unlimited (MaxShape = { -1, ... }) can be
    // written by one SWMR writer while others follow it. The reader's view grows those members on Refresh(); the
    // writer appends rows to them. Only the class's own members take part (not those of its child groups).
    internal static partial class Emitter
    {
        /// <summary>Whether a member grows under SWMR: a data dataset of the class itself, unlimited along its first dimension.</summary>
        private static bool Grows(MemberSpec m) =>
            m.HoldsData && !m.IsString && m.Rank >= 1 && m.Collection is CollectionKind.None or CollectionKind.List
            && m.Storage.MaxShape.Length > 0 && m.Storage.MaxShape[0] == -1;

        private static void EmitLive(IndentedWriter w, MappedTypeSpec spec, string access)
        {
            var growing = spec.Members.Where(Grows).ToArray();
            if (!spec.IsFile || growing.Length == 0) return;
            var list = string.Join(", ", growing.Select(m => $"<see cref=\"{m.PropertyName}\"/>"));

            w.Line($"/// <summary>Opens a file a SWMR writer is appending to, for SWMR reading (h5py: <c>File(path, \"r\", swmr=True)</c>):");
            w.Line($"/// <see cref=\"{H5}H5Mapped{{T}}.Refresh\"/> grows {list} with the rows the writer has flushed since.</summary>");
            w.Line(GeneratedCode);
            w.Open($"{access} static {H5}H5Mapped<{spec.TypeRef}> OpenSwmrReader(string path)");
            w.Line($"var file = {H5}H5File.Open(path, {H5}H5FileMode.ReadOnly, new {H5}H5FileOptions {{ Swmr = true }});");
            EmitMappedViewOrDisposeFile(w, $"var context = new {Context}();",
                $"return new {H5}H5Mapped<{spec.TypeRef}>(file, ReadRoot(file, context), context, null, static (value, group) => value.RefreshFrom(group));");

            EmitRefresh(w, spec, access, growing);

            w.Line($"/// <summary>Writes this object to a new file in the format SWMR needs and starts SWMR writing before the file replaces");
            w.Line($"/// <paramref name=\"path\"/> (see <see cref=\"{H5}H5File.CreateForSwmrWrite\"/>): the writer appends rows to {list},");
            w.Line("/// and readers follow with <see cref=\"OpenSwmrReader\"/>.</summary>");
            w.Line(GeneratedCode);
            w.Open($"{access} SwmrWriter CreateSwmrWriter(string path)");
            w.Line($"var file = {H5}H5File.CreateForSwmrWrite(path, WriteTo);");
            EmitWriterOver(w);
            w.Close().Line();

            w.Line($"/// <summary>Opens an existing file of this type for SWMR writing, to append rows to {list}.</summary>");
            w.Line(GeneratedCode);
            w.Open($"{access} static SwmrWriter OpenSwmrWriter(string path)");
            w.Line($"var options = {H5}H5FileOptions.ForSwmr();");
            w.Line("options.Swmr = true;");
            w.Line($"var file = {H5}H5File.Open(path, {H5}H5FileMode.ReadWrite, options);");
            EmitWriterOver(w);
            w.Close().Line();

            EmitSwmrWriter(w, spec, access, growing);
        }

        private static void EmitWriterOver(IndentedWriter w)
        {
            w.Open("try");
            w.Line("return new SwmrWriter(file);");
            w.Close();
            w.Open("catch");
            w.Line("file.Dispose();");
            w.Line("throw;");
            w.Close();
        }

        // Re-reads only the rows appended since: each growing member's dataset is opened, refreshed and read from its old end.
        private static void EmitRefresh(IndentedWriter w, MappedTypeSpec spec, string access, MemberSpec[] growing)
        {
            w.Line("/// <summary>Grows the members whose first dimension is unlimited with the rows appended to their datasets since they were read,");
            w.Line("/// reading only those rows, and refreshes lazy members; returns whether any member grew.</summary>");
            w.Line(Hidden).Line(GeneratedCode);
            w.Open($"{access} bool RefreshFrom({H5}H5Group group)");
            w.Line("var grew = false;");
            foreach (var m in growing)
            {
                var name = Literal(m.H5Name);
                var current = m.IsOptional ? Local(m.PropertyName) : $"this.{m.PropertyName}";
                w.Line();
                w.Line($"// {m.PropertyName} <- rows appended to dataset {InComment(m.H5Name)}");
                if (m.IsOptional) w.Open($"if (this.{m.PropertyName} is {{ }} {Local(m.PropertyName)} && group.ContainsKey({name}))");
                w.Open($"using (var dataset = group.OpenDataset({name}))");
                if (m.IsList)
                    w.Line($"grew |= {H5}H5LiveMembers.Grow<{m.ElementType}>(dataset, {current});");
                else if (m.Rank <= 3)
                {
                    w.Open($"if ({H5}H5LiveMembers.Grow<{m.ElementType}>(dataset, {current}) is {{ }} grown)");
                    w.Line($"this.{m.PropertyName} = grown;");
                    w.Line("grew = true;");
                    w.Close();
                }
                else
                {
                    w.Open($"if ({H5}H5LiveMembers.GrownShape(dataset, {current}) is {{ }} shape)");
                    var dims = string.Join(", ", Enumerable.Range(0, m.Rank).Select(i => $"shape[{i}]"));
                    w.Line($"var grown = new {m.ElementType}[{dims}];");
                    w.Line($"{H5}H5LiveMembers.Fill<{m.ElementType}>(dataset, {current}, grown);");
                    w.Line($"this.{m.PropertyName} = grown;");
                    w.Line("grew = true;");
                    w.Close();
                }
                w.Close();
                if (m.IsOptional) w.Close();
            }
            foreach (var m in spec.Members.Where(m => m.Kind == MemberKind.Dataset && m.IsLazy))
            {
                w.Line();
                w.Line($"// {m.PropertyName}: a lazy view of dataset {InComment(m.H5Name)}, refreshed in place");
                w.Line($"this.{m.PropertyName}{(m.IsOptional ? "?" : "")}.Refresh();");
            }
            w.Line("return grew;");
            w.Close().Line();
        }

        private static void EmitSwmrWriter(IndentedWriter w, MappedTypeSpec spec, string access, MemberSpec[] growing)
        {
            w.Line($"/// <summary>Appends rows to the unlimited members of a <see cref=\"{spec.Name}\"/> file in SWMR write mode (made by");
            w.Line($"/// <see cref=\"CreateSwmrWriter\"/> and <see cref=\"OpenSwmrWriter\"/>); <see cref=\"{H5}H5SwmrWriter.Flush\"/> makes the rows");
            w.Line("/// appended so far visible to readers.</summary>");
            w.Line(GeneratedCode);
            w.Open($"{access} sealed class SwmrWriter : {H5}H5SwmrWriter");
            var names = string.Join(", ", growing.Select(m => Literal(m.H5Name)));
            w.Line($"internal SwmrWriter({H5}H5File file) : base(file, new[] {{ {names} }}) {{ }}");
            for (int i = 0; i < growing.Length; i++)
            {
                var m = growing[i];
                var target = $"dataset {InDoc(m.H5Name)} (<see cref=\"{spec.Name}.{m.PropertyName}\"/>)";
                w.Line();
                w.Line($"/// <summary>Appends rows to {target}: whole rows, row-major.</summary>");
                w.Line($"public void Append{m.PropertyName}(global::System.ReadOnlySpan<{m.ElementType}> rows) => Dataset({i}).Append(rows);");
                if (m.Rank >= 2 && m.Collection == CollectionKind.None)
                {
                    var array = $"{m.ElementType}[{new string(',', m.Rank - 1)}]";
                    w.Line();
                    w.Line($"/// <summary>Appends the rows of an array to {target}; its other dimensions must match the dataset's.</summary>");
                    w.Line($"public void Append{m.PropertyName}({array} rows) => Dataset({i}).AppendArray<{m.ElementType}>(rows);");
                }
            }
            w.Close().Line();
        }
    }
}
