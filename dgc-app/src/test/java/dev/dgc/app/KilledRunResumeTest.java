package dev.dgc.app;

import dev.dgc.app.run.LossLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * THE resume guarantee: a run killed with SIGKILL in the middle of training and then resumed ends
 * with exactly the model an uninterrupted run of the same config gives, and its loss log lists every
 * step once with the same values.
 */
class KilledRunResumeTest {

    private static final int STEPS = 6;

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidTrainingAndResumedEndsWithTheSameModelAsAnUninterruptedRun() throws Exception {
        Path cube = TinyScene.write(dir.resolve("scene.mat"), 24, 24, 6);
        Path killedOut = dir.resolve("killed");
        Path killedConfig = Files.writeString(dir.resolve("killed.yaml"), TinyScene.config(cube, killedOut, STEPS));

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", killedConfig.toString(), "--plugins", dir.toString())
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        int killedAfter;
        try {
            killedAfter = waitForCheckpoint(killedOut.resolve("checkpoints"), child);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("the child was killed, not finished").isNotZero();
        assertThat(killedOut.resolve("model")).as("killed before the end").doesNotExist();

        CommandTester.Result resumed = CommandTester.run("run", killedConfig.toString(), "--resume", "--plugins", dir.toString());
        assertThat(resumed.code()).as(resumed.err()).isEqualTo(Main.OK);
        assertThat(resumed.err()).contains("resuming at step ");

        Path straightOut = dir.resolve("straight");
        Path straightConfig = Files.writeString(dir.resolve("straight.yaml"), TinyScene.config(cube, straightOut, STEPS));
        CommandTester.Result straight = CommandTester.run("run", straightConfig.toString(), "--plugins", dir.toString());
        assertThat(straight.code()).as(straight.err()).isEqualTo(Main.OK);

        Map<String, byte[]> expected = RunCommandTest.files(straightOut.resolve("model"));
        Map<String, byte[]> actual = RunCommandTest.files(killedOut.resolve("model"));
        assertThat(actual.keySet()).as("killed after step " + killedAfter).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(Arrays.equals(actual.get(name), bytes)).as(name).isTrue());

        assertThat(withoutSeconds(killedOut.resolve(LossLog.FILE_NAME)))
                .containsExactlyElementsOf(withoutSeconds(straightOut.resolve(LossLog.FILE_NAME)))
                .hasSize(STEPS + 1);
    }

    /**
     * Polls until a checkpoint past step 1 exists, so the kill lands after a resumable state and
     * before the end.
     *
     * @return the newest checkpointed step when it was seen
     */
    private static int waitForCheckpoint(Path checkpoints, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("the child run ended before it could be killed").isTrue();
            OptionalInt newest = newestStep(checkpoints);
            if (newest.isPresent() && newest.getAsInt() >= 2) {
                assertThat(newest.getAsInt()).as("the kill must land before the last step").isLessThan(STEPS);
                return newest.getAsInt();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint past step 1 within 90 s");
    }

    private static OptionalInt newestStep(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return OptionalInt.empty();
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("step-\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring("step-".length()))).max();
        }
    }

    /** The log's rows without the wall-time column, which differs between any two runs. */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }
}
