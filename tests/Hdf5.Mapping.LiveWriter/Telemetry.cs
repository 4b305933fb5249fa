using Hdf5.Mapping;

namespace Hdf5.Mapping.LiveWriter;

/// <summary>What the live-file tests write and follow: fixed members, and three members that grow under SWMR
/// (1-D samples, 2-D frames through deflate, a list of events).</summary>
[H5File]
public partial class Telemetry
{
    [H5Attribute("rate_hz")] public double RateHz { get; set; }
    [H5Dataset("calibration")] public double[] Calibration { get; set; } = [];
    [H5Dataset("samples", Chunks = new long[] { 256 }, MaxShape = new long[] { -1 })] public double[] Samples { get; set; } = [];
    [H5Dataset("frames", Chunks = new long[] { 32, 3 }, MaxShape = new long[] { -1, 3 }, Filter = H5FilterKind.Deflate)]
    public float[,] Frames { get; set; } = new float[0, 3];
    [H5Dataset("events", Chunks = new long[] { 64 }, MaxShape = new long[] { -1 })] public List<long> Events { get; set; } = [];

    /// <summary>Append number <paramref name="i"/> (from 0) adds this many samples: sizes vary from 1 to 200.</summary>
    public static int SamplesInAppend(long i) => 1 + (int)(i * 37 % 200);

    /// <summary>Frame row r holds 3r, 3r + 1, 3r + 2; sample k holds k; event i holds 1000 i.</summary>
    public static float FrameValue(long row, int column) => 3 * row + column;
}
