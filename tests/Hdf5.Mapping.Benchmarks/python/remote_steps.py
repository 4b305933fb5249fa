# R3 through h5py's ROS3 driver: root keys, root attributes, one 1 x 256 slice. Prints the seconds of each run.
import sys, time, h5py

url, page_buf, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for _ in range(repeats):
    t0 = time.perf_counter()
    kw = {'page_buf_size': page_buf} if page_buf > 0 else {}
    with h5py.File(url, 'r', driver='ros3', **kw) as f:
        total = len(list(f.keys())) + sum(len(f.attrs[k]) for k in f.attrs)
        total += f['data'][2000, 5000:5256].sum()
    print('%.6f' % (time.perf_counter() - t0), flush=True)
