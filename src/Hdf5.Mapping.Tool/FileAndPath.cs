namespace Hdf5.Mapping.Tool;

/// <summary>Splits <c>file.h5/group/dataset</c> into the file and the path inside it, as h5ls does: the longest prefix
/// that is an existing file is the file.</summary>
internal static class FileAndPath
{
    public static (string File, string Path) Split(string argument)
    {
        if (File.Exists(argument)) return (argument, "/");
        var slash = argument.Length;
        while ((slash = argument.LastIndexOf('/', slash - 1)) > 0)
        {
            var candidate = argument[..slash];
            if (File.Exists(candidate)) return (candidate, argument[slash..]);
        }
        throw new ToolException(ExitCodes.BadInput, $"{argument}: no such file");
    }
}

/// <summary>A failure with the exit code it maps to.</summary>
internal sealed class ToolException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
