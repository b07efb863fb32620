package dev.dgc.api.nn;

/**
 * How far, in pixels, an output pixel can see in each direction; the tiler's halo must be at least
 * this wide for tiled inference to equal whole-image inference.
 *
 * @param rows    reach up and down
 * @param cols    reach left and right
 * @param rowWrap whether the encoder also sees across row ends (the reference {@code raster}
 *                encoder's convolution runs along the flattened raster and wraps from the end of
 *                one row to the start of the next)
 */
public record ReceptiveField(int rows, int cols, boolean rowWrap) {

    /** Rejects negative reaches. */
    public ReceptiveField {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("receptive field must be non-negative, found " + rows + "×" + cols);
        }
    }

    /**
     * The field of this followed by another stage.
     *
     * @param next the later stage
     * @return reaches added, wrap if either wraps
     */
    public ReceptiveField then(ReceptiveField next) {
        return new ReceptiveField(rows + next.rows, cols + next.cols, rowWrap || next.rowWrap);
    }
}
