using Hdf5.Mapping.Generators.Model;
using static Hdf5.Mapping.Generators.CSharpText;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // One registration per compilation for the structs mapped classes store as compound types, built at module load
    // from offsets measured on a default instance: no reflection at run time, so trimming and NativeAOT keep working.
    internal static partial class Emitter
    {
        public const string CompoundTypesHintName = "Hdf5.Mapping.CompoundTypes.g.cs";

        public static string EmitCompoundTypes(EquatableArray<CompoundSpec> compounds)
        {
            var w = new IndentedWriter();
            WriteHeader(w);
            w.Line("/// <summary>Registers the HDF5 compound types of the structs the mapped classes of this assembly store.</summary>");
            w.Line(GeneratedCode);
            w.Open("file static class H5MappingCompoundTypes");
            w.Line("#pragma warning disable CA2255 // a module initializer is how generated code registers its types");
            w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            w.Line("#pragma warning restore CA2255");
            w.Open("internal static void Register()");
            foreach (var c in compounds) EmitCompound(w, c);
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void EmitCompound(IndentedWriter w, CompoundSpec c)
        {
            if (c.IsRecord)
            {
                EmitRecord(w, c);
                return;
            }
            const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
            w.Open($"{H5}H5TypeRegistry.Register<{c.TypeRef}>(static () =>");
            w.Line($"var sample = default({c.TypeRef});");
            w.Line($"ref byte start = ref {Unsafe}.As<{c.TypeRef}, byte>(ref sample);");
            w.Line($"var type = {H5}H5Datatype.Compound({Unsafe}.SizeOf<{c.TypeRef}>());");
            foreach (var f in c.Fields)
            {
                w.Open($"using (var member = {H5}H5Datatype.Native<{f.TypeRef}>())");
                w.Line($"type.Insert({Literal(f.H5Name)}, (int){Unsafe}.ByteOffset(ref start, ref {Unsafe}.As<{f.TypeRef}, byte>(ref sample.{f.Name})), member);");
                w.Close();
            }
            w.Line("return type;");
            w.Close(");");
        }

        // A record is read and written member by member through an element type built once, at its first use.
        private static void EmitRecord(IndentedWriter w, CompoundSpec c)
        {
            w.Line($"{H5}H5TypeRegistry.RegisterElementType<{c.TypeRef}>(static () => {H5}H5ElementType.Compound<{c.TypeRef}>()");
            foreach (var f in c.Fields)
            {
                var type = f.Kind switch
                {
                    FieldKind.String when f.FixedLength > 0 => $", {H5}H5ElementType.FixedString({f.FixedLength})",
                    FieldKind.Sequence => $", {H5}H5ElementType.Sequence<{f.SequenceOf}>()",
                    _ => "",
                };
                w.Line($"    .Field<{f.TypeRef}>({Literal(f.H5Name)}, static v => v.{f.Name}, static (ref {c.TypeRef} v, {f.TypeRef} x) => v.{f.Name} = x{type})");
            }
            w.Line("    .Build());");
        }
    }
}
