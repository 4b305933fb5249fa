using Hdf5.Mapping.Design.Scaffolding;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>
/// Every file of the fixture-like corpus goes through scaffold → compile → Read → Validate → Write → h5py compare:
/// nothing is left unmapped, every value read equals h5py's, the file conforms to its scaffolded schema, and the file
/// written back holds the same types (string kinds and character sets included), storage, scales and values.
/// </summary>
public sealed class FixtureCorpusTests : H5TestBase
{
    public static TheoryData<string> Cases => new(FixtureCorpus.Cases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void AFixtureLikeFile_ScaffoldsReadsValidates_AndWritesBackUnchanged(string fixture)
    {
        var path = Files.NewPath(fixture + ".h5");
        Peers.RunPython(FixtureCorpus.Script, fixture, path);
        var ns = "Corpus." + string.Concat(fixture.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var s = ScaffoldRoundTrip.ScaffoldAndCompile(path, new H5ScaffoldOptions { Namespace = ns, RootClassName = "Fixture" });
        Assert.True(s.Result.Skipped.Count == 0, string.Join("\n", s.Result.Skipped));
        ScaffoldRoundTrip.AssertReadsValidatesAndWritesBack(s, path, Files.NewPath(fixture + "-copy.h5"));
    }
}
