using Hdf5.Mapping.LiveWriter;

// Usage: Hdf5.Mapping.LiveWriter PATH [APPENDS] — creates PATH as a Telemetry file, starts SWMR writing and makes
// APPENDS appends (forever when absent), each to samples, frames and events, flushing after each and then printing
// "flushed SAMPLES FRAMES EVENTS": the rows a reader is now guaranteed to find.
var path = args[0];
long appends = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue;
using var writer = new Telemetry { RateHz = 1000, Calibration = [0.5, 2.0] }.CreateSwmrWriter(path);
Console.WriteLine("ready");
long samples = 0;
for (long i = 0; i < appends; i++)
{
    var size = Telemetry.SamplesInAppend(i);
    var block = new double[size];
    for (int j = 0; j < size; j++) block[j] = samples + j;
    writer.AppendSamples(block);
    samples += size;
    writer.AppendFrames(new float[1, 3] { { Telemetry.FrameValue(i, 0), Telemetry.FrameValue(i, 1), Telemetry.FrameValue(i, 2) } });
    writer.AppendEvents([1000 * i]);
    writer.Flush();
    Console.WriteLine($"flushed {samples} {i + 1} {i + 1}");
}
Console.WriteLine("done");
