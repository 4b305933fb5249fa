namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>h5py scripts shared by the scaffolding and tool tests: the files to scaffold, and a canonical reading of a
/// file (every dataset and attribute as shape + flat values) to compare ours with.</summary>
public static class PeerFiles
{
    /// <summary>Every kind of object the scaffolder maps: numbers of every width, bool, enums, both string kinds
    /// (datasets and attributes, scalar and 1-D), compounds, object and region references, scales with labels,
    /// chunked/filtered/resizable/filled/compact storage, scalar datasets, deep groups.</summary>
    public const string KitchenSink = """
import sys
path = sys.argv[1]
with h5py.File(path, 'w') as f:
    f.attrs['title'] = 'kitchen sink'
    f.attrs['institution'] = numpy.bytes_('NASA GSFC')
    f.attrs['version'] = numpy.int16(7)
    f.attrs['scale_factors'] = numpy.array([0.5, 2.0, 4.0])
    f.attrs['matrix'] = numpy.arange(6, dtype='i4').reshape(2, 3)
    f.attrs['valid'] = numpy.bool_(True)
    f.attrs['keywords'] = ['alpha', 'beta']
    f.attrs['flags'] = numpy.array([b'A', b'BB'], dtype='S2')
    n = f.create_group('numbers')
    for t in ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8']:
        signed = t[0] != 'u'
        n[t] = (numpy.arange(12) * (-3 if signed else 5) + (1 if t[0] == 'f' else 0) / 4).astype(t)
    n['u8'][0] = numpy.uint64(2**63 + 5)
    n['bools'] = numpy.array([True, False, True])
    n['grid'] = numpy.arange(24, dtype='f8').reshape(2, 3, 4) / 8
    n['matrix'] = numpy.arange(20, dtype='>i4').reshape(4, 5)
    n['answer'] = numpy.int64(42)
    n['pi'] = numpy.float64(3.141592653589793)
    s = f.create_group('strings')
    s.create_dataset('names', data=['α-particle', 'beta', ''], dtype=h5py.string_dtype())
    s['codes'] = numpy.array([b'AB', b'CDEFG'], dtype='S5')
    s.create_dataset('comment', data='one string', dtype=h5py.string_dtype())
    s['code'] = numpy.bytes_('XYZ')
    r = f.create_group('records')
    dt = numpy.dtype([('id', 'i4'), ('x', 'f8'), ('Temp K', 'f4'), ('ok', '?')])
    r['table'] = numpy.array([(1, 0.5, 270.0, True), (2, 1.5, 280.5, False), (3, -2.25, 0.125, True)], dtype=dt)
    r['color'] = numpy.array([0, 1, 2, 1], dtype=h5py.enum_dtype({'RED': 0, 'GREEN': 1, 'BLUE': 2}, basetype='i1'))
    st_dt = numpy.dtype([('name', h5py.string_dtype()), ('code', 'S4'), ('samples', h5py.vlen_dtype(numpy.dtype('f8'))), ('level', 'i4')])
    r['stations'] = numpy.array([('Davos', b'DAV', numpy.array([1.5, -2.0]), 3), ('Zürich', b'ZRH', numpy.array([0.25]), -1)], dtype=st_dt)
    st = f.create_group('storage')
    st.create_dataset('packed', data=numpy.arange(100, dtype='f4') / 3, chunks=(10,), compression='gzip', compression_opts=6, shuffle=True)
    st.create_dataset('growing', data=numpy.arange(30, dtype='i4'), chunks=(10,), maxshape=(None,))
    filled = st.create_dataset('filled', shape=(5,), dtype='f4', fillvalue=-9999.0)
    filled[1:3] = [1.5, 2.5]
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_layout(h5py.h5d.COMPACT)
    sid = h5py.h5s.create_simple((4,))
    h5py.h5d.create(st.id, b'small', h5py.h5t.STD_I16LE, sid, dcpl).write(h5py.h5s.ALL, h5py.h5s.ALL, numpy.array([3, 1, 4, 1], dtype='<i2'))
    sc = f.create_group('scales')
    t = sc.create_dataset('time', data=numpy.arange(5, dtype='f8') * 0.5)
    t.make_scale('time')
    ch = sc.create_dataset('channel', data=numpy.array([10, 20, 30], 'i4'))
    ch.make_scale('channel')
    sig = sc.create_dataset('signal', data=numpy.arange(15, dtype='f4').reshape(5, 3))
    sig.dims[0].attach_scale(t)
    sig.dims[0].label = 't'
    sig.dims[1].attach_scale(ch)
    sig.attrs['units'] = 'V'
    refs = f.create_group('refs')
    data = refs.create_dataset('data', data=numpy.arange(100, dtype='f8').reshape(10, 10))
    refs.create_dataset('objects', data=[f['numbers'].ref, data.ref, f.ref], dtype=h5py.ref_dtype)
    refs.create_dataset('regions', data=[data.regionref[2:4, 5:8], data.regionref[0:1, 0:10]], dtype=h5py.regionref_dtype)
    f.create_group('deep/er/still').attrs['depth'] = numpy.int32(3)
""";

