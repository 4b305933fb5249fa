using System.Globalization;
using System.Text;

namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>HDF5 names → C# identifiers: PascalCase, letters and digits only, unique within a scope.</summary>
internal static class CSharpNames
{
    // Members the generator adds to every mapped class, and object's own: a property may not take these names.
    private static readonly HashSet<string> s_reserved =
        ["Read", "Write", "Open", "ReadFrom", "WriteTo", "Validate", "H5Schema", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize"];

    /// <summary><c>h_ph</c> → <c>HPh</c>, <c>delta_time</c> → <c>DeltaTime</c>, <c>gt1l</c> → <c>Gt1l</c>, <c>1d</c> → <c>_1d</c>.</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        // Words are separated by anything but ASCII letters and digits ('_', '-', ' ', '.', non-ASCII).
        foreach (var word in name.Split(c => !(char.IsAsciiLetterOrDigit(c))))
        {
            if (word.Length == 0) continue;
            // An all-capitals word longer than two letters is an acronym: .NET writes it "Atl03", "Metadata".
            var letters = word.Where(char.IsLetter).ToArray();
            var acronym = letters.Length > 2 && letters.All(char.IsUpper);
            sb.Append(char.ToUpperInvariant(word[0])).Append(acronym ? word[1..].ToLowerInvariant() : word[1..]);
        }
        if (sb.Length == 0) return "Item";
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    private static string[] Split(this string s, Func<char, bool> separator)
    {
        var words = new List<string>();
        var start = 0;
        for (int i = 0; i <= s.Length; i++)
            if (i == s.Length || separator(s[i]))
            {
                words.Add(s[start..i]);
                start = i + 1;
            }
        return words.ToArray();
    }

    /// <summary>Whether <paramref name="name"/> is usable as a C# identifier as it is (ASCII letters, digits, '_'; not a keyword).</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !s_keywords.Contains(name);

    private static readonly HashSet<string> s_keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>Whether a member may not be named <paramref name="name"/>.</summary>
    public static bool IsReserved(string name) => s_reserved.Contains(name);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string s)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    // Line and paragraph separators end a line in C# source, and a lone surrogate is not text: escape them too.
                    if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || char.IsSurrogate(c) && !IsPair(s, i))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsPair(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>A // comment kept on one line whatever names it quotes: line breaks and other controls are escaped.</summary>
    public static string CommentLine(string comment)
    {
        var sb = new StringBuilder(comment.Length);
        foreach (var c in comment)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Text for an XML doc comment: escaped, on one line, shortened.</summary>
    public static string Doc(string s)
    {
        s = s.Replace("\r", " ").Replace("\n", " ").Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Trim();
        return s.Length > 300 ? s[..297] + "..." : s;
    }

    /// <summary>Names handed out within one class (or one namespace).</summary>
    public sealed class Scope(params string[] taken)
    {
        private readonly HashSet<string> _taken = new(taken, StringComparer.Ordinal);

        /// <summary>A unique name based on <paramref name="wanted"/>: "Value" is appended to reserved names, then 2, 3, ... until free.</summary>
        public string Claim(string wanted)
        {
            if (s_reserved.Contains(wanted)) wanted += "Value";
            var name = wanted;
            for (int i = 2; !_taken.Add(name); i++) name = wanted + i.ToString(CultureInfo.InvariantCulture);
            return name;
        }

        /// <summary>Whether <paramref name="name"/> is taken.</summary>
        public bool Contains(string name) => _taken.Contains(name);
    }
}
