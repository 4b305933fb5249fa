/* R1's other floors, on the W1 file: "sum" reads the dataset into one reused malloc'd buffer and sums it (against a
 * mapped view summed in place); "fresh" mallocs a new buffer for every read and frees it (against reads into a new
 * array, which pay the same first-touch page faults). Prints "<seconds> <sum>" per repetition. */
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv)
{
    if (argc < 4) { fprintf(stderr, "usage: readsum FILE sum|fresh REPEATS\n"); return 2; }
    int fresh = strcmp(argv[2], "fresh") == 0, repeats = atoi(argv[3]);
    size_t n = (size_t)4096 * 16384;
    double *reused = fresh ? NULL : malloc(n * sizeof(double));
    for (int rep = 0; rep < repeats; rep++) {
        double t0 = now();
        double *buf = fresh ? malloc(n * sizeof(double)) : reused;
        hid_t f = H5Fopen(argv[1], H5F_ACC_RDONLY, H5P_DEFAULT);
        hid_t d = H5Dopen2(f, "data", H5P_DEFAULT);
        if (H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) return 1;
        H5Dclose(d); H5Fclose(f);
        double sum = 0;
        if (!fresh) for (size_t i = 0; i < n; i++) sum += buf[i];
        else sum = buf[n - 1];
        if (fresh) free(buf);
        printf("%.6f %.17g\n", now() - t0, sum);
    }
    free(reused);
    return 0;
}
