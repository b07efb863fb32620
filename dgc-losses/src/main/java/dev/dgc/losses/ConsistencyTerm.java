package dev.dgc.losses;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * The consistency term of §5 of dgc-algorithm.md: per pixel the halved symmetric KL divergence
 * {@code ½ Σ_k (p̃⁰_k − p̃¹_k)(ln p̃⁰_k − ln p̃¹_k)} with {@code p̃ = p + 1e-6} (not renormalised),
 * averaged over pixels. The reference compares the views index by index (§2.6); the paper compares
 * the pixels of the overlap, which the context knows only when the sampler does not warp.
 * Gradients reach both views. Stateless and thread-safe.
 */
public final class ConsistencyTerm implements LossTermProvider {

    static final String REGION = "region";
    static final String INDEX_ALIGNED = "index-aligned";
    static final String OVERLAP = "overlap";

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public ConsistencyTerm() {
        // Stateless: every build reads its settings from the parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "consistency";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "symmetric KL divergence between the two views' assignments, per pixel (§5, §2.6)";
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.choice(REGION, INDEX_ALIGNED,
                "pixels compared: the same grid position in both views (reference) or the same ground pixel in the windows'"
                        + " overlap (paper; needs a sampler without affine warp)",
                INDEX_ALIGNED, OVERLAP));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException for {@code region: overlap} when the context does not know the
     *                               overlap
     */
    @Override
    public SDVariable build(LossContext context, Parameters params) {
        SameDiff sd = context.sameDiff();
        if (OVERLAP.equals(params.getString(REGION))) {
            SDVariable indices0 = overlap(context, 0);
            SDVariable indices1 = overlap(context, 1);
            SDVariable weights = context.overlapWeights().orElseThrow(() -> new IllegalStateException(
                    "the step gives overlap indices but no overlap weights; the engine must provide both"));
            int rows = Math.toIntExact(context.pixelsPerView());
            // at least 1, so that a step whose windows share nothing contributes 0 rather than 0/0
            SDVariable shared = sd.math().max(sd.sum(weights), sd.onesLike(sd.sum(weights)));
            SDVariable divergence = divergence(sd, pairRows(sd, context.probabilities(0), indices0, rows),
                    pairRows(sd, context.probabilities(1), indices1, rows));
            return sd.sum(divergence.mul(weights)).div(shared);
        }
        return sd.mean(divergence(sd, context.probabilities(0), context.probabilities(1)));
    }

    /** Per row, ½ Σ_k (p̃⁰ − p̃¹)(ln p̃⁰ − ln p̃¹) with p̃ = p + 1e-6. */
    private static SDVariable divergence(SameDiff sd, SDVariable p0, SDVariable p1) {
        SDVariable a = p0.add(LossMath.SMOOTHING);
        SDVariable b = p1.add(LossMath.SMOOTHING);
        return sd.sum(a.sub(b).mul(sd.math().log(a).sub(sd.math().log(b))), 1).mul(0.5);
    }

    /**
     * The rows {@code p[indices[n]]} moved to rows n = 0…P−1 of an {@code [M, K]} result whose other
     * rows are zero. This is a gather, written as a segment sum because ND4J 1.0.0-M2.1 builds the
     * gradient of {@code gather} from a control-flow loop that fails once a graph holds two of them;
     * the segment sum has a native gradient. Overlap indices within a view are distinct.
     */
    private static SDVariable pairRows(SameDiff sd, SDVariable p, SDVariable indices, int rows) {
        // bookkeeping in float64, which cumsum accepts and which holds row numbers exactly
        SDVariable position = sd.cumsum(sd.onesLike(indices, DataType.DOUBLE), false, false, 0);
        // n + 1 at row indices[n], 0 at rows outside the overlap
        SDVariable rank = sd.unsortedSegmentSum(position, indices, rows);
        SDVariable shared = sd.gt(rank, 0.0);
        SDVariable segment = sd.castTo(rank.sub(sd.castTo(shared, DataType.DOUBLE)), DataType.INT64);
        SDVariable kept = p.mul(sd.expandDims(sd.castTo(shared, p.dataType()), 1));
        return sd.unsortedSegmentSum(kept, segment, rows);
    }

    private static SDVariable overlap(LossContext context, int view) {
        return context.overlapIndices(view).orElseThrow(() -> new IllegalStateException(
                "consistency with region: overlap needs to know which pixels the two views share, and this step does"
                        + " not: the overlap is known only with a sampler configured with 'affine: false' (an affine warp"
                        + " moves the pixels); set 'affine: false' on the sampler or use region: " + INDEX_ALIGNED));
    }
}
