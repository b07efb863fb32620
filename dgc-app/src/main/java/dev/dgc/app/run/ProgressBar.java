package dev.dgc.app.run;

import dev.dgc.core.train.StepReport;
import dev.dgc.core.train.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Shows a run's progress on standard error: on a terminal one line redrawn in place with
 * {@code \r}; otherwise (a log file, a CI job) a plain line every {@code max(1, steps/20)} steps, so
 * logs stay short. A line holds the step, a bar, each term's loss under a short name, the total,
 * the active clusters, the speed and the time left. Used on the training thread only.
 */
public final class ProgressBar implements TrainingListener {

    private static final int BAR_WIDTH = 20;

    /** Short names of the built-in terms; others are shown by their first four letters. */
    private static final Map<String, String> SHORT = Map.of(
            "compactness", "comp",
            "uniform-assignment", "unif",
            "orthogonality", "orth",
            "balance", "bal",
            "consistency", "cons");

    private final PrintWriter err;
    private final boolean terminal;
    private long firstStep = 1;
    private long every = 1;
    private double seconds;
    private int lastLength;
    private String lastLine = "";

    /**
     * @param err      where the progress goes (standard error)
     * @param terminal whether {@code err} is a terminal ({@code System.console() != null}), so a
     *                 line can be redrawn in place
     */
    public ProgressBar(PrintWriter err, boolean terminal) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
    }

    @Override
    public void started(long firstStep, long steps) {
        this.firstStep = firstStep;
        this.every = Math.max(1, steps / 20);
        this.seconds = 0;
        if (firstStep > 1) {
            err.println("resuming at step " + firstStep + " of " + steps);
            err.flush();
        }
    }

    @Override
    public void step(StepReport r) {
        seconds += r.seconds();
        long done = r.step() - firstStep + 1;
        double rate = seconds > 0 ? done / seconds : Double.NaN;
        String line = line(r, rate);
        if (terminal) {
            StringBuilder b = new StringBuilder("\r").append(line);
            // blanks over the rest of a longer previous line
            b.append(" ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            lastLine = line;
            err.print(b);
            if (r.step() >= r.steps()) {
                err.println();
                // the line is finished; a later note must not redraw it
                lastLength = 0;
            }
            err.flush();
        } else if (r.step() % every == 0 || r.step() >= r.steps() || r.step() == firstStep) {
            err.println(line);
            err.flush();
        }
    }

    /**
     * Prints a line of its own, such as an event of the run, without corrupting the progress line: on
     * a terminal the progress line is blanked, the message printed, and the progress line redrawn
     * below it; otherwise the message is printed as it is.
     *
     * @param message the line, without line break
     */
    public void note(String message) {
        if (terminal && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.println(message);
            err.print(lastLine);
        } else {
            err.println(message);
        }
        err.flush();
    }

    /**
     * One progress line.
     *
     * @param r    the step
     * @param rate steps per second so far, NaN when unknown
     * @return the line, without line break
     */
    static String line(StepReport r, double rate) {
        StringBuilder b = new StringBuilder();
        String total = Long.toString(r.steps());
        b.append("step ").append(" ".repeat(Math.max(0, total.length() - Long.toString(r.step()).length())))
                .append(r.step()).append('/').append(total).append(' ');
        int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * r.step() / Math.max(1, r.steps()));
        b.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']');
        r.losses().forEach((id, v) -> b.append(' ').append(shortName(id)).append(' ').append(number(v)));
        b.append("  total ").append(number(r.total()));
        b.append("  clusters ").append(r.activeClusters());
        if (!Double.isNaN(rate) && rate > 0) {
            b.append("  ").append(String.format(Locale.ROOT, rate >= 1 ? "%.2f steps/s" : "%.2f s/step", rate >= 1 ? rate : 1 / rate));
            b.append("  ETA ").append(duration((r.steps() - r.step()) / rate));
        }
        return b.toString();
    }

    /**
     * @param termId a loss term id
     * @return its name in the progress line
     */
    static String shortName(String termId) {
        String s = SHORT.get(termId);
        return s != null ? s : termId.length() <= 4 ? termId : termId.substring(0, 4);
    }

    /**
     * @param seconds a duration
     * @return {@code 42s}, {@code 6m05s} or {@code 2h03m}
     */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
