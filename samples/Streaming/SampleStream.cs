using Hdf5.Mapping;

namespace StreamingSample;

/// <summary>The streamed file: a sample rate and one float64 dataset that grows while readers follow it. Sample k holds
/// the value k, so anyone reading the file can check every value.</summary>
[H5File]
public partial class SampleStream
{
    [H5Attribute("rate_hz")] public double RateHz { get; set; }

    [H5Dataset("samples", Chunks = new long[] { 4096 }, MaxShape = new long[] { -1 })]
    public double[] Samples { get; set; } = [];
}
