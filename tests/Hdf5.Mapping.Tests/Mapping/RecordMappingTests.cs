using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

public sealed class Observation
{
    public string Site { get; set; } = "";
    [H5Field("code", FixedLength = 4)] public string Code { get; set; } = "";
    public double[] Samples { get; set; } = [];
    public int Level { get; set; }
    public bool Valid { get; set; }
}

public struct Tagged
{
    public string Name;
    public Quality Grade;
}

[H5File]
public partial class ObservationLog
{
    [H5Dataset("observations")] public Observation[] Observations { get; set; } = [];
    [H5Dataset("tags")] public List<Tagged> Tags { get; set; } = [];
}

/// <summary>Generated mappings of records: classes and structs with string and array members, stored as compounds
/// through the element type the generator registers.</summary>
public sealed class RecordMappingTests : H5TestBase
{
    [Fact]
    public void MappedRecords_AreWrittenAsCompoundsThatH5pyReads()
    {
        var path = Files.NewPath();
        new ObservationLog
        {
            Observations =
            [
                new Observation { Site = "Davos", Code = "DAV", Samples = [1.5, -2], Level = 3, Valid = true },
                new Observation { Site = "", Code = "", Samples = [], Level = -1 },
            ],
            Tags = [new Tagged { Name = "first", Grade = Quality.Excellent }],
        }.Write(path);
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            o = f['observations']
            print(json.dumps({'fields': [[n, str(o.dtype[n])] for n in o.dtype.names],
                              'rows': [[r['Site'].decode(), r['code'].decode(), r['Samples'].tolist(), int(r['Level']), bool(r['Valid'])] for r in o[()]],
                              'tags': [[t['Name'].decode(), int(t['Grade'])] for t in f['tags'][()]]}))
            """, path);
        Assert.Equal("[[\"Site\",\"object\"],[\"code\",\"|S4\"],[\"Samples\",\"object\"],[\"Level\",\"int32\"],[\"Valid\",\"bool\"]]",
            json.GetProperty("fields").GetRawText().Replace(" ", ""));
        Assert.Equal("[[\"Davos\",\"DAV\",[1.5,-2.0],3,true],[\"\",\"\",[],-1,false]]", json.GetProperty("rows").GetRawText().Replace(" ", ""));
        Assert.Equal("[[\"first\",2]]", json.GetProperty("tags").GetRawText().Replace(" ", ""));
        Assert.True(ObservationLog.Validate(path).IsValid);
    }

    [Fact]
    public void RecordsWrittenByH5py_AreReadIntoTheMappedClasses()
    {
        var path = Files.NewPath();
        Peers.RunPython("""
            import sys
            obs = numpy.dtype([('Site', h5py.string_dtype()), ('code', 'S4'), ('Samples', h5py.vlen_dtype(numpy.dtype('f8'))), ('Level', '>i4'), ('Valid', '?')])
            tag = numpy.dtype([('Grade', h5py.enum_dtype({'Bad': 0, 'Good': 1, 'Excellent': 2}, basetype='u1')), ('Name', 'S8')])
            with h5py.File(sys.argv[1], 'w') as f:
                f['observations'] = numpy.array([('Zermatt', b'ZMT', numpy.array([0.25]), 9, True)], dtype=obs)
                f['tags'] = numpy.array([(1, b'good')], dtype=tag)
            """, path);
        var log = ObservationLog.Read(path);
        var o = Assert.Single(log.Observations);
        Assert.Equal(("Zermatt", "ZMT", 9, true), (o.Site, o.Code, o.Level, o.Valid));
        Assert.Equal([0.25], o.Samples);
        var t = Assert.Single(log.Tags);
        Assert.Equal(("good", Quality.Good), (t.Name, t.Grade)); // a fixed-length member read into a string, members in another order
    }
}
