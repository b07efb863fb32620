package dev.dgc.app.run;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.train.StepReport;
import dev.dgc.core.train.TrainingListener;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends every step of a run to {@value #FILE_NAME}: {@code step,total,<term ids…>,
 * <weight_<term>…>,activeClusters,deadClusters,bandwidth,gradientNorm,seconds}, flushed after each
 * step so that a killed run keeps every step it finished. A resumed run continues the same file:
 * rows from the resumed step on (written after the checkpoint, then lost with the killed process's
 * model state) are dropped before new ones are appended, so each step appears once.
 *
 * <p>Numbers are written with {@link Double#toString}, which reads back to the same double. Used
 * on the training thread only.
 */
public final class LossLog implements TrainingListener, Closeable {

    /** The file name in a run's output folder. */
    public static final String FILE_NAME = "losses.csv";

    private final Path file;
    private final List<String> terms;
    private final boolean resume;
    private BufferedWriter out;

    private LossLog(Path file, List<String> terms, boolean resume) {
        this.file = file;
        this.terms = List.copyOf(terms);
        this.resume = resume;
    }

    /**
     * Prepares the log; the file is (re)written when training starts, because only then is the
     * resumed step known.
     *
     * @param file   the CSV file
     * @param terms  the enabled loss term ids, in config order
     * @param resume continue an existing file instead of starting a new one
     * @return the log
     * @throws IOException              when resuming and the existing file cannot be read
     * @throws IllegalArgumentException when resuming and the existing file has other columns (another
     *                                  config's terms)
     */
    public static LossLog open(Path file, List<String> terms, boolean resume) throws IOException {
        LossLog log = new LossLog(Objects.requireNonNull(file, "file"), terms, resume);
        if (resume && Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && !lines.get(0).equals(log.header())) {
                throw new IllegalArgumentException(file + ": its columns are '" + lines.get(0) + "' but this run writes '" + log.header()
                        + "'; resume with the config the run was started with, or use --overwrite to start afresh");
            }
        }
        return log;
    }

    /**
     * The header line.
     *
     * @return the column names joined by commas
     */
    public String header() {
        List<String> cols = new ArrayList<>(List.of("step", "total"));
        cols.addAll(terms);
        terms.forEach(t -> cols.add("weight_" + t));
        cols.addAll(List.of("activeClusters", "deadClusters", "bandwidth", "gradientNorm", "seconds"));
        return String.join(",", cols);
    }

    /**
     * Creates the file, or on resume keeps the rows of the steps before {@code firstStep}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    @Override
    public void started(long firstStep, long steps) {
        try {
            List<String> kept = new ArrayList<>();
            kept.add(header());
            if (resume && Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).toList()) {
                    int comma = line.indexOf(',');
                    if (comma > 0 && Long.parseLong(line.substring(0, comma)) < firstStep) {
                        kept.add(line);
                    }
                }
            }
            Path temp = TempSiblings.file(file);
            try {
                Files.write(temp, kept, StandardCharsets.UTF_8);
                TempSiblings.moveIntoPlace(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot continue the loss log: " + e.getMessage(), e));
        }
    }

    /**
     * Appends and flushes one row.
     *
     * @throws UncheckedIOException when the row cannot be written
     */
    @Override
    public void step(StepReport r) {
        if (out == null) {
            throw new IllegalStateException("step reported before training started");
        }
        StringBuilder b = new StringBuilder().append(r.step()).append(',').append(r.total());
        for (String t : terms) {
            b.append(',').append(r.losses().getOrDefault(t, Double.NaN));
        }
        for (String t : terms) {
            b.append(',').append(r.weights().getOrDefault(t, Double.NaN));
        }
        b.append(',').append(r.activeClusters()).append(',').append(r.deadClusters()).append(',').append(r.bandwidth())
                .append(',').append(r.gradientNorm()).append(',').append(r.seconds());
        try {
            out.write(b.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write step " + r.step() + ": " + e.getMessage(), e));
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

}
