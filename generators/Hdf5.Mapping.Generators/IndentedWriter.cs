using System.Text;

namespace Hdf5.Mapping.Generators;

/// <summary>A small writer that keeps generated code indented like hand-written code.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
        _sb.Append('\n');
        return this;
    }

    public IndentedWriter Open(string text)
    {
        Line(text).Line("{");
        _indent++;
        return this;
    }

    /// <summary>Opens a bare block, to scope the locals of one member.</summary>
    public IndentedWriter Block()
    {
        Line("{");
        _indent++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _sb.ToString();
}
