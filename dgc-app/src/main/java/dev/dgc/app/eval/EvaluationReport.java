package dev.dgc.app.eval;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.eval.ClassScore;
import dev.dgc.core.eval.ContingencyTable;
import dev.dgc.core.eval.Evaluation;
import dev.dgc.core.eval.EvaluationJson;
import dev.dgc.core.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an {@link Evaluation} into a folder: {@value #METRICS} (the same object {@code dgc evaluate
 * --json} prints), {@value #CONFUSION_CSV} (truth classes × clusters with totals) and {@value
 * #CONFUSION_PNG} ({@link ConfusionMatrixPlot}). Each file appears whole or not at all. Stateless.
 */
public final class EvaluationReport {

    /** The metrics file name. */
    public static final String METRICS = "metrics.json";
    /** The confusion table file name. */
    public static final String CONFUSION_CSV = "confusion.csv";
    /** The confusion heat map file name. */
    public static final String CONFUSION_PNG = "confusion.png";

    private EvaluationReport() {
    }

    /**
     * @param evaluation the scores (class names come from its per-class entries)
     * @param dir        the folder, created if missing; files of an earlier report are replaced
     * @return the three files written
     * @throws IOException if the folder or a file cannot be written
     */
    public static List<Path> write(Evaluation evaluation, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path metrics = dir.resolve(METRICS);
        Path csv = dir.resolve(CONFUSION_CSV);
        Path png = dir.resolve(CONFUSION_PNG);
        TempSiblings.writeString(metrics, Json.write(EvaluationJson.tree(evaluation)) + "\n");
        TempSiblings.writeString(csv, csv(evaluation));
        ConfusionMatrixPlot.write(evaluation, png);
        return List.of(metrics, csv, png);
    }

    /**
     * The contingency table as CSV: a header {@code value,name,cluster_K…,total}, one row per truth
     * class, then a {@code total} row; counts are labelled pixels with a prediction.
     *
     * @param e the scores
     * @return the CSV text, lines ending in {@code \n}
     */
    public static String csv(Evaluation e) {
        ContingencyTable t = e.table();
        int[] clusters = t.clusters();
        StringBuilder sb = new StringBuilder("value,name");
        for (int k : clusters) {
            sb.append(",cluster_").append(k);
        }
        sb.append(",total\n");
        List<ClassScore> classes = e.perClass();
        for (int r = 0; r < classes.size(); r++) {
            sb.append(classes.get(r).value()).append(',').append(csvText(classes.get(r).name()));
            for (int k = 0; k < clusters.length; k++) {
                sb.append(',').append(t.count(r, k));
            }
            sb.append(',').append(t.classTotal(r)).append('\n');
        }
        sb.append(",total");
        for (int k = 0; k < clusters.length; k++) {
            sb.append(',').append(t.clusterTotal(k));
        }
        sb.append(',').append(t.total()).append('\n');
        return sb.toString();
    }

    private static String csvText(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
