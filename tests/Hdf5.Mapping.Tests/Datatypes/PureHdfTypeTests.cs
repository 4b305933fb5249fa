using System.Numerics;
using System.Runtime.InteropServices;
using Hdf5.Mapping.Tests.Infrastructure;
using PureHDF;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>PureHDF, an independent managed reader, as a second opinion on the types we write, where it supports them.
/// PureHDF 2.2's limits, not checked here: it reads no null dataspaces ("Datasets with null dataspace cannot be read"),
/// converts no byte order ("Byte order conversion is not (yet) support"), and reads no HDF5 array element types.</summary>
public sealed class PureHdfTypeTests : H5TestBase
{
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct PackedFlagged
    {
        public byte Tag;
        public byte Flag;
        public int Value;
    }

    [Fact]
    public void PureHdf_ReadsOurPackedStructsAndUnsignedEnums()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Add("flagged", new[] { new StructLayoutTests.Flagged { Tag = 1, Flag = true, Value = -2 }, new StructLayoutTests.Flagged { Tag = 9, Value = 70000 } }).Dispose();
            f.Add("huge", new[] { EnumTests.Huge.Top, EnumTests.Huge.One }).Dispose();
        }
        using var pure = PureHDF.H5File.OpenRead(path);
        var flagged = pure.Dataset("flagged").Read<PackedFlagged[]>();
        Assert.Equal((1, 1, -2), (flagged[0].Tag, flagged[0].Flag, flagged[0].Value));
        Assert.Equal((9, 0, 70000), (flagged[1].Tag, flagged[1].Flag, flagged[1].Value));
        Assert.Equal([ulong.MaxValue, 1UL], pure.Dataset("huge").Read<ulong[]>());
    }

    [Fact]
    public void PureHdf_ReadsOurComplexNumbersAndSequences()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
        {
            f.Add("c", new[] { new Complex(1, 2), new Complex(-3, 0.5) }).Dispose();
            f.AddSequences("v", [[1, 2, 3], [], [4]]).Dispose();
            f.Add("s", new[] { "a", "bé" }, H5ElementType.String()).Dispose();
        }
        using var pure = PureHDF.H5File.OpenRead(path);
        Assert.Equal([new Complex(1, 2), new Complex(-3, 0.5)], pure.Dataset("c").Read<Complex[]>());
        var v = pure.Dataset("v").Read<int[][]>();
        Assert.Equal([1, 2, 3], v[0]);
        Assert.Null(v[1]); // PureHDF's form of an empty sequence
        Assert.Equal(["a", "bé"], pure.Dataset("s").Read<string[]>());
    }

    [Fact]
    public void PureHdf_ReadsOurOpaqueBytes()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path))
            f.AddOpaque("o", [1, 2, 3, 4], elementSize: 2, tag: "pair").Dispose();
        using var pure = PureHDF.H5File.OpenRead(path);
        Assert.Equal([1, 2, 3, 4], pure.Dataset("o").Read<byte[]>());
    }
}
