using Hdf5.Mapping;

namespace OuProcessSample;

/// <summary>
/// The tutorial's final file as one mapped type: the process parameters as the tutorial stores them, the simulated
/// paths with their attributes, the compressed copies, object and region references to them, and the dimension scale
/// attached to them. The source generator adds <c>Read</c>, <c>Write</c>, <c>Open</c> and <c>Validate</c>; a mistake
/// here (a filter without chunks, a chunk shape of the wrong rank, a duplicate name, a scale that is not one) is a
/// compile error on the line that makes it.
/// </summary>
[H5File]
public partial class OuProcess
{
    /// <summary>Mean reversion rate (float32 in the tutorial's file).</summary>
    [H5Attribute("theta")] public float Theta { get; set; } = 1.0f;

    /// <summary>Long-term mean, stored as the tutorial's file stores it: a fixed 8-byte UTF-8 string, NULLTERM.</summary>
    [H5Attribute("mu", FixedLength = 8, CharSet = H5CharSet.Utf8, Padding = H5StringPadding.NullTerminated)]
    public string Mu { get; set; } = "0.000000";

    /// <summary>Volatility: a float64 array of shape (1, 1, 1), as in the tutorial.</summary>
    [H5Attribute("sigma")] public double[,,] Sigma { get; set; } = { { { 0.1 } } };

    /// <summary>Time step.</summary>
    [H5Attribute("dt")] public double Dt { get; set; } = 0.01;

    /// <summary>Root attribute "Conventions".</summary>
    [H5Attribute] public string Conventions { get; set; } = "HUG23";

    /// <summary>Root attribute "title".</summary>
    [H5Attribute("title")] public string Title { get; set; } = "Content prepared for the HUG23 h5py tutorial";

    /// <summary>The simulated paths: 100 × 1000, contiguous float64.</summary>
    [H5Dataset("dataset")] public double[,] Paths { get; set; } = new double[0, 0];

    /// <summary>Attribute "description" of the dataset.</summary>
    [H5Attribute("description", On = nameof(Paths))] public string Description { get; set; } = "Sample dataset with some data";

    /// <summary>Attribute "version" of the dataset.</summary>
    [H5Attribute("version", On = nameof(Paths))] public int Version { get; set; } = 1;

    /// <summary>Attribute "units" of the dataset.</summary>
    [H5Attribute("units", On = nameof(Paths))] public string Units { get; set; } = "some_units";

    /// <summary>The same data compressed as in the tutorial (deflate 6, Zstd 10, ZFP accuracy 1e-4; chunks 20 × 250).</summary>
    [H5Group("compressed")] public Compressed CompressedData { get; set; } = new();

    /// <summary>The dimension scale X = 0, 0.5, ..., attached to dimension 0 of the compressed datasets.</summary>
    [H5Dataset("dimscale/x"), DimensionScale("X")] public double[] X { get; set; } = [];

    /// <summary>Object references to compressed datasets (the tutorial's: zfp-fa, defl, zstd), held as the arrays themselves.</summary>
    [H5Reference("objrefs/refs")] public object[] Refs { get; set; } = [];

    /// <summary>Region references into the compressed datasets, each naming its dataset by its array.</summary>
    [H5Reference("regrefs/rrefs")] public H5MappedRegion[] Rrefs { get; set; } = [];
}

/// <summary>The tutorial's group "compressed"; each dataset's dimension 0 carries the root's scale X.</summary>
[H5Group]
public partial class Compressed
{
    /// <summary>Deflate level 6.</summary>
    [H5Dataset("defl", Chunks = new long[] { 20, 250 }, Filter = H5FilterKind.Deflate, FilterLevel = 6)]
    [AttachScale(0, nameof(OuProcess.X))]
    public double[,] Deflate { get; set; } = new double[0, 0];

    /// <summary>Zstandard level 10 (the managed filter).</summary>
    [H5Dataset("zstd", Chunks = new long[] { 20, 250 }, Filter = H5FilterKind.Zstd, FilterLevel = 10)]
    [AttachScale(0, nameof(OuProcess.X))]
    public double[,] Zstd { get; set; } = new double[0, 0];

    /// <summary>ZFP fixed accuracy 1e-4.</summary>
    [H5Dataset("zfp-fa", Chunks = new long[] { 20, 250 }, Filter = H5FilterKind.ZfpAccuracy, FilterLevel = -4)]
    [AttachScale(0, nameof(OuProcess.X))]
    public double[,] ZfpAccuracy { get; set; } = new double[0, 0];
}
