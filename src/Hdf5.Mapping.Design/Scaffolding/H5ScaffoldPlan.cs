namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>What the planner decided for a file: the classes and types to declare, what was left out and why. The
/// writer turns it into source files without looking at the file again.</summary>
internal sealed record H5ScaffoldPlan(
    string Source,
    string RootClassName,
    H5LibraryVersion LowBound,
    IReadOnlyList<H5ClassPlan> Classes,
    IReadOnlyList<H5TypePlan> Types,
    IReadOnlyList<string> Skipped,
    int Objects);

/// <summary>One mapped class: the file's root (<see cref="IsFile"/>) or the groups at <see cref="Paths"/>, which share
/// one layout; <see cref="Body"/> holds its members as source lines, in file order.</summary>
internal sealed class H5ClassPlan(string name, bool isFile, string body)
{
    public string Name { get; } = name;
    public bool IsFile { get; } = isFile;
    public string Body { get; } = body;
    public List<string> Paths { get; } = [];
}

/// <summary>How a struct or enum is declared.</summary>
internal enum H5TypePlanKind { Struct, Enum }

/// <summary>One struct (for a compound type) or enum, declared once for every path at <see cref="Paths"/> whose type has its layout.</summary>
internal sealed class H5TypePlan(string name, H5TypePlanKind kind, string underlying, string body)
{
    public string Name { get; } = name;
    public H5TypePlanKind Kind { get; } = kind;

    /// <summary>The C# type under an enum ("" for a struct).</summary>
    public string Underlying { get; } = underlying;

    public string Body { get; } = body;
    public List<string> Paths { get; } = [];
}
