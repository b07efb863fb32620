package dev.dgc.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Optional;

/**
 * The tensors of one training step that a loss term may use. A step sees two views (0 and 1) of the
 * same cubes; every per-pixel tensor is {@code [M, ·]} with M pixels per view in (b, y, x) order.
 */
public interface LossContext {

    /**
     * @return the graph to build the term in
     */
    SameDiff sameDiff();

    /**
     * @param view 0 or 1
     * @return encoder output e before mean-shift, {@code [M, D]}, unit rows
     */
    SDVariable embeddings(int view);

    /**
     * @param view 0 or 1
     * @return mean-shift output z, {@code [M, D]}, not normalised
     */
    SDVariable shifted(int view);

    /**
     * @param view 0 or 1
     * @return soft assignments p, {@code [M, K]}, rows sum to 1
     */
    SDVariable probabilities(int view);

    /**
     * @return the centroids c, {@code [K, D]}, unit rows; a constant when centroids are not trained
     *         by gradient
     */
    SDVariable centroids();

    /**
     * Row indices of the pixels the two windows share, when the sampler's geometry allows it (no
     * spatial warp). Each vector has the fixed length M and is a permutation of the view's rows: its
     * first P entries are the shared pixels, entry i of view 0's and entry i of view 1's showing the
     * same ground pixel, and the remaining entries list the view's other rows. The shape never
     * changes from step to step, so graphs and native kernels are built once; {@link #overlapWeights}
     * says which entries are shared.
     *
     * @param view 0 or 1
     * @return {@code [M]} int64 indices into that view's rows, or empty when the overlap is unknown
     */
    Optional<SDVariable> overlapIndices(int view);

    /**
     * Which entries of the {@linkplain #overlapIndices overlap index vectors} are shared pixels.
     *
     * @return {@code [M]}: 1 for the first P entries, 0 after them; empty when the overlap is unknown
     */
    default Optional<SDVariable> overlapWeights() {
        return Optional.empty();
    }

    /**
     * @return K
     */
    int clusters();

    /**
     * @return M, pixels per view
     */
    long pixelsPerView();

    /**
     * Declares a placeholder whose value the trainer draws anew at every step.
     *
     * @param name   a name unique within the term
     * @param type   the data type
     * @param shape  the shape
     * @param values produces each step's value
     * @return the placeholder
     */
    SDVariable stepInput(String name, DataType type, long[] shape, StepInput values);
}
