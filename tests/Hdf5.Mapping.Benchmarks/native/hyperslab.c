/* The floor for H1: 10,000 random 1 x 256 hyperslab reads from the W1 file, through libhdf5 directly.
 * Positions come from the same 64-bit LCG as the C#, h5py and PureHDF sides. Prints "H1 <s>" per repetition. */
#include <hdf5.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: hyperslab FILE [REPEATS]\n"); return 2; }
    int repeats = argc > 2 ? atoi(argv[2]) : 1;
    double buf[256], total = 0;
    hsize_t count[2] = {1, 256}, mdims[1] = {256};
    for (int rep = 0; rep < repeats; rep++) {
        double t0 = now();
        hid_t f = H5Fopen(argv[1], H5F_ACC_RDONLY, H5P_DEFAULT);
        hid_t d = H5Dopen2(f, "data", H5P_DEFAULT);
        hid_t fs = H5Dget_space(d);
        hid_t ms = H5Screate_simple(1, mdims, NULL);
        uint64_t x = 42;
        for (int i = 0; i < 10000; i++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            hsize_t start[2] = {(x >> 33) % 4096, (x >> 13) % (16384 - 256)};
            H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, NULL, count, NULL);
            if (H5Dread(d, H5T_NATIVE_DOUBLE, ms, fs, H5P_DEFAULT, buf) < 0) return 1;
            total += buf[0];
        }
        H5Sclose(ms); H5Sclose(fs); H5Dclose(d); H5Fclose(f);
        printf("H1 %.6f %.1f\n", now() - t0, total);
    }
    return 0;
}
