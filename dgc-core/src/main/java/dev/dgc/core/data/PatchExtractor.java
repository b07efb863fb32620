package dev.dgc.core.data;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;

import java.io.IOException;
import java.util.Objects;

/**
 * Cuts one training view out of a cube: reads only the view's window (all bands), normalises it,
 * warps it if its augmentation warps, rolls its bands, and writes the {@code C×h×w} result
 * band-sequential into a batch buffer, i.e. one patch of an {@code [N, C, h, w]} tensor (§2.5).
 *
 * <p>A cube smaller than the patch along an axis is treated as reflect-padded at the bottom/right up
 * to the patch size, as the reference pads (§2.4, §2.5 a; PyTorch's {@code reflect} mode: padded row
 * {@code H + j} shows row {@code H − 2 − j}, the edge row itself not repeated, continuing periodically
 * where the reference would refuse a pad as large as the cube). Windows may then lie anywhere inside
 * the padded extent {@code max(H, h) × max(W, w)}; only the valid part is read.
 *
 * <p>The extractor reuses its scratch buffers across calls, so an instance is NOT thread-safe: give
 * each thread its own.
 */
public final class PatchExtractor {

    private final int bands;
    private final int patchRows;
    private final int patchCols;
    private final int[] allBands;
    private final float[] source;
    private final float[] patch;
    private final float[] warped;

    /**
     * @param bands     C, the band count of every cube it reads
     * @param patchRows h
     * @param patchCols w
     * @throws IllegalArgumentException if a size is less than 1 or a patch exceeds an array
     */
    public PatchExtractor(int bands, int patchRows, int patchCols) {
        if (bands < 1 || patchRows < 1 || patchCols < 1) {
            throw new IllegalArgumentException("a patch needs at least 1 band, row and column, found " + bands
                    + " bands of " + patchRows + "×" + patchCols);
        }
        this.bands = bands;
        this.patchRows = patchRows;
        this.patchCols = patchCols;
        int size = Math.multiplyExact(bands, Math.multiplyExact(patchRows, patchCols));
        this.allBands = new int[bands];
        for (int b = 0; b < bands; b++) {
            allBands[b] = b;
        }
        this.source = new float[size];
        this.patch = new float[size];
        this.warped = new float[size];
    }

    /** @return the number of floats one patch occupies, {@code C·h·w} */
    public int patchSize() {
        return patch.length;
    }

    /**
     * Writes one normalised, augmented patch.
     *
     * @param cube         the cube to read from
     * @param normalizer   the normaliser of that cube (statistics over all its bands)
     * @param window       the view's window, {@code h × w}, inside the (padded) cube
     * @param augmentation the view's warp and band roll
     * @param dst          the batch buffer
     * @param offset       where the patch's first value goes in {@code dst}
     * @throws IOException               if the cube cannot be read
     * @throws IllegalArgumentException  if the window, cube, normaliser or buffer does not match the
     *                                   patch shape, naming both
     * @throws IndexOutOfBoundsException if the window lies outside the padded cube
     */
    public void extract(HyperspectralCube cube, Normalizer normalizer, Window window, Augmentation augmentation,
                        float[] dst, int offset) throws IOException {
        Objects.requireNonNull(augmentation, "augmentation");
        int lines = cube.metadata().lines();
        int samples = cube.metadata().samples();
        if (cube.metadata().bands() != bands || normalizer.bands() != bands) {
            throw new IllegalArgumentException("patches have " + bands + " bands but " + cube.metadata().source()
                    + " has " + cube.metadata().bands() + " and its normaliser " + normalizer.bands());
        }
        if (window.rows() != patchRows || window.cols() != patchCols) {
            throw new IllegalArgumentException("window " + window + " does not have the patch size " + patchRows + "×"
                    + patchCols);
        }
        if (offset < 0 || dst.length - offset < patch.length) {
            throw new IllegalArgumentException("a patch of " + patch.length + " floats does not fit in a buffer of "
                    + dst.length + " at offset " + offset);
        }
        window.requireWithin(Math.max(lines, patchRows), Math.max(samples, patchCols));
        float[] image = window.fitsIn(lines, samples) ? readInside(cube, normalizer, window)
                : readPadded(cube, normalizer, window, lines, samples);
        if (augmentation.warps()) {
            AffineWarp.apply(image, bands, patchRows, patchCols, augmentation, warped);
            image = warped;
        }
        AffineWarp.bandShift(image, bands, patchRows * patchCols, augmentation.bandShift(), dst, offset);
    }

    private float[] readInside(HyperspectralCube cube, Normalizer normalizer, Window window) throws IOException {
        cube.read(window, allBands, patch, null);
        normalizer.apply(patch, allBands, window.pixels());
        return patch;
    }

    /** Reads the rows and columns the mirrored window needs, then lays them out padded. */
    private float[] readPadded(HyperspectralCube cube, Normalizer normalizer, Window window, int lines, int samples)
            throws IOException {
        int[] rowFrom = new int[patchRows];
        int[] colFrom = new int[patchCols];
        int r0 = Integer.MAX_VALUE;
        int r1 = -1;
        for (int i = 0; i < patchRows; i++) {
            rowFrom[i] = mirror(window.row() + i, lines);
            r0 = Math.min(r0, rowFrom[i]);
            r1 = Math.max(r1, rowFrom[i]);
        }
        int c0 = Integer.MAX_VALUE;
        int c1 = -1;
        for (int j = 0; j < patchCols; j++) {
            colFrom[j] = mirror(window.col() + j, samples);
            c0 = Math.min(c0, colFrom[j]);
            c1 = Math.max(c1, colFrom[j]);
        }
        Window valid = new Window(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
        cube.read(valid, allBands, source, null);
        normalizer.apply(source, allBands, valid.pixels());
        int validPixels = valid.pixels();
        int pixels = patchRows * patchCols;
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < patchRows; i++) {
                int from = b * validPixels + (rowFrom[i] - r0) * valid.cols() - c0;
                int to = b * pixels + i * patchCols;
                for (int j = 0; j < patchCols; j++) {
                    patch[to + j] = source[from + colFrom[j]];
                }
            }
        }
        return patch;
    }

    /** PyTorch's reflect padding index: period 2(n − 1), the edge not repeated. */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
