namespace Hdf5.Mapping.Tool.Commands;

/// <summary>Runs a verb and turns failures into one line on stderr and an exit code (no stack traces for users).</summary>
internal static class ToolCommand
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ToolException e)
        {
            Console.Error.WriteLine($"h5m: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is H5FileNotFoundException or H5InvalidFileException or H5LinkNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine($"h5m: {FirstLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is H5Exception or IOException or UnauthorizedAccessException or H5MappingException)
        {
            Console.Error.WriteLine($"h5m: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // Anything unforeseen is still one line and exit 5: left to System.CommandLine it would print the stack
            // and exit 1, which scripts read as "does not conform".
            Console.Error.WriteLine($"h5m: internal error ({e.GetType().Name}): {FirstLine(e.Message)}");
            return ExitCodes.Failure;
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].TrimEnd();
}
