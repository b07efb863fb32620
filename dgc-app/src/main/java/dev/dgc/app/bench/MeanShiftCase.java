package dev.dgc.app.bench;

import dev.dgc.core.nn.LocalMeanShift;
import dev.dgc.core.train.MeanShiftSettings;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The mean-shift alone ({@link LocalMeanShift}, §4.1) on the embeddings of one training step:
 * 2B maps of D×h×w, the reference window and iterations, σ = 1. The forward case times the T
 * iterations; the backward case times the backward through the last iteration of a forward pass made
 * once beforehand.
 */
final class MeanShiftCase implements BenchCase {

    private final ReferenceProfile profile;
    private final boolean backward;

    /**
     * @param profile  the reference profile
     * @param backward whether the backward pass is timed instead of the forward
     */
    MeanShiftCase(ReferenceProfile profile, boolean backward) {
        this.profile = profile;
        this.backward = backward;
    }

    @Override
    public String name() {
        return "meanshift-" + (backward ? "backward" : "forward");
    }

    @Override
    public String description() {
        Scale s = profile.scale();
        MeanShiftSettings m = MeanShiftSettings.REFERENCE;
        return "mean-shift " + (backward ? "backward" : "forward") + ", " + 2 * s.batch() + " maps of D=" + s.dim() + " × " + s.patch()
                + "×" + s.patch() + ", window " + m.window() + ", " + m.iterations() + " iterations";
    }

    @Override
    public Timings measure(int warmup, int repetitions) throws IOException {
        Scale s = profile.scale();
        MeanShiftSettings m = MeanShiftSettings.REFERENCE;
        int maps = 2 * s.batch();
        LocalMeanShift shift = new LocalMeanShift(maps, s.dim(), s.patch(), s.patch(), m.window(), m.iterations());
        SplittableRandom random = new SplittableRandom(ReferenceProfile.SEED);
        double[] e = new double[maps * s.dim() * s.patch() * s.patch()];
        double[] g = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = random.nextDouble(-1, 1);
            g[i] = random.nextDouble(-1e-3, 1e-3);
        }
        if (backward) {
            LocalMeanShift.Pass pass = shift.forward(e, m.bandwidth());
            return new Timings(BenchCase.time(warmup, repetitions, () -> pass.backward(g)), OptionalLong.empty());
        }
        return new Timings(BenchCase.time(warmup, repetitions, () -> shift.forward(e, m.bandwidth())), OptionalLong.empty());
    }
}
