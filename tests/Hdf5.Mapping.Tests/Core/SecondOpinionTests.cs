using Hdf5.Mapping.Tests.Infrastructure;
using PureHDF;

namespace Hdf5.Mapping.Tests.Core;

/// <summary>PureHDF, an independent managed HDF5 reader, reads what we write: a second opinion besides h5py.</summary>
public sealed class SecondOpinionTests : H5TestBase
{
    [Fact]
    public void PureHdf_ReadsOurMatrixAttributesAndStrings()
    {
        var path = Files.NewPath();
        var data = new double[5, 7];
        for (int i = 0; i < 5; i++) for (int j = 0; j < 7; j++) data[i, j] = Math.Sin(i * 7 + j);
        using (var f = H5File.Create(path))
        {
            f.Attrs.Set("dt", 0.01);
            f.Attrs.Set("title", "HUG23");
            using var ds = f.Add("g/data", data, new H5DatasetOptions { Chunks = [2, 7] }.With(H5Filter.Shuffle(), H5Filter.Deflate(4)));
            ds.Attrs.Set("version", 3);
            f.Add("names", new[] { "a", "bc" }).Dispose();
        }

        using var pure = PureHDF.H5File.OpenRead(path);
        Assert.Equal(0.01, pure.Attribute("dt").Read<double>());
        Assert.Equal("HUG23", pure.Attribute("title").Read<string>());
        var ds2 = pure.Dataset("g/data");
        Assert.Equal(data, ds2.Read<double[,]>());
        Assert.Equal(3, ds2.Attribute("version").Read<int>());
        Assert.Equal(["a", "bc"], pure.Dataset("names").Read<string[]>());
    }
}
