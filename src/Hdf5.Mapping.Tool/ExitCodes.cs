namespace Hdf5.Mapping.Tool;

/// <summary>What h5m's exit status means; scripts can rely on these.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for validate, the file conforms (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>validate: the file does not conform to the schema.</summary>
    public const int Invalid = 1;

    /// <summary>The command line is wrong (unknown verb or option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>The input file is missing, not HDF5, or has no object at the given path.</summary>
    public const int BadInput = 3;

    /// <summary>validate: the schema assembly or type cannot be loaded.</summary>
    public const int BadSchema = 4;

    /// <summary>Anything else failed (libhdf5 error, output not writable); the message says what.</summary>
    public const int Failure = 5;

    /// <summary>The file is so corrupt that libhdf5 crashed or hung reading it (in the child process h5m reads it in).</summary>
    public const int Unsafe = 6;
}
