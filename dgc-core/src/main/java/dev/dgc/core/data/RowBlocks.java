package dev.dgc.core.data;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.io.IOException;

/**
 * Reads a cube by blocks of whole rows, all bands, and says which pixels are valid. One buffer is
 * reused for every block, so memory is one block, never the cube. Not thread-safe.
 */
public final class RowBlocks {

    /** Receives one block; the buffers are reused for the next block. */
    @FunctionalInterface
    public interface BlockConsumer {
        /**
         * @param window the block
         * @param values band-sequential values of all bands, raw (no-data pixels are NaN)
         * @param valid  per pixel: no band is no-data
         */
        void accept(Window window, float[] values, boolean[] valid);
    }

    private final HyperspectralCube cube;
    private final int pixelsPerRead;

    /**
     * @param cube          the cube; read, never closed
     * @param pixelsPerRead the most pixels one block holds (at least one whole row is read)
     */
    public RowBlocks(HyperspectralCube cube, int pixelsPerRead) {
        this.cube = cube;
        this.pixelsPerRead = pixelsPerRead;
    }

    /**
     * Reads the whole cube, block by block, top to bottom.
     *
     * @param consumer receives every block
     * @throws IOException when the cube cannot be read
     */
    public void forEach(BlockConsumer consumer) throws IOException {
        int lines = cube.metadata().lines();
        int samples = cube.metadata().samples();
        int[] bands = cube.metadata().allBands();
        int rows = Math.max(1, Math.min(lines, pixelsPerRead / samples));
        float[] values = new float[Math.multiplyExact(Math.multiplyExact(rows, samples), bands.length)];
        boolean[] noData = new boolean[rows * samples];
        boolean[] valid = new boolean[rows * samples];
        for (int row = 0; row < lines; row += rows) {
            Window w = new Window(row, 0, Math.min(rows, lines - row), samples);
            int pixels = w.pixels();
            cube.read(w, bands, values, noData);
            for (int i = 0; i < pixels; i++) {
                boolean ok = !noData[i];
                for (int b = 0; b < bands.length && ok; b++) {
                    ok = !Float.isNaN(values[b * pixels + i]);
                }
                valid[i] = ok;
            }
            consumer.accept(w, values, valid);
        }
    }
}
