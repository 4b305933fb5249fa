# W1/R1, W2/R2 and H1 through h5py, the same work as native/contiguous.c, native/chunked.c and native/hyperslab.c.
# Usage: bulk.py w1|w2 FILE REPEATS  -> "W <s> R <s>" per repetition (R: best of 5 reads, as in C)
#        bulk.py h1 FILE REPEATS     -> "H1 <s> <checksum>" per repetition
import sys, time, numpy, h5py

kind, path, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind in ('w1', 'w2'):
    i = numpy.arange(4096 * 16384, dtype='i8')                                    # outside the timing
    if kind == 'w1':
        data = (i * 0.5).reshape(4096, 16384)                                      # ContiguousWorkload.MakeData
    else:
        data = ((i % 1000) * 0.25 + (i // 16384)).astype('f8').reshape(4096, 16384)  # ChunkedWorkload.MakeData
    del i
    out = numpy.empty_like(data)
    opts = dict(chunks=(256, 2048), shuffle=True, compression='gzip', compression_opts=1) if kind == 'w2' else {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        with h5py.File(path, 'w') as f:
            f.create_dataset('data', data=data, **opts)
        w = time.perf_counter() - t0
        best = 1e9
        for _ in range(5):
            t0 = time.perf_counter()
            with h5py.File(path, 'r') as f:
                f['data'].read_direct(out)
            best = min(best, time.perf_counter() - t0)
        print('W %.6f R %.6f' % (w, best), flush=True)
else:
    mask = (1 << 64) - 1
    buf = numpy.empty((1, 256), dtype='f8')
    for _ in range(repeats):
        t0 = time.perf_counter()
        total = 0.0
        with h5py.File(path, 'r') as f:
            d = f['data']
            x = 42
            for _ in range(10000):
                x = (x * 6364136223846793005 + 1442695040888963407) & mask
                r, c = (x >> 33) % 4096, (x >> 13) % (16384 - 256)
                d.read_direct(buf, numpy.s_[r:r + 1, c:c + 256])
                total += buf[0, 0]
        print('H1 %.6f %.1f' % (time.perf_counter() - t0, total), flush=True)
