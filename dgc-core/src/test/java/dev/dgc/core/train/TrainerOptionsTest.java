package dev.dgc.core.train;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossBalancerProvider;
import dev.dgc.core.model.ModelReader;
import dev.dgc.core.model.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The options of issue 7: data-seeded centroids, dynamic loss balancing, and keeping the best checkpoint. */
class TrainerOptionsTest {

    private static final Map<String, Object> SMALL_ENCODER = Map.of("dim", 8, "kernel", 3);

    @TempDir
    Path temp;

    private static TrainingSettings settings(int steps, int checkpointEvery, CentroidSettings centroids, LossBalancing balancing,
                                             ModelSelection selection) {
        TrainingSettings base = TrainerFixtures.settings(TrainerFixtures.model(5, 3, SMALL_ENCODER), steps, 2, checkpointEvery, 10,
                centroids);
        return new TrainingSettings(base.model(), base.losses(), base.centroids(), base.optimizer(), base.normalization(), base.steps(),
                base.epochs(), base.batch(), base.seed(), base.gradientClip(), base.checkpointEvery(), balancing, selection);
    }

    private static Trainer trainer(Path runDir, TrainingSettings settings) {
        return new Trainer(settings, List.of(new TrainingCube("synthetic", new SyntheticCube(12, 12, 5))), TrainerFixtures.sampler(8),
                runDir);
    }

    private static LossBalancing balancing(String id, Map<String, ?> raw) {
        LossBalancerProvider p = ServiceLoader.load(LossBalancerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.id().equals(id)).findFirst().orElseThrow();
        return new LossBalancing(id, p, Parameters.of(p.parameters(), raw));
    }

    private static CentroidSettings init(CentroidSettings.Init init) {
        CentroidSettings r = CentroidSettings.REFERENCE;
        return new CentroidSettings(r.trainable(), r.emaDecay(), r.legacyChannelScramble(), r.deadMass(), r.kick(), r.kickDecay(),
                r.pruneFraction(), init);
    }

    /** A probe that scores the checkpoints with given numbers. */
    private static CheckpointProbe scores(Map<Long, Double> byStep) {
        return new CheckpointProbe() {
            @Override
            public boolean stopAfter(long step, SavedModel model) {
                return false;
            }

            @Override
            public Verdict judge(long step, SavedModel model) {
                return new Verdict(false, byStep.get(step));
            }
        };
    }

    @Test
    void kmeansSeedingStartsEveryCentroidOnPixelsOfItsOwn() throws IOException {
        List<Integer> activeRandom = new ArrayList<>();
        List<Integer> activeSeeded = new ArrayList<>();
        trainer(temp.resolve("random"), settings(3, 0, init(CentroidSettings.Init.RANDOM), LossBalancing.NONE, ModelSelection.LAST))
                .train(new TrainingListener() {
                    @Override
                    public void step(StepReport report) {
                        activeRandom.add(report.activeClusters());
                    }
                }, false);
        trainer(temp.resolve("seeded"), settings(3, 0, init(CentroidSettings.Init.KMEANS), LossBalancing.NONE, ModelSelection.LAST))
                .train(new TrainingListener() {
                    @Override
                    public void step(StepReport report) {
                        activeSeeded.add(report.activeClusters());
                    }
                }, false);

        assertThat(activeSeeded).containsOnly(3);
        assertThat(activeRandom).as("the random start leaves centroids without pixels on this cube").anyMatch(a -> a < 3);
    }

