namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>
/// A corpus of h5py-written files like the fixtures real products ship, one per combination of features: format bounds
/// (earliest, latest), creation order, compact and dense attribute storage (with an attribute larger than 64 KiB),
/// ASCII and UTF-8 strings of both kinds in attributes and datasets, every number width in both byte orders, enums,
/// compounds, references, regions, scales, storage options, groups of one layout, names C# cannot use as they are.
/// Run as <c>python3 -c "$Script" case path</c>.
/// </summary>
public static class FixtureCorpus
{
    /// <summary>The cases <see cref="Script"/> writes.</summary>
    public static readonly string[] Cases =
    [
        "earliest-attributes", "latest-dense-attributes", "utf8-fixed-strings", "storage", "records-and-references",
        "scales-and-beams", "latest-many-links", "big-endian",
    ];

    public const string Script = """
import sys
case, path = sys.argv[1], sys.argv[2]
U = h5py.string_dtype('utf-8')
def fixed(text, cset='utf-8', size=None):
    data = text.encode(cset)
    return data, h5py.string_dtype(cset, size or max(len(data), 1))
def set_fixed(obj, name, text, cset='utf-8', size=None):
    data, dt = fixed(text, cset, size)
    obj.attrs.create(name, data, dtype=dt)
def numbers(obj, prefix=''):
    for t in ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8']:
        obj.attrs[prefix + t] = numpy.array(7, dtype=t) if t[0] != 'f' else numpy.array(0.25, dtype=t)
libver = 'latest' if case.startswith('latest') else 'earliest'
track = case in ('latest-dense-attributes', 'latest-many-links')
with h5py.File(path, 'w', libver=libver, track_order=track) as f:
    f.attrs['case'] = case
    if case == 'earliest-attributes':
        numbers(f)
        f.attrs['flag'] = numpy.bool_(False)
        f.attrs['level'] = numpy.array(2, dtype=h5py.enum_dtype({'LOW': 0, 'MID': 1, 'HIGH': 2}, basetype='u1'))
        f.attrs['text'] = 'plain ASCII'
        f.attrs['unicode'] = 'Grüße, 世界'
        f.attrs['fixed'] = numpy.bytes_('FIXED')
        f.attrs['vector'] = numpy.linspace(0, 1, 5)
        f.attrs['matrix'] = numpy.arange(6, dtype='u2').reshape(3, 2)
        f.attrs['cube'] = numpy.arange(8, dtype='f4').reshape(2, 2, 2)
        f.attrs['words'] = ['one', 'two', 'three']
        f.attrs['codes'] = numpy.array([b'A1', b'B2'], dtype='S2')
        f.attrs['single'] = numpy.array([3.5])
        d = f.create_dataset('values', data=numpy.arange(10, dtype='i4'))
        numbers(d, 'attr_')
        d.attrs['units'] = 'm s-1'
    elif case == 'latest-dense-attributes':
        g = f.create_group('instrument', track_order=True)
        for i in range(40):
            g.attrs['a%02d' % i] = numpy.float32(i) / 4
        g.attrs['large'] = numpy.arange(20000, dtype='f8')  # 160 KB: only dense storage holds it
        d = g.create_dataset('readings', data=numpy.arange(12, dtype='f8').reshape(3, 4))
        for i in range(12):
            d.attrs['calibration_%d' % i] = numpy.int32(i * i)
        d.attrs['history'] = numpy.arange(9000, dtype='i8')
    elif case == 'utf8-fixed-strings':
        set_fixed(f, 'title', 'Mädchen für alles')
        set_fixed(f, 'padded', 'ä', size=8)
        set_fixed(f, 'ascii', 'plain', cset='ascii', size=10)
        f.attrs.create('names', [s.encode() for s in ['Zoë', 'Åsa', 'Øyvind']], dtype=h5py.string_dtype('utf-8', 8))
        f.create_dataset('label', data='Grönland'.encode(), dtype=h5py.string_dtype('utf-8', 12))
        f.create_dataset('stations', data=[s.encode() for s in ['Tromsø', 'Kiruna', 'Oulu']], dtype=h5py.string_dtype('utf-8', 10))
        f.create_dataset('notes', data=['naïve', 'café', ''], dtype=U)
        d = f.create_dataset('temperature', data=numpy.array([1.5, -2.25], 'f4'))
        set_fixed(d, 'units', '°C')
        set_fixed(d, 'long_name', 'Lufttemperatur über Grund')
    elif case == 'storage':
        s = f.create_group('storage')
        s.create_dataset('deflated', data=numpy.arange(200, dtype='f8').reshape(20, 10) / 7, chunks=(5, 10), compression='gzip', compression_opts=4, shuffle=True)
        s.create_dataset('unlimited', data=numpy.arange(24, dtype='i2').reshape(4, 6), chunks=(2, 3), maxshape=(None, 6))
        s.create_dataset('both', data=numpy.arange(16, dtype='u4'), chunks=(4,), maxshape=(None,), compression='gzip', compression_opts=1)
        filled = s.create_dataset('filled', shape=(6,), dtype='i4', fillvalue=-1)
        filled[2:4] = [10, 20]
        nanfill = s.create_dataset('nanfill', shape=(4,), dtype='f8', fillvalue=numpy.nan)
        nanfill[0] = 1.0
        s.create_dataset('empty', shape=(0,), dtype='f4')
        s.create_dataset('scalar_int', data=numpy.int32(-5))
        s.create_dataset('scalar_float', data=numpy.float32(2.5))
        s.create_dataset('scalar_text', data='only one', dtype=U)
        s.create_dataset('scalar_bytes', data=numpy.bytes_('XY'))
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_layout(h5py.h5d.COMPACT)
        sid = h5py.h5s.create_simple((3,))
        h5py.h5d.create(s.id, b'compact', h5py.h5t.IEEE_F64LE, sid, dcpl).write(h5py.h5s.ALL, h5py.h5s.ALL, numpy.array([1.0, 2.0, 3.0]))
        s.create_dataset('flags', data=numpy.array([True, False, False, True]))
    elif case == 'records-and-references':
        color = h5py.enum_dtype({'RED': 0, 'GREEN': 1, 'BLUE': 2}, basetype='i2')
        state = h5py.enum_dtype({'OFF': 0, 'ON': 1}, basetype='u1')
        dt = numpy.dtype([('id', 'u4'), ('value', 'f8'), ('state', state), ('valid', '?'), ('weight', 'f4')])
        r = f.create_group('records')
        r['table'] = numpy.array([(1, 0.5, 1, True, 2.0), (2, -1.5, 0, False, 0.25)], dtype=dt)
        r['colors'] = numpy.array([2, 0, 1], dtype=color)
        r['grid_colors'] = numpy.array([[0, 1], [2, 2]], dtype=color)
        data = f.create_dataset('data', data=numpy.arange(60, dtype='f8').reshape(6, 10))
        other = f.create_dataset('other', data=numpy.arange(5, dtype='i4'))
        f.create_dataset('objects', data=[r.ref, data.ref, other.ref, f.ref], dtype=h5py.ref_dtype)
        f.create_dataset('regions', data=[data.regionref[1:3, 2:5], data.regionref[0:6, 9:10], data.regionref[4:5, 0:10]], dtype=h5py.regionref_dtype)
    elif case == 'scales-and-beams':
        for beam in ['beam 1', 'beam 2', 'beam 3']:
            g = f.create_group(beam)
            t = g.create_dataset('time', data=numpy.arange(4, dtype='f8') * 0.1)
            t.make_scale('time')
            band = g.create_dataset('band', data=numpy.array([450, 550, 650], 'i4'))
            band.make_scale('wavelength')
            for name in ['radiance', 'reflectance']:
                d = g.create_dataset(name, data=numpy.arange(12, dtype='f4').reshape(4, 3))
                d.dims[0].attach_scale(t)
                d.dims[1].attach_scale(band)
                d.dims[0].label = 'time'
                d.dims[1].label = 'band'
            g.attrs['1st pass'] = numpy.int32(1)
            g.attrs['température'] = numpy.float64(21.5)
        f.create_group('deep/a/b/c/d').attrs['depth'] = numpy.int8(5)
    elif case == 'latest-many-links':
        g = f.create_group('many', track_order=True)
        for i in range(30):
            g.create_dataset('item_%02d' % (29 - i), data=numpy.arange(i + 1, dtype='i8'))
        h = f.create_group('also many')
        for i in range(20):
            h.create_group('sub%02d' % i).attrs['index'] = numpy.int32(i)
    elif case == 'big-endian':
        for t in ['>i2', '>i4', '>i8', '>u2', '>u4', '>u8', '>f4', '>f8']:
            name = t[1:]
            f.create_dataset(name, data=(numpy.arange(6) * 3 + 1).astype(t))
            f.attrs['be_' + name] = numpy.array([1, 2], dtype=t)
        f.create_dataset('be_matrix', data=numpy.arange(12, dtype='>f8').reshape(3, 4) / 8)
    else:
        raise Exception('unknown case ' + case)
""";
}
