using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

/// <summary>Strings as conventions want them: fixed length with a chosen character set and padding, and fixed length
/// taken from the value (netCDF's NC_CHAR).</summary>
[H5File]
public partial class Conventions
{
    [H5Attribute("mu", FixedLength = 8, CharSet = H5CharSet.Utf8, Padding = H5StringPadding.NullTerminated)] public string Mu { get; set; } = "";
    [H5Attribute("units", FixedLength = H5FixedLength.OfValue)] public string Units { get; set; } = "";
    [H5Attribute("flag_meanings", FixedLength = H5FixedLength.OfValue, Padding = H5StringPadding.NullTerminated)] public string FlagMeanings { get; set; } = "";
    [H5Attribute("station", FixedLength = 6, Padding = H5StringPadding.SpacePad)] public string Station { get; set; } = "";
    [H5Attribute("comment")] public string Comment { get; set; } = "";
    [H5Dataset("codes", FixedLength = 4, CharSet = H5CharSet.Utf8, Padding = H5StringPadding.NullTerminated)] public string[] Codes { get; set; } = [];
    [H5Dataset("labels", FixedLength = H5FixedLength.OfValue)] public List<string> Labels { get; set; } = [];
}

public sealed class StringKindTests : H5TestBase
{
    [Fact]
    public void FixedLengthStrings_HaveTheChosenCharsetPaddingAndLength_AsH5pyReadsThem()
    {
        var path = Files.NewPath();
        new Conventions
        {
            Mu = "0.000000", Units = "degree_Celsius", FlagMeanings = "ok bad", Station = "ab", Comment = "variable ✓",
            Codes = ["α", "bc", "déf"], Labels = ["x", "longest", "mid"],
        }.Write(path);
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            def kind(t):
                return [t.get_cset(), t.get_strpad(), t.get_size(), bool(t.is_variable_str())]
            a = {k: kind(f.attrs.get_id(k).get_type()) for k in f.attrs}
            d = {k: kind(f[k].id.get_type()) for k in ['codes', 'labels']}
            aid = f.attrs.get_id('station')
            raw = numpy.zeros((), dtype='S6')
            aid.read(raw, mtype=aid.get_type())  # the stored bytes, padding included
            print(json.dumps({'a': a, 'd': d, 'station': aid.get_type().get_size(),
              'raw_station': list(raw.tobytes()), 'codes': [c.decode('utf-8') for c in f['codes'][()]],
              'labels': [c.decode() for c in f['labels'][()]], 'units': f.attrs['units'].decode()}))
            """, path);
        int[] Kind(string group, string name) => json.GetProperty(group).GetProperty(name).EnumerateArray().Take(3).Select(e => e.GetInt32()).ToArray();
        const int Ascii = 0, Utf8 = 1, NullTerm = 0, NullPad = 1, SpacePad = 2;
        Assert.Equal([Utf8, NullTerm, 8], Kind("a", "mu"));
        Assert.Equal([Ascii, NullPad, "degree_Celsius".Length], Kind("a", "units"));
        Assert.Equal([Ascii, NullTerm, "ok bad".Length], Kind("a", "flag_meanings"));
        Assert.Equal([Ascii, SpacePad, 6], Kind("a", "station"));
        Assert.True(json.GetProperty("a").GetProperty("comment")[3].GetBoolean()); // variable length
        Assert.Equal([Utf8, NullTerm, 4], Kind("d", "codes"));
        Assert.Equal([Ascii, NullPad, "longest".Length], Kind("d", "labels"));
        Assert.Equal("ab    ", string.Concat(json.GetProperty("raw_station").EnumerateArray().Select(e => (char)e.GetInt32())));
        Assert.Equal(["α", "bc", "déf"], json.GetProperty("codes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["x", "longest", "mid"], json.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("degree_Celsius", json.GetProperty("units").GetString());

        var back = Conventions.Read(path);
        Assert.Equal(("0.000000", "degree_Celsius", "ok bad", "ab", "variable ✓"), (back.Mu, back.Units, back.FlagMeanings, back.Station, back.Comment));
        Assert.Equal(["α", "bc", "déf"], back.Codes);
        Assert.Equal(["x", "longest", "mid"], back.Labels);
        Assert.True(Conventions.Validate(path).IsValid);
    }

    [Fact]
    public void AValueLongerThanItsFixedLength_FailsTheWrite_AndLeavesNoFile()
    {
        var path = Files.NewPath();
        var e = Assert.ThrowsAny<ArgumentException>(() => new Conventions { Mu = "0.0000001", Codes = [], Labels = [] }.Write(path));
        Assert.Contains("8 bytes", e.Message);
        Assert.False(File.Exists(path));
    }
}