    @Test
    void keepBestMakesTheHighestScoredCheckpointTheModelAndSaysSo() throws IOException {
        Path dir = temp.resolve("best");
        TrainingResult r = trainer(dir, settings(4, 1, CentroidSettings.REFERENCE, LossBalancing.NONE, ModelSelection.BEST))
                .train(new TrainingListener() { }, false, scores(Map.of(1L, 0.1, 2L, 0.9, 3L, 0.9, 4L, 0.2)));

        SavedModel model = ModelReader.read(r.modelDir());
        SavedModel step2 = ModelReader.read(dir.resolve("checkpoints/step-000002"));
        assertThat(r.steps()).isEqualTo(4);
        assertThat(r.modelStep()).as("ties keep the earlier checkpoint").isEqualTo(2);
        assertThat(r.score()).isEqualTo(0.9);
        assertThat(model.manifest().get("steps")).isEqualTo(2.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> selection = (Map<String, Object>) model.manifest().get(Trainer.SELECTION);
        assertThat(selection).containsEntry("rule", "best").containsEntry("step", 2.0).containsEntry("trainedSteps", 4.0);
        for (Map.Entry<String, INDArray> e : model.weights().entrySet()) {
            INDArray atStep2 = e.getKey().equals("centroids") ? step2.weights().get("centroids") : step2.weights().get("parameter/" + e.getKey());
            assertThat(atStep2.data().asFloat()).as(e.getKey()).containsExactly(e.getValue().data().asFloat());
        }
    }

    @Test
    void keepLastIgnoresScoresAndAnUnscoredRunKeepsItsLastState() throws IOException {
        TrainingResult last = trainer(temp.resolve("last"), settings(3, 1, CentroidSettings.REFERENCE, LossBalancing.NONE, ModelSelection.LAST))
                .train(new TrainingListener() { }, false, scores(Map.of(1L, 0.9, 2L, 0.1, 3L, 0.1)));
        TrainingResult unscored = trainer(temp.resolve("unscored"), settings(3, 1, CentroidSettings.REFERENCE, LossBalancing.NONE,
                ModelSelection.BEST)).train(new TrainingListener() { }, false, scores(Map.of(1L, Double.NaN, 2L, Double.NaN, 3L, Double.NaN)));

        assertThat(last.modelStep()).isEqualTo(3);
        assertThat(ModelReader.read(last.modelDir()).manifest()).doesNotContainKey(Trainer.SELECTION);
        assertThat(unscored.modelStep()).isEqualTo(3);
        assertThat(ModelReader.read(unscored.modelDir()).manifest().get("steps")).isEqualTo(3.0);
    }

    @Test
    void aBalancerChangesTheWeightsTheStepsUse() throws IOException {
        List<Map<String, Double>> weights = new ArrayList<>();
        trainer(temp.resolve("magnitude"), settings(3, 0, CentroidSettings.REFERENCE, balancing("loss-magnitude", Map.of()),
                ModelSelection.LAST)).train(new TrainingListener() {
                    @Override
                    public void step(StepReport report) {
                        weights.add(report.weights());
                    }
                }, false);

        assertThat(weights.get(0)).as("nothing observed before step 1")
                .containsEntry("compactness", 1.0).containsEntry("uniform-assignment", 2.0).containsEntry("balance", 2.0);
        assertThat(weights.get(1)).isNotEqualTo(weights.get(0));
        assertThat(weights.get(1).values()).allMatch(w -> Double.isFinite(w) && w > 0);
    }

    @Test
    void aRunWithGradientNormBalancingResumedFromACheckpointEqualsAnUninterruptedOne() throws IOException {
        TrainingSettings s = settings(4, 2, init(CentroidSettings.Init.KMEANS), balancing("gradient-norm", Map.of("every", 1)),
                ModelSelection.LAST);
        TrainingResult whole = trainer(temp.resolve("whole"), s).train(new TrainingListener() { }, false);
        Path split = temp.resolve("split");
        assertThatThrownBy(() -> trainer(split, s).train(new TrainingListener() {
            @Override
            public void checkpoint(long step, Path dir) {
                throw new IllegalStateException("simulated crash after step " + step);
            }
        }, false)).hasMessageContaining("step 2");
        TrainingResult resumed = trainer(split, s).train(new TrainingListener() { }, true);

        SavedModel a = ModelReader.read(whole.modelDir());
        SavedModel b = ModelReader.read(resumed.modelDir());
        assertThat(resumed.firstStep()).isEqualTo(3);
        for (Map.Entry<String, INDArray> e : a.weights().entrySet()) {
            assertThat(b.weights().get(e.getKey()).data().asFloat()).as(e.getKey()).containsExactly(e.getValue().data().asFloat());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) ModelReader.read(split.resolve("checkpoints/step-000002")).manifest().get("balancing");
        assertThat(state).containsKeys("average/compactness", "average/consistency");
    }
}
