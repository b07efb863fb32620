package dev.dgc.core.nn;

import dev.dgc.core.train.MeanShiftSettings;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The unrolled local-window mean-shift of §4.1 of dgc-algorithm.md, built into a SameDiff graph.
 * Every pixel's query starts at its own embedding and moves, T times, to the Gaussian-weighted mean
 * of the ORIGINAL embeddings in its k×k window; window positions outside the map are zero vectors
 * that still count (zero padding). The current iterate enters the weights behind a stop-gradient,
 * so gradients reach the embeddings (weights and weighted sum) and the bandwidth σ = softplus(θ),
 * never the previous iterate.
 *
 * <p>The k² neighbour maps are slices of one zero-padded map, so the {@code [N, HW, k², D]}
 * neighbour tensor is never formed; squared distances use {@code ‖e_j‖² − 2 e_j·z + ‖z‖²}.
 * Building is not thread-safe (SameDiff graph building is not).
 */
public final class MeanShift {

    /** The guard of the weighted mean's denominator, {@code Σ w + 1e-6} (§4.1). */
    static final double DENOMINATOR_GUARD = 1e-6;

    private MeanShift() {
    }

    /**
     * What {@link #build} added.
     *
     * @param shifted   z, {@code [N, D, H, W]}, not unit length
     * @param theta     θ, a scalar: a trainable variable when the bandwidth is learned (and iterations &gt; 0), else a constant
     * @param bandwidth σ = softplus(θ), a scalar
     */
    public record Result(SDVariable shifted, SDVariable theta, SDVariable bandwidth) {
    }

    /**
     * θ with softplus(θ) = σ, {@code ln(e^σ − 1)}.
     *
     * @param bandwidth σ, positive
     * @return θ (0.541325 for σ = 1)
     */
    public static double thetaFor(double bandwidth) {
        return Math.log(Math.expm1(bandwidth));
    }

    /**
     * Adds the mean-shift to the graph.
     *
     * @param sd         the graph
     * @param prefix     name prefix of the added variables ({@code prefix + "theta"} is θ)
     * @param embeddings e, {@code [N, D, rows, cols]}, unit vectors per pixel
     * @param rows       H
     * @param cols       W
     * @param settings   window, iterations, initial σ and whether θ is trained
     * @return z, θ and σ
     */
    public static Result build(SameDiff sd, String prefix, SDVariable embeddings, int rows, int cols,
                               MeanShiftSettings settings) {
        return build(sd, prefix, embeddings, rows, cols, settings, true);
    }

    /**
     * As {@link #build(SameDiff, String, SDVariable, int, int, MeanShiftSettings)}; without the
     * stop-gradient only to show, in tests, that it matters.
     */
    static Result build(SameDiff sd, String prefix, SDVariable embeddings, int rows, int cols,
                        MeanShiftSettings settings, boolean stopGradient) {
        DataType type = embeddings.dataType();
        var thetaValue = Nd4j.scalar(thetaFor(settings.bandwidth())).castTo(type);
        // with no iteration σ reaches nothing, and a variable without gradient would stall the optimiser
        SDVariable theta = settings.learnBandwidth() && settings.iterations() > 0
                ? sd.var(prefix + "theta", thetaValue)
                : sd.constant(prefix + "theta", thetaValue);
        SDVariable sigma = sd.nn().softplus(prefix + "bandwidth", theta);
        if (settings.iterations() == 0) {
            return new Result(sd.identity(prefix + "shifted", embeddings), theta, sigma);
        }
        // −1/(2σ²), the exponent's factor
        SDVariable scale = sigma.mul(sigma).mul(2.0).rdiv(-1.0);
        int k = settings.window();
        int r = k / 2;
        SDVariable padded = sd.nn().pad(embeddings,
                sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 0}, {r, r}, {r, r}})), 0.0);
        SDVariable paddedNorms = sd.sum(sd.math().square(padded), true, 1);
        List<SDVariable> neighbours = new ArrayList<>(k * k);
        List<SDVariable> neighbourNorms = new ArrayList<>(k * k);
        for (int dy = 0; dy < k; dy++) {
            for (int dx = 0; dx < k; dx++) {
                SDIndex ys = SDIndex.interval(dy, dy + rows);
                SDIndex xs = SDIndex.interval(dx, dx + cols);
                neighbours.add(padded.get(SDIndex.all(), SDIndex.all(), ys, xs));
                neighbourNorms.add(paddedNorms.get(SDIndex.all(), SDIndex.all(), ys, xs));
            }
        }
        SDVariable z = embeddings;
        for (int t = 0; t < settings.iterations(); t++) {
            SDVariable query = stopGradient ? new StopGradient(sd, z).outputVariable() : z;
            SDVariable queryNorm = sd.sum(sd.math().square(query), true, 1);
            SDVariable weighted = null;
            SDVariable mass = null;
            for (int j = 0; j < neighbours.size(); j++) {
                SDVariable e = neighbours.get(j);
                SDVariable dot = sd.sum(e.mul(query), true, 1);
                SDVariable distance = neighbourNorms.get(j).sub(dot.mul(2.0)).add(queryNorm);
                SDVariable w = sd.math().exp(distance.mul(scale));
                SDVariable term = e.mul(w);
                weighted = weighted == null ? term : weighted.add(term);
                mass = mass == null ? w : mass.add(w);
            }
            String name = t == settings.iterations() - 1 ? prefix + "shifted" : null;
            z = sd.math().div(name, weighted, mass.add(DENOMINATOR_GUARD));
        }
        return new Result(z, theta, sigma);
    }
}
