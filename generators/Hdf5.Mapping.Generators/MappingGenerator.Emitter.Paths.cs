using System.Collections.Generic;
using System.Linq;
using Hdf5.Mapping.Generators.Model;
using static Hdf5.Mapping.Generators.CSharpText;

namespace Hdf5.Mapping.Generators;

public sealed partial class MappingGenerator
{
    // Where members are: the expressions for their paths (for messages and tracking) and the comments above them.
    internal static partial class Emitter
    {
        /// <summary>The absolute path of a link member, as an expression.</summary>
        private static string LinkPath(MemberSpec m) => $"prefix + {Literal(m.H5Name)}";

        /// <summary>The path of an attribute member ("/group@name", "/group/dataset@name"), as an expression.</summary>
        private static string AttributePath(MemberSpec m) =>
            m.Target is null ? $"path + {Literal("@" + m.H5Name)}" : $"prefix + {Literal(m.Target + "@" + m.H5Name)}";

        /// <summary>The absolute path of a dataset another member names, as an expression (graph-root paths are resolved
        /// through the context; on write, a chain from an [H5File] class also checks the root is one).</summary>
        private static string TargetPath(LinkSpec link, bool write) => link.Anchor switch
        {
            LinkAnchor.Root when write && link.RootType is not null => $"context.RootPath<{link.RootType}>({Literal(link.Path)})",
            LinkAnchor.Root => $"context.RootPath({Literal(link.Path)})",
            _ => $"prefix + {Literal(link.Path)}",
        };

        /// <summary>The attributes of the class stored on dataset <paramref name="m"/>.</summary>
        private static IEnumerable<MemberSpec> AttributesOn(MappedTypeSpec spec, MemberSpec m) =>
            m.Kind == MemberKind.Dataset && m.Target is null ? spec.Members.Where(a => a.Kind == MemberKind.Attribute && a.Target == m.H5Name) : [];

        /// <summary>The dataset an attribute member is stored on.</summary>
        private static MemberSpec Host(MappedTypeSpec spec, MemberSpec attribute) =>
            spec.Members.First(d => d.Kind == MemberKind.Dataset && d.Target is null && d.H5Name == attribute.Target);

        private static string AttributesNote(MappedTypeSpec spec, MemberSpec m)
        {
            var names = AttributesOn(spec, m).Select(a => InComment(a.H5Name)).ToArray();
            return names.Length == 0 ? "" : $", with its attribute{(names.Length == 1 ? "" : "s")} {string.Join(", ", names)}";
        }

        private static string Describe(MemberSpec m) => m switch
        {
            { Element: ElementKind.Region } => $"region references {InComment(m.H5Name)} into {TargetText(m.RegionOf!)}",
            { Kind: MemberKind.Reference, Element: ElementKind.MappedRegion } => $"region references {InComment(m.H5Name)}",
            { Kind: MemberKind.Reference } => $"object reference{(m.Collection == CollectionKind.None ? "" : "s")} {InComment(m.H5Name)}",
            { Kind: MemberKind.Attribute } => $"attribute {InComment(m.H5Name)}",
            { Kind: MemberKind.Dataset } => $"dataset {InComment(m.H5Name)}",
            _ => $"group {InComment(m.H5Name)}",
        };

        private static string TargetText(LinkSpec link) => link.Anchor switch
        {
            LinkAnchor.Root => $"{InComment("/" + link.Path)} (from the file's root)",
            _ => $"dataset {InComment(link.Path)}",
        };
    }
}
