package dev.dgc.api.io;

import dev.dgc.api.cube.Georeference;

import java.util.Objects;
import java.util.Optional;

/**
 * Per-pixel class (or cluster) probabilities ready to be written: one band per class,
 * band-sequential, in the georeference of the input cube.
 *
 * @param rows         rows
 * @param cols         columns
 * @param bands        number of classes, one band each
 * @param values       {@code bands·rows·cols} values, band-sequential: band {@code b}, row
 *                     {@code r}, column {@code c} at {@code (b·rows + r)·cols + c}; NaN where a
 *                     pixel has no prediction; not copied, do not modify after construction
 * @param georeference where the raster lies, inherited from the input cube
 */
public record ProbabilityRaster(int rows, int cols, int bands, float[] values, Optional<Georeference> georeference) {

    /** Checks that the sizes agree with the number of values. */
    public ProbabilityRaster {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(georeference, "georeference");
        if (rows < 1 || cols < 1 || bands < 1 || (long) rows * cols * bands != values.length) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + "×" + cols + "×" + bands
                    + " probability raster (rows × cols × bands)");
        }
    }

    /**
     * @param band the band (class index)
     * @param row  the row
     * @param col  the column
     * @return the probability stored there
     */
    public float value(int band, int row, int col) {
        return values[(band * rows + row) * cols + col];
    }
}
