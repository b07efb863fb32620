package dev.dgc.app.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunReportTest {

    @TempDir
    Path dir;

    private static RunReport.ModelResult model(String name) {
        return new RunReport.ModelResult(name, new RunReport.LabelImage(Path.of(name + ".png"), ReportFixture.TRUTH_LEGEND), Map.of(),
                List.of(), Optional.empty());
    }

    @Test
    void aModelShownTwiceForOneInputIsRefused() {
        assertThatThrownBy(() -> new RunReport.Input("scene.hdr", Optional.empty(), List.of(model("DGC"), model("DGC"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'DGC' of input 'scene.hdr' is given twice; each must be named once");
        assertThatThrownBy(() -> new RunReport.Input("scene.hdr", Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no model result");
    }

    @Test
    void scoresOutsideTheUnitIntervalAndNegativeTimingsAreRefused() {
        assertThatThrownBy(() -> new RunReport.ClassRow("Corn", 1.2, 0.5, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("iou of class 'Corn' must be in [0, 1] or NaN, found 1.2");
        assertThat(new RunReport.ClassRow("Corn", 0.5, 0.6, Double.NaN, 0.7).precision()).isNaN();
        assertThatThrownBy(() -> new RunReport("t", dir, java.time.Instant.EPOCH, "", "", Map.of("train", -1.0), Optional.empty(),
                List.of(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timing of phase 'train'");
    }

    @Test
    void metricsKeepTheCallersOrderAndCannotBeChangedAfterwards() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("oa", 0.9);
        metrics.put("kappa", 0.8);
        metrics.put("activeClusters", 5.0);
        RunReport.ModelResult m = new RunReport.ModelResult("DGC", model("DGC").map(), metrics, List.of(), Optional.empty());
        metrics.put("ari", 0.1);

        assertThat(m.metrics().keySet()).containsExactly("oa", "kappa", "activeClusters");
        assertThatThrownBy(() -> m.metrics().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theLastRowOfALossLogIsReadByColumnName() throws IOException {
        Path csv = Files.writeString(dir.resolve("losses.csv"), "step,total,compactness\n1,2.5,2.0\n2,1.25,1.0\n\n");

        RunReport.Losses l = RunReport.Losses.read(csv, Path.of("losses.png"));

        assertThat(l.lastRow()).containsExactly(Map.entry("step", 2.0), Map.entry("total", 1.25), Map.entry("compactness", 1.0));
    }

    @Test
    void aLossLogWithoutStepsOrWithABrokenRowIsAClearError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "step,total\n");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "step,total\n1,x\n");

        assertThatThrownBy(() -> RunReport.Losses.read(empty, Path.of("losses.png")))
                .isInstanceOf(IOException.class).hasMessage(empty + ": no step was logged, so there is no last row of losses");
        assertThatThrownBy(() -> RunReport.Losses.read(broken, Path.of("losses.png")))
                .isInstanceOf(IOException.class).hasMessage(broken + ": column 'total' of the last row is not a number: 'x'");
    }

    @Test
    void metricGoalsKnowScoresErrorsAndCounts() {
        assertThat(MetricGoal.of("mIoU")).isEqualTo(MetricGoal.HIGHER);
        assertThat(MetricGoal.of("nmiGeometric")).isEqualTo(MetricGoal.HIGHER);
        assertThat(MetricGoal.of("areaRmse")).isEqualTo(MetricGoal.LOWER);
        assertThat(MetricGoal.of("activeClusters")).isEqualTo(MetricGoal.NONE);
        assertThat(MetricGoal.of("clusterEntropy")).isEqualTo(MetricGoal.NONE);
    }
}
