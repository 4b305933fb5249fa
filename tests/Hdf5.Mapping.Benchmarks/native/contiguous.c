/* The floor for W1/R1: libhdf5 called directly. Writes then reads a contiguous 4096 x 16384 float64 dataset
 * (512 MiB) from/to one malloc'd buffer and prints the two times in seconds: "W1 <s> R1 <s>". */
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv)
{
    int repeats = argc > 2 ? atoi(argv[2]) : 1;
    if (argc < 2) { fprintf(stderr, "usage: contiguous FILE\n"); return 2; }
    hsize_t dims[2] = {4096, 16384};
    size_t n = dims[0] * dims[1];
    double *buf = malloc(n * sizeof(double));
    for (size_t i = 0; i < n; i++) buf[i] = (double)i * 0.5;   /* same data as the C# side, outside the timing */

    for (int rep = 0; rep < repeats; rep++) {
    remove(argv[1]);
    double t0 = now();
    hid_t f = H5Fcreate(argv[1], H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hid_t s = H5Screate_simple(2, dims, NULL);
    hid_t d = H5Dcreate2(f, "data", H5T_NATIVE_DOUBLE, s, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) return 1;
    H5Dclose(d); H5Sclose(s); H5Fclose(f);
    double t1 = now();

    /* R1 is short (a copy out of the page cache): take the best of 5 reads to see past scheduler noise. */
    double best = 1e9;
    for (int k = 0; k < 5; k++) {
        double r0 = now();
        f = H5Fopen(argv[1], H5F_ACC_RDONLY, H5P_DEFAULT);
        d = H5Dopen2(f, "data", H5P_DEFAULT);
        if (H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) return 1;
        H5Dclose(d); H5Fclose(f);
        double r1 = now() - r0;
        if (r1 < best) best = r1;
    }

    if (buf[n - 1] != (double)(n - 1) * 0.5) { fprintf(stderr, "wrong data\n"); return 1; }
    printf("W1 %.6f R1 %.6f\n", t1 - t0, best);
    }
    free(buf);
    return 0;
}
