package dev.dgc.app.run;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void aLineShowsTheStepTheBarEachTermTheTotalTheClustersTheSpeedAndTheTimeLeft() {
        String line = ProgressBar.line(Reports.step(50, 200), 2.0);

        assertThat(line).isEqualTo(" ".repeat(0) + "step  50/200 [#####...............] comp 0.02000 orth 2.000e-05"
                + "  total 0.03001  clusters 3  2.00 steps/s  ETA 1m15s");
    }

    @Test
    void slowRunsAreShownInSecondsPerStep() {
        assertThat(ProgressBar.line(Reports.step(1, 10), 0.25)).endsWith("4.00 s/step  ETA 36s");
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndedAfterTheLastStep() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), true);
        bar.started(1, 3);
        for (int s = 1; s <= 3; s++) {
            bar.step(Reports.step(s, 3));
        }

        assertThat(out.toString()).startsWith("\rstep 1/3").contains("\rstep 2/3").contains("\rstep 3/3 [####################]")
                .endsWith(System.lineSeparator());
        assertThat(out.toString().chars().filter(c -> c == '\n')).hasSize(1);
    }

    @Test
    void onATerminalANoteTakesALineOfItsOwnAndTheProgressLineIsRedrawnBelowIt() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), true);
        bar.started(1, 3);
        bar.step(Reports.step(1, 3));
        bar.step(Reports.step(2, 3));
        bar.note("step 2: pruned centroids 1");
        bar.step(Reports.step(3, 3));
        bar.note("step 3: pruned centroids 0");

        // split on line breaks only: String.lines() would also split at the carriage returns
        List<String> lines = List.of(out.toString().split("\n"));
        assertThat(lines).hasSize(3);
        // the note blanks the progress line first, so no progress text is left on the note's line
        assertThat(lines.get(0)).matches("(?s).*\\r +\\rstep 2: pruned centroids 1");
        assertThat(lines.get(1)).startsWith("step 2/3").contains("\rstep 3/3 [####################]");
        assertThat(lines.get(2)).as("after the last step a note is a plain line").isEqualTo("step 3: pruned centroids 0");
    }

    @Test
    void inALogANoteIsAPlainLine() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), false);
        bar.started(1, 2);
        bar.step(Reports.step(1, 2));
        bar.note("step 1: pruned centroids 2");

        assertThat(out.toString()).doesNotContain("\r");
        assertThat(out.toString().lines()).hasSize(2).last().isEqualTo("step 1: pruned centroids 2");
        assertThat(out.toString().lines()).first().asString().startsWith("step 1/2");
    }

    @Test
    void inALogAPlainLineIsWrittenEveryTwentiethOfTheRunAndAtTheEnd() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), false);
        bar.started(1, 100);
        for (int s = 1; s <= 100; s++) {
            bar.step(Reports.step(s, 100));
        }

        assertThat(out.toString()).doesNotContain("\r");
        assertThat(out.toString().lines()).hasSize(21).first().asString().startsWith("step   1/100");
        assertThat(out.toString().lines()).element(1).asString().startsWith("step   5/100");
        assertThat(out.toString().lines()).last().asString().startsWith("step 100/100").contains("ETA 0s");
    }

    @Test
    void aResumedRunSaysWhereItResumesAndMeasuresSpeedFromThere() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), false);
        bar.started(7, 10);
        bar.step(Reports.step(7, 10));

        assertThat(out.toString().lines()).containsExactly("resuming at step 7 of 10",
                ProgressBar.line(Reports.step(7, 10), 2.0));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(ProgressBar.duration(42.4)).isEqualTo("42s");
        assertThat(ProgressBar.duration(365)).isEqualTo("6m05s");
        assertThat(ProgressBar.duration(7380)).isEqualTo("2h03m");
    }

    @Test
    void unknownTermsAreShortenedToFourLetters() {
        assertThat(ProgressBar.shortName("uniform-assignment")).isEqualTo("unif");
        assertThat(ProgressBar.shortName("smoothness")).isEqualTo("smoo");
        assertThat(ProgressBar.shortName("tv")).isEqualTo("tv");
    }
}
