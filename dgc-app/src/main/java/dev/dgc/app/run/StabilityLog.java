package dev.dgc.app.run;

import dev.dgc.core.infer.StabilityProbe;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * {@code stability.csv}: one row per checkpoint with the NMI and VI between its maps of the training
 * cubes and the previous checkpoint's (empty at the first checkpoint of a run or of a resumed run,
 * which has no previous maps in memory), the entropy of the assignment, the clusters in use, the
 * spectral fit R² of the maps (the model-selection score), whether it is the best so far, and the
 * seconds the comparison took. Flushed per row; a resumed run appends.
 */
public final class StabilityLog implements StabilityProbe.Listener, Closeable {

    /** The file name in a run's folder. */
    public static final String FILE_NAME = "stability.csv";
    private static final String HEADER = "step,nmi,vi,entropy,activeClusters,spectralFit,best,seconds";

    private final BufferedWriter writer;

    private StabilityLog(BufferedWriter writer) {
        this.writer = writer;
    }

    /**
     * @param file   the csv
     * @param append keep the rows already there (a resumed run)
     * @return the open log
     * @throws IOException when the file cannot be opened
     */
    public static StabilityLog open(Path file, boolean append) throws IOException {
        boolean fresh = !append || !Files.isRegularFile(file);
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                fresh ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        if (fresh) {
            w.write(HEADER);
            w.newLine();
            w.flush();
        }
        return new StabilityLog(w);
    }

    @Override
    public void stability(StabilityProbe.Report r) {
        try {
            writer.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%d,%s,%b,%.3f", r.step(), cell(r.nmi()),
                    cell(r.variationOfInformation()), cell(r.entropy()), r.activeClusters(), cell(r.spectralFit()), r.best(),
                    r.seconds()));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
