namespace Hdf5.Mapping.Tool;

/// <summary>Shows progress on long work on stderr, one self-overwriting line, only when stderr is a terminal (so pipes
/// and logs stay clean). Cleared when disposed.</summary>
internal sealed class ConsoleProgress(string verb) : IProgress<string>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private long _count;
    private long _lastTicks;
    private bool _shown;

    public void Report(string value)
    {
        _count++;
        if (!_enabled) return;
        var now = Environment.TickCount64;
        if (now - _lastTicks < 100) return; // at most ten updates a second
        _lastTicks = now;
        var text = $"{verb}: {_count} objects, {value}";
        var width = Math.Max(20, Console.WindowWidth - 1);
        if (text.Length > width) text = text[..(width - 1)] + "…";
        Console.Error.Write("\r" + text.PadRight(width));
        _shown = true;
    }

    public void Dispose()
    {
        if (_shown) Console.Error.Write("\r" + new string(' ', Math.Max(20, Console.WindowWidth - 1)) + "\r");
    }
}
