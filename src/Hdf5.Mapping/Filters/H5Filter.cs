using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// One entry of a dataset's filter pipeline: the registered filter id, its flags and its client data
/// (<c>cd_values</c>), as <c>H5Pset_filter</c> takes them and <c>H5Pget_filter2</c> reports them.
/// </summary>
public sealed partial class H5Filter : IEquatable<H5Filter>
{
    /// <summary>Creates a pipeline entry.</summary>
    public H5Filter(int id, string name, IReadOnlyList<uint> clientData, bool optional = false)
    {
        Id = id;
        Name = name;
        ClientData = clientData;
        Optional = optional;
    }

    // A filter of the one table (H5FilterTable), named as the table names it.
    private static H5Filter Known(int id, IReadOnlyList<uint> clientData, bool optional = false) =>
        new(id, H5FilterCatalog.NameOf(id), clientData, optional);

    /// <summary>The registered filter id (1 deflate, 2 shuffle, 32015 Zstd, ...).</summary>
    public int Id { get; }

    /// <summary>The usual name of the filter.</summary>
    public string Name { get; }

    /// <summary>The filter's <c>cd_values</c>.</summary>
    public IReadOnlyList<uint> ClientData { get; }

    /// <summary>Whether the filter is optional (<c>H5Z_FLAG_OPTIONAL</c>): a chunk it fails on is stored unfiltered.</summary>
    public bool Optional { get; }

    /// <summary>The flags as stored (<c>H5Z_FLAG_*</c>).</summary>
    public uint Flags => Optional ? H5Z.FlagOptional : H5Z.FlagMandatory;

    /// <summary>Deflate (gzip) at <paramref name="level"/> 0–9 (h5py: <c>compression="gzip", compression_opts=level</c>);
    /// optional, as <c>H5Pset_deflate</c> makes it.</summary>
    public static H5Filter Deflate(int level = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        return Known(H5Z.FilterDeflate, [(uint)level], optional: true);
    }

    /// <summary>Byte shuffle (h5py: <c>shuffle=True</c>); put it before a compressor. Optional, as <c>H5Pset_shuffle</c> makes it.</summary>
    public static H5Filter Shuffle() => Known(H5Z.FilterShuffle, [], optional: true);

    /// <summary>Fletcher-32 checksum (h5py: <c>fletcher32=True</c>); mandatory, as <c>H5Pset_fletcher32</c> makes it.</summary>
    public static H5Filter Fletcher32() => Known(H5Z.FilterFletcher32, []);

    /// <summary>Scale-offset (h5py: <c>scaleoffset=</c>): for floats, keep <paramref name="factor"/> decimal digits
    /// (<c>H5Z_SO_FLOAT_DSCALE</c>); for integers, <paramref name="factor"/> bits (0 lets libhdf5 choose).</summary>
    public static H5Filter ScaleOffset(int factor, bool forFloatingPoint) =>
        Known(H5Z.FilterScaleoffset, [forFloatingPoint ? 0u : 2u, (uint)factor], optional: true);

    /// <summary>N-bit packing of integer or float data with less precision than its size.</summary>
    public static H5Filter NBit() => Known(H5Z.FilterNbit, [], optional: true);

    /// <summary>SZIP (h5py: <c>compression="szip"</c>): <paramref name="optionsMask"/> 32 for nearest-neighbour, 4 for entropy coding.</summary>
    public static H5Filter Szip(int pixelsPerBlock = 32, int optionsMask = 32) =>
        Known(H5Z.FilterSzip, [(uint)optionsMask, (uint)pixelsPerBlock], optional: true);

    /// <summary>Any registered filter by id and <c>cd_values</c> (h5py: <c>compression=id, compression_opts=values</c>),
    /// optional as h5py flags it.</summary>
    public static H5Filter Custom(int id, params uint[] cdValues) => Known(id, cdValues, optional: true);

    /// <summary>The filter a mapped dataset names with <c>[H5Dataset(Filter = kind, FilterLevel = level)]</c>; a
    /// <paramref name="level"/> of 0 selects the filter's default (see <see cref="H5FilterTable"/>). For
    /// <see cref="H5FilterKind.ZfpAccuracy"/> the level is a power of ten: -4 means accuracy 1e-4.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="H5FilterKind.None"/> or unknown.</exception>
    public static H5Filter Of(H5FilterKind kind, int level = 0)
    {
        var known = H5FilterTable.FromKind(kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No filter has this kind.");
        if (level == 0) level = known.DefaultLevel;
        return kind switch
        {
            H5FilterKind.Deflate => Deflate(level),
            H5FilterKind.Zstd => Zstd(level),
            // Parsed, not Math.Pow: "1e-4" is the double closest to 10^-4, as Python's 1e-4 is (same cd_values as hdf5plugin).
            H5FilterKind.ZfpAccuracy => ZfpAccuracy(double.Parse("1e" + level.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)),
            H5FilterKind.Lz4 => Lz4(),
            H5FilterKind.Bzip2 => Bzip2(level),
            H5FilterKind.Blosc => Blosc(),
            H5FilterKind.Lzf => Lzf(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No filter has this kind."),
        };
    }

    /// <summary>Adds this filter to a dataset creation property list. Scale-offset, n-bit and szip go through their
    /// libhdf5 helpers, which compute private parameters and flag the filter optional (hence their factories here do too).</summary>
    internal unsafe void Apply(PropertyListId dcpl)
    {
        H5FilterCatalog.EnsureAvailable(Id, Name);
        // Built-in helpers compute their private cd_values (scale-offset and n-bit need the datatype).
        switch (Id)
        {
            case H5Z.FilterScaleoffset:
                H5Call.Check(H5P.SetScaleoffset(dcpl, (int)ClientData[0], (int)ClientData[1]), "adding the scale-offset filter");
                return;
            case H5Z.FilterNbit:
                H5Call.Check(H5P.SetNbit(dcpl), "adding the n-bit filter");
                return;
            case H5Z.FilterSzip:
                H5Call.Check(H5P.SetSzip(dcpl, ClientData[0], ClientData[1]), "adding the szip filter");
                return;
        }
        var cd = ClientData.ToArray();
        fixed (uint* p = cd)
            H5Call.Check(H5P.SetFilter(dcpl, Id, Flags, (nuint)cd.Length, p), $"adding filter {Name} ({Id})");
    }

    /// <inheritdoc/>
    public bool Equals(H5Filter? other) => other is not null && other.Id == Id && other.Flags == Flags && other.ClientData.SequenceEqual(ClientData);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as H5Filter);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, ClientData.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Id}){(ClientData.Count == 0 ? "" : " [" + string.Join(", ", ClientData) + "]")}";
}
