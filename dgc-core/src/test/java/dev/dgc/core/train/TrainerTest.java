package dev.dgc.core.train;

import dev.dgc.core.model.ModelReader;
import dev.dgc.core.model.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        assertThat(Files.isDirectory(result.modelDir().resolveSibling("checkpoints").resolve("step-000004"))).isTrue();
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
