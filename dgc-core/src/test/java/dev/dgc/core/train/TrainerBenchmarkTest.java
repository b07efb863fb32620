package dev.dgc.core.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step time of the reference profile at the reference size (83×86×204 cube, batch 4, 64×64
 * patches, K = 6, raster encoder). A measurement, not a unit test: run it with
 * {@code -Ddgc.benchmark=true}; it prints seconds per step.
 */
@EnabledIfSystemProperty(named = "dgc.benchmark", matches = "true")
class TrainerBenchmarkTest {

    @TempDir
    Path temp;

    @Test
    void referenceSizedStepsStayFiniteAndTheirTimeIsReported() throws IOException {
        int steps = Integer.getInteger("dgc.benchmark.steps", 4);
        TrainingSettings settings = TrainerFixtures.settings(TrainerFixtures.model(204, 6, Map.of()), steps, 4, 0);
        Trainer trainer = new Trainer(settings, List.of(new TrainingCube("synthetic", new SyntheticCube(83, 86, 204))),
                TrainerFixtures.sampler(64), temp);
        List<StepReport> reports = new ArrayList<>();
        long start = System.nanoTime();
        trainer.train(new TrainingListener() {
            @Override
            public void step(StepReport report) {
                reports.add(report);
                System.out.printf("step %d: %.2f s, total %.4f%n", report.step(), report.seconds(), report.total());
            }
        }, false);
        System.out.printf("run: %.1f s for %d steps%n", (System.nanoTime() - start) / 1e9, steps);
        assertThat(reports).allMatch(r -> Double.isFinite(r.total()));
    }
}
