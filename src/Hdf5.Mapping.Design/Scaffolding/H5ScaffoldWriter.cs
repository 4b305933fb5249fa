using System.Text;

namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>The third stage of scaffolding: one source file per planned class and type.</summary>
internal static class H5ScaffoldWriter
{
    public static H5ScaffoldResult Write(H5ScaffoldPlan plan, string ns)
    {
        var header = CSharpNames.CommentLine($"// Scaffolded by Hdf5.Mapping from {plan.Source}. Edit freely: the HDF5 names live in the attributes.") + "\n" +
                     "// Build with the Hdf5.Mapping package: its source generator adds Read, Write, Validate and H5Schema.\n";
        var files = new List<H5ScaffoldFile>();
        foreach (var c in plan.Classes) files.Add(new H5ScaffoldFile(c.Name + ".cs", Class(c, plan, Preamble(header, ns))));
        foreach (var t in plan.Types) files.Add(new H5ScaffoldFile(t.Name + ".cs", Type(t, Preamble(header, ns))));
        return new H5ScaffoldResult(plan.RootClassName, ns, files, plan.Skipped, plan.Objects);
    }

    private static StringBuilder Preamble(string header, string ns) =>
        new StringBuilder(header).Append("using Hdf5.Mapping;\n\n").Append("namespace ").Append(ns).Append(";\n\n");

    private static string Class(H5ClassPlan c, H5ScaffoldPlan plan, StringBuilder sb)
    {
        var where = string.Join(", ", c.Paths.Take(8).Select(p => $"<c>{CSharpNames.Doc(p)}</c>")) + (c.Paths.Count > 8 ? $" and {c.Paths.Count - 8} more" : "");
        sb.Append("/// <summary>").Append(c.IsFile ? $"The root group of files like <c>{CSharpNames.Doc(plan.Source)}</c>." : $"The group{(c.Paths.Count > 1 ? "s" : "")} {where}.").Append("</summary>\n");
        // The file's format bound is kept: a latest-format file may hold what the earliest format cannot (dense attributes).
        sb.Append(!c.IsFile ? "[H5Group]\n" : plan.LowBound == H5LibraryVersion.Earliest ? "[H5File]\n" : $"[H5File(LibverLow = H5LibraryVersion.{plan.LowBound})]\n");
        sb.Append("public partial class ").Append(c.Name).Append("\n{\n").Append(c.Body).Append(c.Body.EndsWith('\n') || c.Body.Length == 0 ? "" : "\n").Append("}\n");
        return sb.ToString();
    }

    private static string Type(H5TypePlan t, StringBuilder sb)
    {
        var what = t.Kind == H5TypePlanKind.Struct ? "The compound type of" : "The enum type of";
        sb.Append("/// <summary>").Append(what).Append(' ').Append(string.Join(", ", t.Paths.Take(8).Select(p => $"<c>{CSharpNames.Doc(p)}</c>"))).Append(".</summary>\n");
        var decl = t.Kind == H5TypePlanKind.Struct ? $"public struct {t.Name}" : $"public enum {t.Name} : {t.Underlying}";
        sb.Append(decl).Append("\n{\n").Append(t.Body).Append("}\n");
        return sb.ToString();
    }
}
