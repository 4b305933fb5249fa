/* The floor for W2/R2: the 4096 x 16384 float64 dataset chunked 256 x 2048 with shuffle + deflate level 1,
 * written from and read into one buffer through libhdf5 directly. Prints "W2 <s> R2 <s>". */
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv)
{
    int repeats = argc > 2 ? atoi(argv[2]) : 1;
    if (argc < 2) { fprintf(stderr, "usage: chunked FILE\n"); return 2; }
    hsize_t dims[2] = {4096, 16384}, chunks[2] = {256, 2048};
    size_t n = dims[0] * dims[1];
    double *buf = malloc(n * sizeof(double));
    for (size_t i = 0; i < n; i++) buf[i] = (double)(i % 1000) * 0.25 + (double)(i / 16384); /* same as the C# side */

    for (int rep = 0; rep < repeats; rep++) {
    remove(argv[1]);
    double t0 = now();
    hid_t f = H5Fcreate(argv[1], H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hid_t s = H5Screate_simple(2, dims, NULL);
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 2, chunks);
    H5Pset_shuffle(dcpl);
    H5Pset_deflate(dcpl, 1);
    hid_t d = H5Dcreate2(f, "data", H5T_NATIVE_DOUBLE, s, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    if (H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) return 1;
    H5Dclose(d); H5Pclose(dcpl); H5Sclose(s); H5Fclose(f);
    double t1 = now();

    f = H5Fopen(argv[1], H5F_ACC_RDONLY, H5P_DEFAULT);
    d = H5Dopen2(f, "data", H5P_DEFAULT);
    if (H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) return 1;
    H5Dclose(d); H5Fclose(f);
    double t2 = now();

    if (buf[n - 1] != (double)((n - 1) % 1000) * 0.25 + (double)((n - 1) / 16384)) { fprintf(stderr, "wrong data\n"); return 1; }
    printf("W2 %.6f R2 %.6f\n", t1 - t0, t2 - t1);
    }
    free(buf);
    return 0;
}
