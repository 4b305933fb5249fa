using Hdf5.Mapping;

namespace Hdf5.Mapping.AtomicWriter;

/// <summary>What the atomic-replace test writes: a version attribute and 32 MiB of data that ends with the version.</summary>
[H5File]
public partial class Snapshot
{
    [H5Attribute("version")] public int Version { get; set; }
    [H5Dataset("values")] public double[,] Values { get; set; } = new double[0, 0];
}
