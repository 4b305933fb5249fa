using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.NetCdf;

/// <summary>A CF-style product as a mapped type: coordinate variables as dimension scales, a data variable with
/// <c>_FillValue</c> of its own type (and the same HDF5 fill value), text attributes as netCDF's <c>NC_CHAR</c>
/// (fixed-length strings as long as their value), labels as variable-length strings.</summary>
[H5File]
public partial class Climate
{
    [H5Attribute("Conventions", FixedLength = H5FixedLength.OfValue)] public string Conventions { get; set; } = "CF-1.8";
    [H5Dataset("time"), DimensionScale("time")] public double[] Time { get; set; } = [];
    [H5Attribute("units", On = nameof(Time), FixedLength = H5FixedLength.OfValue)] public string TimeUnits { get; set; } = "days since 2000-01-01";
    [H5Dataset("lat"), DimensionScale("lat")] public float[] Lat { get; set; } = [];
    [H5Attribute("units", On = nameof(Lat), FixedLength = H5FixedLength.OfValue)] public string LatUnits { get; set; } = "degrees_north";
    [H5Dataset("temperature", FillValue = -999), AttachScale(0, nameof(Time)), AttachScale(1, nameof(Lat))]
    public float[,] Temperature { get; set; } = new float[0, 0];
    [H5Attribute("_FillValue", On = nameof(Temperature))] public float TemperatureFill { get; set; } = -999f;
    [H5Attribute("units", On = nameof(Temperature), FixedLength = H5FixedLength.OfValue)] public string TemperatureUnits { get; set; } = "K";
    [H5Dataset("station"), AttachScale(0, nameof(Time))] public string[] Station { get; set; } = [];
}

/// <summary>Files that mapped types write, read by netCDF-4's own tools (ncdump from netcdf-bin) and by xarray through
/// both of its netCDF-4 engines (netCDF4-python over netCDF-C, and h5netcdf over h5py): the scales are netCDF
/// dimensions and coordinates, <c>_FillValue</c> masks, text attributes are <c>char</c>.</summary>
public sealed class NetCdfTests : H5TestBase
{
    private string Write()
    {
        var path = Files.NewPath("climate.nc");
        new Climate
        {
            Time = [0, 1, 2],
            Lat = [10, 20],
            Temperature = new float[,] { { 280, -999 }, { 281, 282 }, { 283, 284.5f } },
            Station = ["north", "south", "ä-east"],
        }.Write(path);
        return path;
    }

    [Fact]
    public void Ncdump_ShowsTheScalesAsDimensions_TheFillValueAsMissing_AndTextAttributesAsChar()
    {
        var path = Write();
        var (code, stdout, stderr) = Ncdump(path);
        Assert.True(code == 0, $"ncdump exited {code}: {stderr}");
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("lat = 2 ;", lines);
        Assert.Contains("time = 3 ;", lines);
        Assert.Contains("float temperature(time, lat) ;", lines);
        Assert.Contains("double time(time) ;", lines);
        Assert.Contains("float lat(lat) ;", lines);
        Assert.Contains("string station(time) ;", lines);
        Assert.Contains("temperature:_FillValue = -999.f ;", lines);
        Assert.Contains("temperature:units = \"K\" ;", lines);                    // NC_CHAR: no "string" before it
        Assert.Contains("time:units = \"days since 2000-01-01\" ;", lines);
        Assert.Contains(":Conventions = \"CF-1.8\" ;", lines);
        Assert.Contains("temperature =", lines);
        var data = string.Join(" ", lines.SkipWhile(l => l != "temperature =").Skip(1).TakeWhile(l => l.Length > 0));
        Assert.Equal("280, _, 281, 282, 283, 284.5 ;", data);                   // "_": the fill value, as ncdump marks it
        Assert.Contains("station = \"north\", \"south\", \"ä-east\" ;", lines);
    }

    [Theory]
    [InlineData("netcdf4")]
    [InlineData("h5netcdf")]
    public void Xarray_ReadsCoordinates_MasksTheFillValue_AndDecodesCfTime(string engine)
    {
        var path = Write();
        var json = Peers.PythonJson("""
            import sys, xarray
            ds = xarray.open_dataset(sys.argv[1], engine=sys.argv[2])
            t = ds['temperature']
            print(json.dumps({'dims': {k: int(v) for k, v in ds.sizes.items()}, 'tdims': list(t.dims), 'coords': sorted(ds.coords),
                              'values': [None if v != v else float(v) for v in t.values.ravel()], 'units': t.attrs['units'],
                              'encodingFill': float(t.encoding['_FillValue']), 'time': [str(v)[:10] for v in ds['time'].values],
                              'lat': ds['lat'].values.tolist(), 'station': [str(s) for s in ds['station'].values],
                              'conventions': ds.attrs['Conventions']}))
            """, path, engine);
        Assert.Equal(3, json.GetProperty("dims").GetProperty("time").GetInt32());
        Assert.Equal(2, json.GetProperty("dims").GetProperty("lat").GetInt32());
        Assert.Equal(["time", "lat"], json.GetProperty("tdims").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["lat", "time"], json.GetProperty("coords").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([280.0, null, 281, 282, 283, 284.5], json.GetProperty("values").EnumerateArray()
            .Select(e => e.ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : e.GetDouble()));
        Assert.Equal(-999.0, json.GetProperty("encodingFill").GetDouble());
        Assert.Equal("K", json.GetProperty("units").GetString());
        Assert.Equal(["2000-01-01", "2000-01-02", "2000-01-03"], json.GetProperty("time").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([10.0, 20.0], json.GetProperty("lat").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["north", "south", "ä-east"], json.GetProperty("station").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CF-1.8", json.GetProperty("conventions").GetString());
    }

    [Fact]
    public void UnwrittenElements_HoldTheFillValue_ThatNetCdfMasks()
    {
        var path = Files.NewPath("unwritten.nc");
        using (var f = H5File.Create(path))
        {
            using var ds = f.CreateDataset<float>("v", [4], new H5DatasetOptions().WithFillValue(-999f));
            ds.Attrs.Set("_FillValue", -999f);
            ds[1..3].Write<float>([1.5f, 2.5f]);
        }
        var (code, stdout, stderr) = Ncdump("-v", "v", path);
        Assert.True(code == 0, stderr);
        Assert.Contains(" v = _, 1.5, 2.5, _ ;", stdout);
    }

    private static (int Code, string Stdout, string Stderr) Ncdump(params string[] args) =>
        File.Exists("/usr/bin/ncdump")
            ? Peers.Run("/usr/bin/ncdump", args)
            : throw new InvalidOperationException("ncdump is missing: apt-get install netcdf-bin (tests/setup/install-deps.sh installs it).");
}