    /// <summary>An ICESat-2 ATL03-like product: six beams of identical layout (one class), deep METADATA groups holding
    /// only attributes, CF-style fixed-length string attributes on every dataset, delta_time scales, chunked gzip data.</summary>
    public const string IceSat2Like = """
import sys
path = sys.argv[1]
S = numpy.bytes_
rng = numpy.random.default_rng(7)
with h5py.File(path, 'w') as f:
    for k, v in {'Conventions': 'CF-1.6', 'short_name': 'ATL03', 'title': 'SET_BY_META', 'level': 'L2A',
                 'institution': 'National Aeronautics and Space Administration (NASA)', 'source': 'Spacecraft',
                 'references': 'http://nsidc.org/data/icesat2/data.html', 'featureType': 'trajectory',
                 'time_type': 'CCSDS UTC-A', 'date_type': 'UTC', 'granule_type': 'ATL03', 'identifier_product_type': 'ATL03',
                 'identifier_product_format_version': '5.0', 'summary': 'The purpose of ATL03 is to provide along-track photon data & <stuff>.'}.items():
        f.attrs[k] = S(v)
    def cf(ds, units, long_name, description, standard_name=None, coordinates=None, **extra):
        ds.attrs['units'] = S(units)
        ds.attrs['long_name'] = S(long_name)
        ds.attrs['description'] = S(description)
        ds.attrs['contentType'] = S('modelResult')
        ds.attrs['source'] = S('ATL03 ATBD, Section 7')
        if standard_name: ds.attrs['standard_name'] = S(standard_name)
        if coordinates: ds.attrs['coordinates'] = S(coordinates)
        for k, v in extra.items(): ds.attrs[k] = v
    anc = f.create_group('ancillary_data')
    cf(anc.create_dataset('atlas_sdp_gps_epoch', data=numpy.array([1198800018.0])), 'seconds since 1980-01-06T00:00:00.000000Z', 'ATLAS Epoch Offset', 'Number of GPS seconds between the GPS epoch and the ATLAS epoch.')
    cf(anc.create_dataset('data_start_utc', data=numpy.array([b'2019-05-01T00:00:00.000000Z'], dtype='S27')), '1', 'Start UTC Time of Granule', 'UTC (in CCSDS-A format) of the first data point within the granule.')
    cf(anc.create_dataset('start_rgt', data=numpy.array([518], 'i4')), '1', 'Start Reference Groundtrack', 'The reference groundtrack (RGT) at the granule start.', valid_min=numpy.int32(1), valid_max=numpy.int32(1387))
    oi = f.create_group('orbit_info')
    cf(oi.create_dataset('orbit_number', data=numpy.array([3280], 'u2')), '1', 'Orbit Number', 'Unique identifying number for each planned ICESat-2 orbit.')
    cf(oi.create_dataset('sc_orient', data=numpy.array([1], 'i1')), '1', 'Spacecraft Orientation', 'Orientation of the spacecraft.', flag_values=numpy.array([0, 1, 2], 'i1'), flag_meanings=S('backward forward transition'))
    for i, beam in enumerate(['gt1l', 'gt1r', 'gt2l', 'gt2r', 'gt3l', 'gt3r']):
        g = f.create_group(beam)
        g.attrs['atlas_beam_type'] = S('strong' if beam.endswith('l') else 'weak')
        g.attrs['atlas_spot_number'] = S(str(i + 1))
        g.attrs['groundtrack_id'] = S(beam)
        g.attrs['sc_orientation'] = S('Forward')
        g.attrs['Description'] = S('Each group contains the segments for one Ground Track.')
        n = 150 + 10 * i
        h = g.create_group('heights')
        t = h.create_dataset('delta_time', data=numpy.sort(rng.uniform(4.1e7, 4.2e7, n)), chunks=(50,), compression='gzip', compression_opts=6)
        cf(t, 'seconds since 2018-01-01', 'Elapsed GPS seconds', 'Elapsed seconds from the ATLAS SDP GPS Epoch.', 'time')
        t.make_scale('delta_time')
        for name, dtype, lo, hi, units, long_name, std in [('h_ph', 'f4', -100, 3000, 'meters', 'Photon WGS84 Height', 'height'),
                                                          ('lat_ph', 'f8', -90, 90, 'degrees_north', 'Latitude', 'latitude'),
                                                          ('lon_ph', 'f8', -180, 180, 'degrees_east', 'Longitude', 'longitude')]:
            d = h.create_dataset(name, data=rng.uniform(lo, hi, n).astype(dtype), chunks=(50,), compression='gzip', compression_opts=6)
            cf(d, units, long_name, long_name + ' of each received photon.', std, 'delta_time lat_ph lon_ph', valid_min=numpy.array(lo, dtype), valid_max=numpy.array(hi, dtype))
            d.dims[0].attach_scale(t)
        conf = h.create_dataset('signal_conf_ph', data=rng.integers(-2, 5, (n, 5)).astype('i1'), chunks=(50, 5), compression='gzip', compression_opts=6)
        cf(conf, 'counts', 'Photon Signal Confidence', 'Confidence level associated with each photon event selected as signal.', coordinates='delta_time lat_ph lon_ph',
           flag_values=numpy.array([-2, -1, 0, 1, 2, 3, 4], 'i1'), flag_meanings=S('possible_tep not_considered noise buffer low medium high'))
        conf.dims[0].attach_scale(t)
        geo = g.create_group('geolocation')
        gt = geo.create_dataset('delta_time', data=numpy.sort(rng.uniform(4.1e7, 4.2e7, 20)))
        gt.make_scale('delta_time')
        cf(gt, 'seconds since 2018-01-01', 'Elapsed GPS seconds', 'Elapsed seconds from the ATLAS SDP GPS Epoch.', 'time')
        seg = geo.create_dataset('segment_id', data=numpy.arange(20, dtype='i4') + 555000)
        cf(seg, '1', 'Along-track segment ID number', 'A 7 digit number identifying the along-track geolocation segment number.')
        seg.dims[0].attach_scale(gt)
    md = f.create_group('METADATA')
    md.attrs['iso_19139_dataset_xml'] = S('ATL03_iso19139.xml')
    acq = md.create_group('AcquisitionInformation/lidar')
    acq.attrs['description'] = S('Information relevant to the lidar instrument.')
    acq.attrs['identifier'] = S('ATLAS')
    acq.attrs['type'] = S('Laser Altimeter')
    acq.create_group('platform').attrs['identifier'] = S('ICESat-2')
    ident = md.create_group('DatasetIdentification')
    for k, v in {'fileName': 'ATL03_20190501.h5', 'VersionID': '005', 'shortName': 'ATL03', 'spatialRepresentationType': 'along-track',
                 'creationDate': '2021-09-10T19:53:44.000000Z', 'language': 'eng', 'characterSet': 'utf8'}.items():
        ident.attrs[k] = S(v)
    lin = md.create_group('Lineage/ANC19')
    lin.attrs['description'] = S('Leap second file')
    lin.attrs['fileName'] = S('leapseconds.dat')
    lin.attrs['version'] = numpy.int32(2)
""";

