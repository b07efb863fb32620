package dev.dgc.app.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LossLogTest {

    private static final List<String> TERMS = List.of("compactness", "orthogonality");

    @TempDir
    Path dir;

    private Path csv() {
        return dir.resolve(LossLog.FILE_NAME);
    }

    private void run(boolean resume, long first, long last) throws IOException {
        try (LossLog log = LossLog.open(csv(), TERMS, resume)) {
            log.started(first, last);
            for (long s = first; s <= last; s++) {
                log.step(Reports.step(s, last));
            }
        }
    }

    @Test
    void everyStepIsARowUnderTheDocumentedHeader() throws IOException {
        run(false, 1, 3);

        List<String> lines = Files.readAllLines(csv());
        assertThat(lines.get(0)).isEqualTo("step,total,compactness,orthogonality,weight_compactness,weight_orthogonality,"
                + "activeClusters,deadClusters,bandwidth,gradientNorm,seconds");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).isEqualTo("2," + (1.5 / 2 + 0.0005 / 2) + ",0.5,5.0E-4,1.0,0.5,3,1,0.75,0.5,0.5");
    }

    @Test
    void eachRowIsOnDiskAsSoonAsItsStepIsReported() throws IOException {
        try (LossLog log = LossLog.open(csv(), TERMS, false)) {
            log.started(1, 5);
            log.step(Reports.step(1, 5));
            log.step(Reports.step(2, 5));

            assertThat(Files.readAllLines(csv())).hasSize(3);
        }
    }

    @Test
    void aResumedRunDropsTheRowsFromTheResumedStepOnAndContinuesTheFile() throws IOException {
        run(false, 1, 7);
        run(true, 5, 10);

        List<String> lines = Files.readAllLines(csv());
        assertThat(lines).hasSize(11);
        assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(',')))).containsExactly(
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(csv());
        }
    }

    @Test
    void aNewRunReplacesAnOldLog() throws IOException {
        run(false, 1, 7);
        run(false, 1, 2);

        assertThat(Files.readAllLines(csv())).hasSize(3);
    }

    @Test
    void resumingALogWithOtherColumnsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Files.writeString(csv(), "step,total,balance\n1,0.5,0.5\n");

        assertThatThrownBy(() -> LossLog.open(csv(), TERMS, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step,total,balance").hasMessageContaining("--overwrite");
        assertThat(Files.readString(csv())).isEqualTo("step,total,balance\n1,0.5,0.5\n");
    }
}
