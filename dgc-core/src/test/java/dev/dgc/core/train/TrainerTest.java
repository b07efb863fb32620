package dev.dgc.core.train;

import dev.dgc.core.model.ModelReader;
import dev.dgc.core.model.SavedModel;
import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.core.nn.DgcGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerTest {

    private static final Map<String, Object> SMALL_ENCODER = Map.of("dim", 8, "kernel", 3);

    @TempDir
    Path temp;

    private Trainer trainer(Path runDir, int steps, int checkpointEvery) {
        TrainingSettings settings = TrainerFixtures.settings(TrainerFixtures.model(5, 3, SMALL_ENCODER), steps, 2, checkpointEvery);
        return new Trainer(settings, List.of(new TrainingCube("synthetic", new SyntheticCube(12, 12, 5))),
                TrainerFixtures.sampler(8), runDir);
    }

    @Test
    void twoRunsWithTheSameSettingsProduceIdenticalModels() throws IOException {
        TrainingResult a = trainer(temp.resolve("a"), 4, 0).train(new TrainingListener() { }, false);
        TrainingResult b = trainer(temp.resolve("b"), 4, 0).train(new TrainingListener() { }, false);

        assertIdentical(ModelReader.read(a.modelDir()), ModelReader.read(b.modelDir()));
    }

    @Test
    void anInterruptedRunResumedFromItsCheckpointEqualsAnUninterruptedOne() throws IOException {
        TrainingResult whole = trainer(temp.resolve("whole"), 4, 0).train(new TrainingListener() { }, false);

        Path split = temp.resolve("split");
        TrainingListener crashAfterFirstCheckpoint = new TrainingListener() {
            @Override
            public void checkpoint(long step, Path dir) {
                throw new IllegalStateException("simulated crash after the checkpoint of step " + step);
            }
        };
        assertThatThrownBy(() -> trainer(split, 4, 2).train(crashAfterFirstCheckpoint, false))
                .hasMessageContaining("step 2");
        assertThat(Files.readString(split.resolve("checkpoints/latest")).trim()).isEqualTo("step-000002");
        List<Long> resumedSteps = new ArrayList<>();
        TrainingResult resumed = trainer(split, 4, 2).train(new TrainingListener() {
            @Override
            public void step(StepReport report) {
                resumedSteps.add(report.step());
            }
        }, true);

        assertThat(resumed.firstStep()).isEqualTo(3);
        assertThat(resumedSteps).containsExactly(3L, 4L);
        assertIdentical(ModelReader.read(whole.modelDir()), ModelReader.read(resumed.modelDir()));
    }

    @Test
    void resumingARunWithoutCheckpointsFailsWithAClearMessage() {
        assertThatThrownBy(() -> trainer(temp.resolve("empty"), 2, 0).train(new TrainingListener() { }, true))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no checkpoint to resume from");
    }

    @Test
    void everyReportedLossOfTheReferenceProfileIsFiniteAndTheModelIsComplete() throws IOException {
        List<StepReport> reports = new ArrayList<>();
        TrainingResult result = trainer(temp.resolve("smoke"), 4, 0).train(new TrainingListener() {
            @Override
            public void step(StepReport report) {
                reports.add(report);
            }
        }, false);

        assertThat(reports).extracting(StepReport::step).containsExactly(1L, 2L, 3L, 4L);
        for (StepReport r : reports) {
            assertThat(r.losses()).containsOnlyKeys("compactness", "uniform-assignment", "orthogonality", "balance", "consistency");
            assertThat(r.losses().values()).allMatch(Double::isFinite);
            assertThat(r.total()).isFinite();
            assertThat(r.gradientNorm()).isFinite().isPositive();
            assertThat(r.activeClusters()).isBetween(1, 3);
            assertThat(r.weights()).containsEntry("uniform-assignment", 2.0);
        }
        SavedModel model = ModelReader.read(result.modelDir());
        assertThat(model.manifest()).containsEntry("formatVersion", 1.0).containsEntry("bands", 5.0)
                .containsEntry("clusters", 3.0).containsEntry("embeddingDim", 8.0).containsEntry("steps", 4.0);
        assertThat(model.weights()).containsKeys("centroids", "encoder/spectral0/W", "encoder/spatial1/W");
        assertThat(model.weights().get("centroids").shape()).containsExactly(3, 8);
        assertThat(result.steps()).isEqualTo(4);
        assertThat(model.prunedCentroids()).as("pruning is off by default").isEmpty();
        assertThat(result.live()).isEqualTo(3);
        assertThat(Files.isDirectory(result.modelDir().resolveSibling("checkpoints").resolve("step-000004"))).isTrue();
    }

    /** Many clusters, 2 steps per epoch and a threshold above most clusters' share: pruning happens after steps 6 and 8. */
    private static final int PRUNING_CLUSTERS = 8;
    private static final double PRUNE_FRACTION = 0.1;

    private Trainer pruningTrainer(Path runDir, int checkpointEvery) {
        CentroidSettings centroids = new CentroidSettings(true, 0.99, false, 1e-3, 0.05, true, PRUNE_FRACTION);
        TrainingSettings settings = TrainerFixtures.settings(TrainerFixtures.model(5, PRUNING_CLUSTERS, SMALL_ENCODER), 8, 2,
                checkpointEvery, 4, centroids);
        return new Trainer(settings, List.of(new TrainingCube("synthetic", new SyntheticCube(12, 12, 5))),
                TrainerFixtures.sampler(8), runDir);
    }

    @Test
    void aPositivePruneFractionPrunesLowMassCentroidsAtEpochEndsFreezesThemAndRecordsThemInTheModel() throws IOException {
        Map<Long, int[]> events = new LinkedHashMap<>();
        TrainingResult result = pruningTrainer(temp.resolve("pruned"), 1).train(new TrainingListener() {
            @Override
            public void pruned(long step, int[] centroids) {
                events.put(step, centroids);
            }
        }, false);

        assertThat(events).as("pruning happens in this run").isNotEmpty();
        assertThat(events.keySet()).as("only at the ends of epochs 3 and 4").isSubsetOf(6L, 8L);
        TreeSet<Integer> all = new TreeSet<>();
        events.values().forEach(c -> Arrays.stream(c).forEach(all::add));
        SavedModel model = ModelReader.read(result.modelDir());
        assertThat(model.prunedCentroids()).containsExactly(all.stream().mapToInt(Integer::intValue).toArray());
        assertThat(result.live()).isEqualTo(PRUNING_CLUSTERS - all.size()).isGreaterThanOrEqualTo(2);
        float[][] finalCentroids = model.weights().get(DgcGraph.CENTROIDS).toFloatMatrix();
        for (Map.Entry<Long, int[]> e : events.entrySet()) {
            float[][] atPruning = ModelReader.read(result.modelDir().resolveSibling("checkpoints")
                    .resolve(String.format("step-%06d", e.getKey()))).weights().get(DgcGraph.CENTROIDS).toFloatMatrix();
            for (int k : e.getValue()) {
                assertThat(finalCentroids[k]).as("centroid %d is frozen from step %d on", k, e.getKey()).containsExactly(atPruning[k]);
            }
        }
        float[] p = probabilitiesOf(model);
        for (int row = 0; row < p.length / PRUNING_CLUSTERS; row++) {
            for (int k : model.prunedCentroids()) {
                assertThat(p[row * PRUNING_CLUSTERS + k]).as("p of pruned centroid %d, pixel %d", k, row).isEqualTo(0f);
            }
        }
    }

    /** The saved model's soft assignment of a random batch, through a graph rebuilt from the model as inference would. */
    private static float[] probabilitiesOf(SavedModel model) {
        DgcGraph graph = new DgcGraph(TrainerFixtures.model(5, PRUNING_CLUSTERS, SMALL_ENCODER), TrainerFixtures.referenceLosses(),
                true, 1, 8, 8, DataType.FLOAT, new SplittableRandom(0), model.weights().get(DgcGraph.CENTROIDS));
        for (String name : graph.parameterNames()) {
            if (model.weights().containsKey(name) && !name.equals(DgcGraph.CENTROIDS)) {
                graph.setParameter(name, model.weights().get(name));
            }
        }
        graph.setTheta((Double) ((Map<?, ?>) model.manifest().get("meanShift")).get("theta"));
        boolean[] pruned = new boolean[PRUNING_CLUSTERS];
        Arrays.stream(model.prunedCentroids()).forEach(k -> pruned[k] = true);
        graph.setPruned(pruned);
        Augmentation none = new Augmentation(0, 0, 0, 1, 0);
        PatchPair pair = new PatchPair(0, new Window(0, 0, 8, 8), new Window(0, 0, 8, 8), none, none);
        Map<String, Double> weights = new LinkedHashMap<>();
        TrainerFixtures.referenceLosses().forEach(t -> weights.put(t.id(), 1.0));
        SplittableRandom random = new SplittableRandom(9);
        float[] input = new float[2 * 5 * 8 * 8];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
        return graph.forward(graph.feeds(Nd4j.create(input, new long[] {2, 5, 8, 8}, 'c'), List.of(pair), weights,
                name -> new SplittableRandom(0))).probabilities();
    }

    @Test
    void aPruningRunResumedMidEpochEqualsAnUninterruptedOne() throws IOException {
        TrainingResult whole = pruningTrainer(temp.resolve("whole"), 0).train(new TrainingListener() { }, false);

        Path split = temp.resolve("split");
        TrainingListener crashAtStepFive = new TrainingListener() {
            @Override
            public void checkpoint(long step, Path dir) {
                throw new IllegalStateException("simulated crash after the checkpoint of step " + step);
            }
        };
        // step 5 is the first of epoch 3's two steps, so the checkpoint holds a half-done epoch
        assertThatThrownBy(() -> pruningTrainer(split, 5).train(crashAtStepFive, false)).hasMessageContaining("step 5");
        List<Long> prunedAt = new ArrayList<>();
        TrainingResult resumed = pruningTrainer(split, 5).train(new TrainingListener() {
            @Override
            public void pruned(long step, int[] centroids) {
                prunedAt.add(step);
            }
        }, true);

        assertThat(resumed.firstStep()).isEqualTo(6);
        assertThat(prunedAt).isNotEmpty();
        SavedModel a = ModelReader.read(whole.modelDir());
        SavedModel b = ModelReader.read(resumed.modelDir());
        assertThat(b.prunedCentroids()).isNotEmpty().containsExactly(a.prunedCentroids());
        assertIdentical(a, b);
    }

    private static void assertIdentical(SavedModel a, SavedModel b) {
        assertThat(a.weights().keySet()).isEqualTo(b.weights().keySet());
        for (Map.Entry<String, INDArray> e : a.weights().entrySet()) {
            INDArray other = b.weights().get(e.getKey());
            assertThat(other.shape()).isEqualTo(e.getValue().shape());
            assertThat(other.data().asFloat()).as(e.getKey()).containsExactly(e.getValue().data().asFloat());
        }
        assertThat(a.manifest().get("meanShift")).isEqualTo(b.manifest().get("meanShift"));
    }
}