    /// <summary>Prints {path: {"shape": [...], "values": [...]}} for every dataset (<c>/a/b</c>) and attribute (<c>/a/b@name</c>)
    /// as h5py reads them: strings decoded, enums as integers, compounds as objects, references as target names,
    /// regions as their target and blocks. H5DS's own attributes (CLASS, NAME, DIMENSION_LIST, REFERENCE_LIST) are left out.</summary>
    public const string CanonicalReading = """
import sys
f = h5py.File(sys.argv[1], 'r')
skip = {'CLASS', 'NAME', 'DIMENSION_LIST', 'REFERENCE_LIST', 'DIMENSION_LABELS'}
def one(v, dt):
    if dt.names:
        return {n: one(v[n], dt.fields[n][0]) for n in dt.names}
    if isinstance(v, numpy.ndarray):
        return [one(x, v.dtype) for x in v]
    if h5py.check_dtype(ref=dt) is h5py.RegionReference:
        if not v: return None
        target = f[v]
        sel = h5py.h5r.get_region(v, f.id)
        blocks = sel.get_select_hyper_blocklist()
        return {'target': target.name, 'blocks': [[[int(x) for x in b[0]], [int(e - s + 1) for s, e in zip(b[0], b[1])]] for b in blocks]}
    if h5py.check_dtype(ref=dt) is h5py.Reference:
        return f[v].name if v else None
    if isinstance(v, bytes): return v.decode('utf-8')
    if isinstance(v, str): return v
    if dt.kind == 'b': return bool(v)
    if dt.kind in 'iu': return int(v)
    if dt.kind == 'f': return float(v) if numpy.isfinite(v) else repr(float(v))
    if dt.kind in 'SO': return v.decode('utf-8') if isinstance(v, (bytes, numpy.bytes_)) else str(v)
    raise Exception('unexpected ' + str(dt))
def entry(value, dt):
    a = numpy.asarray(value, dtype=dt) if not isinstance(value, numpy.ndarray) else value
    shape = list(a.shape)
    flat = a.reshape(-1) if a.ndim else [a[()]]
    return {'shape': shape, 'values': [one(v, dt) for v in flat]}
out = {}
def attrs(obj, path):
    for k in obj.attrs:
        if k in skip: continue
        a = obj.attrs.get_id(k)
        out[path + '@' + k] = entry(obj.attrs[k], a.dtype)
attrs(f, '/')
def visit(name, obj):
    path = '/' + name
    if isinstance(obj, h5py.Dataset):
        out[path] = entry(obj[()], obj.dtype)
    attrs(obj, path)
f.visititems(visit)
print(json.dumps(out))
""";
}
