package dev.dgc.app.bench;

/**
 * The sizes the cases run at. {@link #STANDARD} is the reference profile (dgc-algorithm.md §13) and
 * the documented cube sizes; {@link #TINY} keeps every case's structure at sizes that run in a
 * second, for tests (the case names then no longer state the sizes).
 *
 * @param patch      training patch side, pixels
 * @param batch      patch pairs per step
 * @param dim        embedding length D of the raster encoder
 * @param kernel     the raster encoder's spatial kernel
 * @param memoryCube side of the in-memory prediction cube (named 256 in the case)
 * @param smallDisk  side of the smaller on-disk prediction cube (named 512)
 * @param largeDisk  side of the larger on-disk prediction cube (named 4096)
 */
record Scale(int patch, int batch, int dim, int kernel, int memoryCube, int smallDisk, int largeDisk) {

    /** The reference profile and the documented sizes. */
    static final Scale STANDARD = new Scale(64, 4, 32, 9, 256, 512, 4096);
    /** Tiny sizes for tests. */
    static final Scale TINY = new Scale(12, 1, 8, 3, 16, 16, 24);
}
