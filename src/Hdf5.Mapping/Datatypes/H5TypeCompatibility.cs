namespace Hdf5.Mapping;

/// <summary>
/// Whether values can move between a stored type and a memory type without a silent loss, and if not, every
/// reason why. libhdf5 converts compounds member by member and by name, and leaves a memory member that the file
/// lacks untouched: reading <c>{r, i}</c> into a struct with fields <c>Re</c> and <c>Im</c> would give zeros without
/// an error. Here such a struct is refused, naming the members that are missing or of another kind.
/// </summary>
internal static class H5TypeCompatibility
{
    /// <summary>The reasons values stored as <paramref name="file"/> cannot be read as <paramref name="memory"/> (reading)
    /// or written from it (writing); empty when they can. Compound members are matched by name; when reading, the
    /// file may hold members the memory type does not name (h5py reads a subset of fields the same way).</summary>
    public static List<string> Problems(H5TypeDescriptor file, H5TypeDescriptor memory, bool writing)
    {
        var problems = new List<string>();
        Compare(file, memory, "", writing, problems);
        return problems;
    }

    /// <summary>Numbers convert into each other (range checked at transfer by <see cref="H5ConversionGuard"/>).</summary>
    public static bool IsNumber(H5TypeDescriptor t) => t is H5IntegerType or H5FloatType or H5BitfieldType;

    private static void Compare(H5TypeDescriptor file, H5TypeDescriptor memory, string path, bool writing, List<string> problems)
    {
        switch (file, memory)
        {
            case var _ when IsNumber(file) && IsNumber(memory):
            case (H5ReferenceType fr, H5ReferenceType mr) when fr.Kind == mr.Kind:
            case (H5StringType, H5StringType):
                return;
            case (H5EnumType fe, H5EnumType me):
                // libhdf5 converts enums by member name and only from a subset of the destination's members.
                var (from, to) = writing ? (me, fe) : (fe, me);
                var lacking = from.Members.Where(m => to.Members.All(t => t.Name != m.Name)).Select(m => m.Name).ToList();
                if (lacking.Count > 0)
                    problems.Add((path.Length == 0 ? "" : $"member '{path}': ") + $"enum {Plural(lacking.Count, "member")} {string.Join(", ", lacking)} "
                        + $"of the {(writing ? "memory" : "file")} type {(lacking.Count == 1 ? "has" : "have")} no counterpart in the {(writing ? "file" : "memory")} type {to}");
                return;
            case (H5OpaqueType fo, H5OpaqueType mo):
                if (fo.Size != mo.Size || fo.Tag != mo.Tag) problems.Add(At(path, $"is {file} in the file, {memory} in memory (opaque types must agree in size and tag)"));
                return;
            case (H5CompoundType fc, H5CompoundType mc):
                CompareMembers(fc, mc, path, writing, problems);
                return;
            case (H5ArrayType fa, H5ArrayType ma):
                if (!fa.Dims.SequenceEqual(ma.Dims)) problems.Add(At(path, $"has array dimensions {H5Shape.Format(fa.Dims.ToArray())} in the file, {H5Shape.Format(ma.Dims.ToArray())} in memory"));
                else Compare(fa.BaseType, ma.BaseType, path, writing, problems);
                return;
            case (H5SequenceType fs, H5SequenceType ms):
                Compare(fs.BaseType, ms.BaseType, path.Length == 0 ? "the sequence elements" : path + "[]", writing, problems);
                return;
            default:
                problems.Add(path.Length == 0 ? $"{file} and {memory} do not convert" : At(path, $"is {file} in the file, {memory} in memory"));
                return;
        }
    }

    private static void CompareMembers(H5CompoundType file, H5CompoundType memory, string path, bool writing, List<string> problems)
    {
        var missing = new List<string>();
        foreach (var m in memory.Members)
        {
            var stored = file.Member(m.Name);
            if (stored is null) missing.Add(m.Name);
            else Compare(stored.Type, m.Type, Join(path, m.Name), writing, problems);
        }
        if (missing.Count > 0)
            problems.Add($"{Plural(missing.Count, "member")} {string.Join(", ", missing.Select(n => $"'{Join(path, n)}'"))} "
                + $"{(missing.Count == 1 ? "is" : "are")} not in the file (it has {string.Join(", ", file.Members.Select(f => f.Name))})");
        if (!writing) return;
        // A written element must set every stored member: libhdf5 would leave the others to chance.
        var unset = file.Members.Where(f => memory.Member(f.Name) is null).Select(f => $"'{Join(path, f.Name)}'").ToList();
        if (unset.Count > 0)
            problems.Add($"stored {Plural(unset.Count, "member")} {string.Join(", ", unset)} {(unset.Count == 1 ? "has" : "have")} no counterpart in memory");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string At(string path, string text) => $"member '{path}' {text}";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
