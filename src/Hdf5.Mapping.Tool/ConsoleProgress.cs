using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hdf5.Mapping.Tool;

/// <summary>
/// The progress bar of long verbs, drawn on stderr only when stderr is a terminal (pipes, files and logs get nothing):
/// the verb, a bar, the percentage, the count out of the total, the rate, the time left and the object being worked on;
/// a spinner and the count when the total is not known. Cleared when the work ends, so only the verb's output stays.
/// </summary>
internal static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/> with a sink drawn as a bar, or with null when stderr is not a terminal (so
    /// walks skip counting the objects too).</summary>
    public static T Run<T>(string verb, Func<IProgress<H5Progress>?, T> work)
    {
        if (!IsTerminal()) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        T result = default!;
        var progress = console.Progress().AutoClear(true).AutoRefresh(true);
        progress.RefreshRate = TimeSpan.FromMilliseconds(100);
        progress
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = 24 },
                new PercentageColumn(),
                new CountColumn(),
                new RateColumn(),
                new RemainingTimeColumn(),
                new ItemColumn())
            .Start(context =>
            {
                var task = context.AddTask(verb, autoStart: true);
                result = work(new Sink(task));
                task.StopTask();
            });
        return result;
    }

    // TERM=dumb terminals cannot move the cursor back over the bar.
    private static bool IsTerminal() =>
        !Console.IsErrorRedirected && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Turns each report into the task's value, total and current item (Spectre's tasks are thread-safe: the
    /// renderer reads them on its own thread).</summary>
    private sealed class Sink(ProgressTask task) : IProgress<H5Progress>
    {
        public void Report(H5Progress value)
        {
            task.IsIndeterminate = value.Total is null;
            if (value.Total is { } total) task.MaxValue = Math.Max(1, total);
            task.Value = value.Done;
            task.State.Update<H5Progress>(ReportKey, _ => value);
            task.State.Update<bool>(ReportedKey, _ => true);
        }
    }

    private const string ReportKey = "report", ReportedKey = "reported";

    /// <summary>The last report, or null before the first (the bar is drawn once before the work reports anything).</summary>
    private static H5Progress? Last(ProgressTask task) => task.State.Get<bool>(ReportedKey) ? task.State.Get<H5Progress>(ReportKey) : null;

    /// <summary>A column that never wraps: the bar stays one line on a narrow terminal.</summary>
    private abstract class TextColumn : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            Last(task) is { } last ? Render(task, last) : Text.Empty;

        protected abstract IRenderable Render(ProgressTask task, H5Progress last);
    }

    /// <summary>"1,234/5,000 objects" or "12.5/512.0 MiB".</summary>
    private sealed class CountColumn : TextColumn
    {
        protected override IRenderable Render(ProgressTask task, H5Progress last)
        {
            var text = last.Unit == H5ProgressUnit.Bytes
                ? $"{Mib(last.Done)}/{(last.Total is { } t ? Mib(t) : "?")} MiB"
                : $"{Count(last.Done)}{(last.Total is { } n ? "/" + Count(n) : "")} objects";
            return new Text(text);
        }
    }

    /// <summary>"4,321 objects/s" or "85.2 MiB/s".</summary>
    private sealed class RateColumn : TextColumn
    {
        protected override IRenderable Render(ProgressTask task, H5Progress last)
        {
            // Spectre's speed needs samples spread over time; work that ends within a frame gets its average rate.
            var speed = task.Speed ?? (task.ElapsedTime is { TotalSeconds: > 0 } elapsed ? last.Done / elapsed.TotalSeconds : null);
            if (speed is null) return Text.Empty;
            return new Text(last.Unit == H5ProgressUnit.Bytes ? $"{Mib((long)speed.Value)} MiB/s" : $"{Count((long)speed.Value)} objects/s");
        }
    }

    /// <summary>The path of the object being worked on, cut from the left to fit.</summary>
    private sealed class ItemColumn : TextColumn
    {
        protected override IRenderable Render(ProgressTask task, H5Progress last)
        {
            var item = last.Item ?? "";
            const int width = 32;
            if (item.Length > width) item = "…" + item[^(width - 1)..];
            return new Text(item, new Style(Color.Grey));
        }
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
