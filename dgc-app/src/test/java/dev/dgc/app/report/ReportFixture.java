package dev.dgc.app.report;

import dev.dgc.api.io.ClassInfo;
import dev.dgc.app.run.LossCurvePlot;
import dev.dgc.app.run.LossLog;
import dev.dgc.core.train.StepReport;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run folder as {@code dgc run} leaves it for the report: label maps of a 24×20 scene of three
 * classes (truth, DGC close to it, k-means with a misplaced band), two confusion matrices (DGC's
 * clusters mapped to the classes, k-means' four raw clusters) and a
 * real loss log with its plot, and the {@link RunReport} describing them.
 */
final class ReportFixture {

    static final String CONFIG = """
            # resolved by dgc 0.1.0
            data:
              inputs: [salinas-a.mat]
            training:
              steps: 40
              seed: 42
            note: "a < b && c > d"
            """;

    static final List<ClassInfo> TRUTH_LEGEND = List.of(new ClassInfo(1, "Brocoli_green_weeds_1", 0xE69F00),
            new ClassInfo(2, "Corn & senesced weeds", 0x56B4E9), new ClassInfo(3, "Lettuce_romaine_4wk", 0x009E73));

    private ReportFixture() {
    }

    /** Writes the images into {@code dir} and returns the report on them (paths relative to it). */
    static RunReport create(Path dir, String config) throws IOException {
        Files.createDirectories(dir);
        png(dir.resolve("truth.png"), 0);
        png(dir.resolve("dgc-labels.png"), 1);
        png(dir.resolve("kmeans-labels.png"), 6);
        png(dir.resolve("dgc-confusion.png"), 3);
        png(dir.resolve("kmeans-confusion.png"), 4);
        Path csv = dir.resolve(LossLog.FILE_NAME);
        try (LossLog log = LossLog.open(csv, List.of("compactness", "orthogonality"), false)) {
            log.started(1, 40);
            for (int s = 1; s <= 40; s++) {
                log.step(step(s, 40));
            }
        }
        LossCurvePlot.write(csv, dir.resolve(LossCurvePlot.FILE_NAME));

        RunReport.ModelResult dgc = new RunReport.ModelResult("DGC", new RunReport.LabelImage(Path.of("dgc-labels.png"), TRUTH_LEGEND),
                metrics(0.9123, 0.8650, 0.8012, 0.7990, 0.8307, 0.8451, 3, 0.0123),
                List.of(new RunReport.ClassRow("Brocoli_green_weeds_1", 0.91, 0.953, 0.94, 0.967),
                        new RunReport.ClassRow("Corn & senesced weeds", 0.80, 0.889, 0.85, 0.93),
                        new RunReport.ClassRow("Lettuce_romaine_4wk", 0.83, 0.907, 1.0, 0.83)),
                Optional.of(Path.of("dgc-confusion.png")));
        RunReport.ModelResult kmeans = new RunReport.ModelResult("k-means",
                new RunReport.LabelImage(Path.of("kmeans-labels.png"), TRUTH_LEGEND),
                metrics(0.7211, 0.5802, 0.6633, 0.6601, 0.5512, 0.5833, 3, 0.0871),
                List.of(new RunReport.ClassRow("Brocoli_green_weeds_1", 0.70, 0.824, 0.75, 0.91),
                        new RunReport.ClassRow("Corn & senesced weeds", 0.45, 0.621, Double.NaN, 0.5),
                        new RunReport.ClassRow("Lettuce_romaine_4wk", 0.60, 0.75, 0.7, 0.81)),
                Optional.of(Path.of("kmeans-confusion.png")));
        RunReport.Input input = new RunReport.Input("salinas-a.mat",
                Optional.of(new RunReport.LabelImage(Path.of("truth.png"), TRUTH_LEGEND)), List.of(dgc, kmeans));
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("train", 12.4);
        timings.put("predict", 0.8);
        timings.put("evaluate", 0.1);
        return new RunReport("dgc run salinas-a", dir, Instant.parse("2026-11-25T04:30:00Z"),
                "dgc run examples/salinas-a.yaml --set training.steps=40", config, timings,
                Optional.of(new PeakMemory(1_610_612_736L, 1_073_741_824L)), List.of(input),
                Optional.of(RunReport.Losses.read(csv, Path.of(LossCurvePlot.FILE_NAME))),
                List.of("k-means: the ENVI writer drops the georeference"));
    }

    static Map<String, Double> metrics(double oa, double kappa, double nmi, double ami, double ari, double miou, int active,
                                       double areaRmse) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("oa", oa);
        m.put("kappa", kappa);
        m.put("nmi", nmi);
        m.put("ami", ami);
        m.put("ari", ari);
        m.put("miou", miou);
        m.put("activeClusters", (double) active);
        m.put("areaRmse", areaRmse);
        return m;
    }

    /** Three vertical bands of the legend's colours; {@code shift} moves the boundaries, so each image differs. */
    static void png(Path file, int shift) throws IOException {
        BufferedImage img = new BufferedImage(24, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int band = Math.min(2, Math.max(0, (x + shift * (y % 3 == 0 ? 1 : 0)) / 8));
                img.setRGB(x, y, TRUTH_LEGEND.get(band).rgb());
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static StepReport step(long step, long steps) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("compactness", 1.0 / step);
        losses.put("orthogonality", 0.001 / step);
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("compactness", 1.0);
        weights.put("orthogonality", 0.5);
        return new StepReport(step, steps, losses, weights, 1.0 / step + 0.0005 / step, 0.25 * step, 3, 0, 0.75, 0.5);
    }
}
