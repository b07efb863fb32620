package dev.dgc.app.bench;

import dev.dgc.core.train.StepReport;
import dev.dgc.core.train.Trainer;
import dev.dgc.core.train.TrainingCube;
import dev.dgc.core.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One full training step of the reference profile, as {@link Trainer} runs it: plan the pairs, cut
 * and normalise the patches, forward and backward, gradient clipping, AdamW, the second forward and
 * the centroid EMA. The trainer runs warm-up plus repetitions steps on an 83×86 {@link PatternCube}
 * (Salinas-A's size) and each step's time is the one the trainer reports; statistics, graph
 * building and the final checkpoint are outside it.
 */
final class TrainingCase implements BenchCase {

    private static final int LINES = 83;
    private static final int SAMPLES = 86;

    private final ReferenceProfile profile;
    private final int bands;
    private final int clusters;

    /**
     * @param profile  the reference profile
     * @param bands    C
     * @param clusters K
     */
    TrainingCase(ReferenceProfile profile, int bands, int clusters) {
        this.profile = profile;
        this.bands = bands;
        this.clusters = clusters;
    }

    @Override
    public String name() {
        return "train-c" + bands + "-k" + clusters;
    }

    @Override
    public String description() {
        Scale s = profile.scale();
        return "one training step, C=" + bands + ", K=" + clusters + ", batch " + s.batch() + " pairs of " + s.patch() + "×"
                + s.patch() + ", raster D=" + s.dim() + " kernel " + s.kernel();
    }

    @Override
    public Timings measure(int warmup, int repetitions) throws IOException {
        Scale s = profile.scale();
        Path dir = TempDirs.create("dgc-bench-train");
        try {
            List<Double> millis = new ArrayList<>();
            Trainer trainer = new Trainer(profile.training(bands, clusters, warmup + repetitions, s.batch()),
                    List.of(new TrainingCube("pattern", new PatternCube(Math.max(LINES, s.patch()), Math.max(SAMPLES, s.patch()), bands))),
                    profile.sampler(s.patch()), dir);
            trainer.train(new TrainingListener() {
                @Override
                public void step(StepReport report) {
                    if (report.step() > warmup) {
                        millis.add(report.seconds() * 1e3);
                    }
                }
            }, false);
            return new Timings(millis, OptionalLong.empty());
        } finally {
            TempDirs.delete(dir);
        }
    }
}
