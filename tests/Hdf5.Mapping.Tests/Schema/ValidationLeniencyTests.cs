using Hdf5.Mapping.Schema;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Schema;

[H5File]
public partial class Indexed
{
    [H5Attribute("name")] public string Name { get; set; } = "";
    [H5Dataset("ph_indices")] public int[] Indices { get; set; } = [];
}

/// <summary>Validation as lenient as Read where the user asks: integers of any width that hold the values, strings of any
/// kind; strict by default, naming the option that would accept the difference.</summary>
public sealed class ValidationLeniencyTests : H5TestBase
{
    private string H5pyFile(long largest)
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            f = h5py.File(sys.argv[1], 'w')
            f.attrs['name'] = numpy.bytes_('granule')
            f['ph_indices'] = numpy.array([0, 1, int(sys.argv[2])], dtype='int64')
            """, path, largest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path;
    }

    [Fact]
    public void ByDefault_Int64IndicesAndBytesAttributes_AreErrors_ThatNameTheOptionWhichAcceptsThem()
    {
        var result = Indexed.Validate(H5pyFile(7));
        Assert.False(result.IsValid);
        var wrongType = Assert.Single(result.Errors, d => d.Kind == H5DifferenceKind.WrongType);
        Assert.Equal("/ph_indices", wrongType.Path);
        Assert.Contains("expected int32, found int64", wrongType.Message);
        Assert.Contains("AcceptAnyIntegerWidth", wrongType.Message);
        var wrongString = Assert.Single(result.Errors, d => d.Kind == H5DifferenceKind.WrongStringKind);
        Assert.Equal("/@name", wrongString.Path);
        Assert.Contains("AcceptAnyStringKind", wrongString.Message);
    }

    [Fact]
    public void WithTheOptions_TheFileConforms_AndReadsAsTheMappedType()
    {
        var path = H5pyFile(7);
        var result = Indexed.Validate(path, new H5ValidationOptions { AcceptAnyIntegerWidth = true, AcceptAnyStringKind = true });
        Assert.True(result.IsValid, result.ToString());
        var back = Indexed.Read(path);
        Assert.Equal("granule", back.Name);
        Assert.Equal([0, 1, 7], back.Indices);
    }

    [Fact]
    public void AnyIntegerWidth_StillRefusesAValueTheExpectedTypeCannotHold()
    {
        var result = Indexed.Validate(H5pyFile(3_000_000_000), new H5ValidationOptions { AcceptAnyIntegerWidth = true, AcceptAnyStringKind = true });
        var difference = Assert.Single(result.Errors);
        Assert.Equal("/ph_indices", difference.Path);
        Assert.Contains("the value 3000000000 does not fit int32", difference.Message);
    }
}
