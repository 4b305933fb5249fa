/* The floor for P1/P2: every MPI rank writes its block of rows of a ROWS x COLS float64 dataset (contiguous, or
 * chunked 256 x 2048 with Zstd level 3) to one file through the MPI-IO driver with collective transfers, then reads
 * the same rows back collectively. The Zstd filter is registered in the format of the HDF Group's plugin (one frame
 * per chunk, cd_values[0] = level), with libzstd, as Hdf5.Mapping registers its managed one.
 * Usage: mpirun -np N parallel FILE contiguous|zstd ROWS COLS RUNS. Rank 0 prints "P <write s> <read s>" per run,
 * each the slowest rank's time from the barrier before H5Fcreate/H5Fopen to the barrier after H5Fclose. */
#include <hdf5.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

static size_t zstd_filter(unsigned flags, size_t cd_nelmts, const unsigned cd_values[], size_t nbytes, size_t *buf_size, void **buf)
{
    void *out;
    size_t n;
    if (flags & H5Z_FLAG_REVERSE) {
        unsigned long long size = ZSTD_getFrameContentSize(*buf, nbytes);
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) return 0;
        out = H5allocate_memory(size, 0);
        n = ZSTD_decompress(out, size, *buf, nbytes);
    } else {
        size_t bound = ZSTD_compressBound(nbytes);
        out = H5allocate_memory(bound, 0);
        n = ZSTD_compress(out, bound, *buf, nbytes, cd_nelmts > 0 ? (int)cd_values[0] : 3);
    }
    if (ZSTD_isError(n)) { H5free_memory(out); return 0; }
    H5free_memory(*buf);
    *buf = out;
    *buf_size = n;
    return n;
}

static const H5Z_class2_t ZSTD_CLASS = {H5Z_CLASS_T_VERS, 32015, 1, 1, "zstd (C, libzstd)", NULL, NULL, zstd_filter};

/* Row r is a random walk (like the OU paths of the tutorial, about as compressible), from xorshift64* seeded by r:
 * the C# side computes the same doubles. */
static void fill_row(double *out, unsigned long long row, size_t cols)
{
    unsigned long long s = row * 0x9E3779B97F4A7C15ULL + 1;
    double x = 0;
    for (size_t c = 0; c < cols; c++) {
        s ^= s >> 12; s ^= s << 25; s ^= s >> 27;
        x += ((double)((s * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53 - 0.5) * 0.1;
        out[c] = x;
    }
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    if (argc < 6) { fprintf(stderr, "usage: parallel FILE contiguous|zstd ROWS COLS RUNS\n"); return 2; }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int zstd = strcmp(argv[2], "zstd") == 0, runs = atoi(argv[5]);
    hsize_t rows = strtoull(argv[3], NULL, 10), cols = strtoull(argv[4], NULL, 10);
    hsize_t lo = rows * rank / size, hi = rows * (rank + 1) / size, mine = hi - lo;
    double *buf = malloc((mine * cols > 0 ? mine * cols : 1) * sizeof(double));
    double *last = malloc(cols * sizeof(double));
    for (hsize_t r = 0; r < mine; r++) fill_row(buf + r * cols, lo + r, cols);
    if (zstd && H5Zregister(&ZSTD_CLASS) < 0) return 1;
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS), dxpl = H5Pcreate(H5P_DATASET_XFER);
    H5Pset_fapl_mpio(fapl, MPI_COMM_WORLD, MPI_INFO_NULL);
    H5Pset_dxpl_mpio(dxpl, H5FD_MPIO_COLLECTIVE);
    hsize_t dims[2] = {rows, cols}, chunks[2] = {256, 2048}, start[2] = {lo, 0}, count[2] = {mine, cols};

    for (int run = 0; run < runs; run++) {
        MPI_Barrier(MPI_COMM_WORLD);
        double t0 = MPI_Wtime();
        hid_t f = H5Fcreate(argv[1], H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
        hid_t space = H5Screate_simple(2, dims, NULL), dcpl = H5Pcreate(H5P_DATASET_CREATE);
        if (zstd) { /* as Hdf5.Mapping (and h5py) create chunked datasets: fill time ALLOC */
            H5Pset_chunk(dcpl, 2, chunks); H5Pset_fill_time(dcpl, H5D_FILL_TIME_ALLOC); H5Pset_filter(dcpl, 32015, H5Z_FLAG_MANDATORY, 1, (unsigned[]){3});
        }
        hid_t d = H5Dcreate2(f, "data", H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
        hid_t fs = H5Dget_space(d), ms = H5Screate_simple(2, count, NULL);
        H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, NULL, count, NULL);
        if (H5Dwrite(d, H5T_NATIVE_DOUBLE, ms, fs, dxpl, buf) < 0) return 1;
        H5Sclose(ms); H5Sclose(fs); H5Dclose(d); H5Pclose(dcpl); H5Sclose(space); H5Fclose(f);
        MPI_Barrier(MPI_COMM_WORLD);
        double t1 = MPI_Wtime();

        memset(buf, 0, mine * cols * sizeof(double));
        f = H5Fopen(argv[1], H5F_ACC_RDONLY, fapl);
        d = H5Dopen2(f, "data", H5P_DEFAULT);
        fs = H5Dget_space(d);
        ms = H5Screate_simple(2, count, NULL);
        H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, NULL, count, NULL);
        if (H5Dread(d, H5T_NATIVE_DOUBLE, ms, fs, dxpl, buf) < 0) return 1;
        H5Sclose(ms); H5Sclose(fs); H5Dclose(d); H5Fclose(f);
        MPI_Barrier(MPI_COMM_WORLD);
        double t2 = MPI_Wtime();

        if (mine > 0) fill_row(last, hi - 1, cols);
        if (mine > 0 && buf[mine * cols - 1] != last[cols - 1]) { fprintf(stderr, "rank %d read wrong data\n", rank); return 1; }
        if (rank == 0) { printf("P %.6f %.6f\n", t1 - t0, t2 - t1); fflush(stdout); }
    }
    free(buf); free(last);
    H5Pclose(dxpl); H5Pclose(fapl);
    MPI_Finalize();
    return 0;
}
