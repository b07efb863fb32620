package dev.dgc.api.sampling;

import dev.dgc.api.cube.Window;

import java.util.Objects;
import java.util.Optional;

/**
 * Two overlapping windows of one cube and the augmentation of each view.
 *
 * @param cube   index of the cube in the run's input list
 * @param first  window of view 0
 * @param second window of view 1, of the same size
 * @param firstAugmentation  augmentation of view 0
 * @param secondAugmentation augmentation of view 1
 */
public record PatchPair(int cube, Window first, Window second, Augmentation firstAugmentation, Augmentation secondAugmentation) {

    /** Requires windows of equal size. */
    public PatchPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(firstAugmentation, "firstAugmentation");
        Objects.requireNonNull(secondAugmentation, "secondAugmentation");
        if (cube < 0) {
            throw new IllegalArgumentException("cube index must be non-negative, found " + cube);
        }
        if (first.rows() != second.rows() || first.cols() != second.cols()) {
            throw new IllegalArgumentException("the two views must have the same size, found " + first + " and " + second);
        }
    }

    /**
     * The shared pixels in each view's coordinates (§2.6): with {@code ry = y1 − y0},
     * {@code rx = x1 − x0}, view-0 pixel (u, v) shows the same ground as view-1 pixel
     * (u − ry, v − rx).
     *
     * @return the overlap, or empty when the windows do not overlap
     */
    public Optional<Overlap> overlap() {
        int ry = second.row() - first.row();
        int rx = second.col() - first.col();
        int rows = first.rows() - Math.abs(ry);
        int cols = first.cols() - Math.abs(rx);
        if (rows <= 0 || cols <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Overlap(
                new Window(Math.max(0, ry), Math.max(0, rx), rows, cols),
                new Window(Math.max(0, -ry), Math.max(0, -rx), rows, cols)));
    }

    /**
     * The overlap of a pair in each view's own patch coordinates.
     *
     * @param inFirst  the shared pixels, in view 0's patch coordinates
     * @param inSecond the same pixels, in view 1's patch coordinates
     */
    public record Overlap(Window inFirst, Window inSecond) {
    }
}
