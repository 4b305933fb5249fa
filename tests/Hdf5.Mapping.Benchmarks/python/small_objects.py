# S1/S2 through h5py: 10,000 groups "items/<i>", each with attributes a (float64), b (int32), c (str) and a
# 16-element float64 dataset "d". Prints "S1 <s> S2 <s>" for each repetition.
import sys, time, numpy, h5py

path, n, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = numpy.arange(16, dtype='f8')
for _ in range(repeats):
    t0 = time.perf_counter()
    with h5py.File(path, 'w') as f:
        items = f.create_group('items')
        for i in range(n):
            g = items.create_group(str(i))
            g.attrs['a'] = i * 0.5
            g.attrs['b'] = numpy.int32(i)
            g.attrs['c'] = 'item %d' % i
            g['d'] = data
    t1 = time.perf_counter()
    total = 0.0
    with h5py.File(path, 'r') as f:
        items = f['items']
        for i in range(n):
            g = items[str(i)]
            total += g.attrs['a'] + g.attrs['b'] + len(g.attrs['c']) + g['d'][()].sum()
    t2 = time.perf_counter()
    print('S1 %.6f S2 %.6f' % (t1 - t0, t2 - t1), flush=True)
