/* The floor for S1/S2: libhdf5 called directly for the same file our side writes. S1 creates "items" and 10,000
 * groups "items/<i>", each with scalar attributes a (float64), b (int32), c (variable-length UTF-8 string) and a
 * contiguous 16-element float64 dataset "d" (no time stamps); S2 opens every group, reads the three attributes and
 * the dataset into a new buffer and sums them. The file is opened as ours is (close degree strong); links are
 * created with one shared link creation list that creates intermediate groups, as ours does.
 * Prints "S1 <s> S2 <s> <total>" per repetition. */
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static int set_scalar(hid_t g, const char *name, hid_t file_type, hid_t mem_type, const void *value)
{
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t a = H5Acreate2(g, name, file_type, space, H5P_DEFAULT, H5P_DEFAULT);
    herr_t r = a < 0 ? -1 : H5Awrite(a, mem_type, value);
    H5Aclose(a); H5Sclose(space);
    return r < 0 ? -1 : 0;
}

static double read_scalar(hid_t g, const char *name, hid_t mem_type, void *value)
{
    hid_t a = H5Aopen(g, name, H5P_DEFAULT);
    herr_t r = H5Aread(a, mem_type, value);
    H5Aclose(a);
    return r;
}

static int write_file(const char *path, int n, hid_t fapl, hid_t lcpl, hid_t utf8)
{
    hsize_t dims[1] = {16};
    double data[16];
    for (int k = 0; k < 16; k++) data[k] = k;
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
    hid_t items = H5Gcreate2(f, "items", lcpl, H5P_DEFAULT, H5P_DEFAULT);
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_obj_track_times(dcpl, 0);
    H5Pset_layout(dcpl, H5D_CONTIGUOUS);
    char name[32], text[32];
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "%d", i);
        hid_t g = H5Gcreate2(items, name, lcpl, H5P_DEFAULT, H5P_DEFAULT);
        if (g < 0) return -1;
        double a = i * 0.5;
        int b = i;
        snprintf(text, sizeof text, "item %d", i);
        const char *c = text;
        if (set_scalar(g, "a", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &a) < 0) return -1;
        if (set_scalar(g, "b", H5T_STD_I32LE, H5T_NATIVE_INT, &b) < 0) return -1;
        if (set_scalar(g, "c", utf8, utf8, &c) < 0) return -1;
        hid_t space = H5Screate_simple(1, dims, NULL);
        hid_t d = H5Dcreate2(g, "d", H5T_IEEE_F64LE, space, lcpl, dcpl, H5P_DEFAULT);
        if (d < 0 || H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0) return -1;
        H5Dclose(d); H5Sclose(space); H5Gclose(g);
    }
    H5Pclose(dcpl); H5Gclose(items);
    return H5Fclose(f);
}

static double read_file(const char *path, int n, hid_t fapl, hid_t utf8)
{
    double total = 0;
    hid_t f = H5Fopen(path, H5F_ACC_RDONLY, fapl);
    hid_t items = H5Gopen2(f, "items", H5P_DEFAULT);
    char name[32];
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "%d", i);
        hid_t g = H5Gopen2(items, name, H5P_DEFAULT);
        double a; int b; char *c = NULL;
        if (read_scalar(g, "a", H5T_NATIVE_DOUBLE, &a) < 0 || read_scalar(g, "b", H5T_NATIVE_INT, &b) < 0
            || read_scalar(g, "c", utf8, &c) < 0) return -1;
        total += a + b + (double)strlen(c);
        H5free_memory(c);
        hid_t d = H5Dopen2(g, "d", H5P_DEFAULT);
        hid_t space = H5Dget_space(d);
        hssize_t count = H5Sget_simple_extent_npoints(space);
        double *values = malloc((size_t)count * sizeof(double));
        if (H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0) return -1;
        for (hssize_t k = 0; k < count; k++) total += values[k];
        free(values);
        H5Sclose(space); H5Dclose(d); H5Gclose(g);
    }
    H5Gclose(items); H5Fclose(f);
    return total;
}

int main(int argc, char **argv)
{
    if (argc < 4) { fprintf(stderr, "usage: small FILE COUNT REPEATS\n"); return 2; }
    int n = atoi(argv[2]), repeats = atoi(argv[3]);
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG);
    hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
    H5Pset_create_intermediate_group(lcpl, 1);
    hid_t utf8 = H5Tcopy(H5T_C_S1);
    H5Tset_size(utf8, H5T_VARIABLE);
    H5Tset_cset(utf8, H5T_CSET_UTF8);
    for (int rep = 0; rep < repeats; rep++) {
        double t0 = now();
        if (write_file(argv[1], n, fapl, lcpl, utf8) < 0) { fprintf(stderr, "S1 failed\n"); return 1; }
        double t1 = now();
        double total = read_file(argv[1], n, fapl, utf8);
        double t2 = now();
        printf("S1 %.6f S2 %.6f %.17g\n", t1 - t0, t2 - t1, total);
        fflush(stdout);
    }
    H5Tclose(utf8); H5Pclose(lcpl); H5Pclose(fapl);
    return 0;
}
