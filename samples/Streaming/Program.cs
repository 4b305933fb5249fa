using System.Globalization;
using StreamingSample;

// Streams samples into an HDF5 file under single-writer/multiple-reader (SWMR) mode, or follows such a file live.
//   Streaming OUT.h5 [--seconds S] [--rate HZ]          write S seconds (default 10) of samples at HZ (default 10000)
//   Streaming --follow OUT.h5 [--until N] [--idle S]    follow it: stop after N samples, or S seconds (default 3) without new ones
const string Usage = "usage: Streaming OUT.h5 [--seconds S] [--rate HZ]  |  Streaming --follow OUT.h5 [--until N] [--idle S]";
string? path = null, follow = null;
double seconds = 10, rate = 10_000, idle = 3;
long? until = null;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--follow": follow = Next(); break;
            case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--until": until = long.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--idle": idle = double.Parse(Next(), CultureInfo.InvariantCulture); break;
            case var a when !a.StartsWith("--", StringComparison.Ordinal) && path is null: path = a; break;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }
    if ((path is null) == (follow is null)) throw new ArgumentException("give either OUT.h5 or --follow OUT.h5");
    if (seconds <= 0 || rate <= 0 || idle <= 0) throw new ArgumentException("--seconds, --rate and --idle must be positive");
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"{e.Message}\n{Usage}");
    return 2;
}
return follow is not null ? await Follower.Run(follow, until, idle) : Writer.Run(path!, seconds, rate);
