package dev.dgc.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code dgc evaluate} on small ENVI label maps written here and on the shipped Salinas-A truth. */
@SuppressWarnings("unchecked") // parsed JSON is a tree of maps and lists
class EvaluateCommandTest {

    private static final Path SALINAS_GT = Path.of("..", "examples", "data", "salinas-a", "SalinasA_gt.mat").toAbsolutePath().normalize();
    /** TV7 of dgc-algorithm.md §15, 4 × 4, row-major. */
    private static final int[] TV7_P = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 0};
    private static final int[] TV7_T = {0, 0, 1, 1, 0, 1, 1, 1, 0, 2, 2, 1, 2, 2, 2, 2};

    @TempDir
    Path dir;

    /** Writes a one-band uint8 ENVI map, as an ENVI Classification with these names when given. */
    private Path envi(String name, int lines, int samples, int[] labels, List<String> classNames) throws IOException {
        byte[] raw = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            raw[i] = (byte) labels[i];
        }
        return envi(name, lines, samples, 1, 1, raw, classNames);
    }

    private Path envi(String name, int lines, int samples, int bands, int dataType, byte[] raw, List<String> classNames)
            throws IOException {
        Path img = dir.resolve(name + ".img");
        Files.write(img, raw);
        StringBuilder h = new StringBuilder("ENVI\nsamples = " + samples + "\nlines = " + lines + "\nbands = " + bands
                + "\nheader offset = 0\ndata type = " + dataType + "\ninterleave = bsq\nbyte order = 0\n");
        if (classNames.isEmpty()) {
            h.append("file type = ENVI Standard\n");
        } else {
            h.append("file type = ENVI Classification\nclasses = ").append(classNames.size())
                    .append("\nclass names = {").append(String.join(", ", classNames)).append("}\n");
        }
        Files.writeString(dir.resolve(name + ".hdr"), h.toString());
        return img;
    }

    private static Map<String, Object> json(CommandTester.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
        return (Map<String, Object>) new Yaml().load(r.out());
    }

    private static double number(Map<String, Object> o, String key) {
        return ((Number) o.get(key)).doubleValue();
    }

    @Test
    void jsonOfTestVectorSevenHasTheIssuesKeysAndNumbers() throws IOException {
        Path p = envi("p", 4, 4, TV7_P, List.of());
        Path t = envi("t", 4, 4, TV7_T, List.of());

        Map<String, Object> o = json(CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString(),
                "--unlabeled", "none", "--json"));

        assertThat(o).containsKeys("oa", "kappa", "nmi", "ami", "ari", "miou", "activeClusters", "mapping", "perClass");
        assertThat(number(o, "oa")).isEqualTo(0.75);
        assertThat(number(o, "miou")).isCloseTo(0.595238, within(1e-6));
        assertThat(number(o, "nmiGeometric")).isCloseTo(0.422520, within(1e-6));
        assertThat(o).containsEntry("activeClusters", 3);
        Map<String, Object> mapping = (Map<String, Object>) o.get("mapping");
        assertThat(mapping).containsEntry("mode", "hungarian").containsEntry("clusterToClass", Map.of("0", 0, "1", 1, "2", 2));
        List<Map<String, Object>> perClass = (List<Map<String, Object>>) o.get("perClass");
        assertThat(perClass).extracting(c -> number(c, "dice")).containsExactly(2.0 / 3, 10.0 / 12, 8.0 / 11);
    }

    @Test
    void textShowsTheOverallMetricsAndOneRowPerClassWithTheTruthsNames() throws IOException {
        // truth 0 is unlabelled: the 4 pixels of TV7's class 0 drop out
        Path p = envi("p", 4, 4, TV7_P, List.of());
        Path t = envi("t", 4, 4, TV7_T, List.of("Unclassified", "water", "forest"));

        CommandTester.Result r = CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("labelled pixels +12").containsPattern("active clusters +3")
                .containsPattern("OA +\\d\\.\\d{4}").containsPattern("kappa +").containsPattern("AMI +").containsPattern("mean IoU +")
                .containsPattern("1 +water +6 +").containsPattern("2 +forest +6 +")
                .doesNotContain("Unclassified");
    }

    @Test
    void outputFolderGetsMetricsConfusionTableAndHeatMap() throws IOException {
        Path p = envi("p", 4, 4, TV7_P, List.of());
        Path t = envi("t", 4, 4, TV7_T, List.of());
        Path out = dir.resolve("report");

        CommandTester.Result r = CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString(),
                "--unlabeled", "none", "--output", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("confusion.csv", "confusion.png", "metrics.json");
        }
        // counted by hand from TV7: truth 0 is predicted as clusters (3, 0, 1), truth 1 as (1, 5, 0), truth 2 as (1, 1, 4)
        assertThat(Files.readAllLines(out.resolve("confusion.csv"))).containsExactly(
                "value,name,cluster_0,cluster_1,cluster_2,total",
                "0,class 0,3,0,1,4",
                "1,class 1,1,5,0,6",
                "2,class 2,1,1,4,6",
                ",total,5,6,5,16");
        Map<String, Object> metrics = (Map<String, Object>) new Yaml().load(Files.readString(out.resolve("metrics.json")));
        assertThat(number(metrics, "oa")).isEqualTo(0.75);
        BufferedImage png = ImageIO.read(out.resolve("confusion.png").toFile());
        assertThat(png.getWidth()).isGreaterThan(200);
        assertThat(png.getHeight()).isGreaterThan(100);
    }

    @Test
    void aYamlMappingFileMayNameClassesAndAMissingClusterIsListed() throws IOException {
        // clusters 0 and 3 are both "water", 1 and 2 "forest"
        Path p = envi("p", 2, 3, new int[] {0, 3, 1, 2, 2, 1}, List.of());
        Path t = envi("t", 2, 3, new int[] {1, 1, 2, 2, 2, 0}, List.of("Unclassified", "water", "forest"));
        Path good = dir.resolve("map.yaml");
        Files.writeString(good, "water: [0, 3]\nforest: [1, 2]\n");
        Path partial = dir.resolve("partial.yaml");
        Files.writeString(partial, "{1: [0]}\n");

        Map<String, Object> o = json(CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString(),
                "--mapping", good.toString(), "--json"));
        CommandTester.Result bad = CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString(),
                "--mapping", partial.toString());

        assertThat(number(o, "oa")).isEqualTo(1.0);
        assertThat((Map<String, Object>) o.get("mapping")).containsEntry("mode", "manual");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains(partial.toString()).contains("clusters 1, 2, 3 are in the prediction but not in the mapping");
    }

    @Test
    void mapsOfDifferentSizesAreAUsageErrorNamingBothSizes() throws IOException {
        Path p = envi("p", 2, 3, new int[6], List.of());
        Path t = envi("t", 3, 2, new int[] {1, 1, 1, 2, 2, 2}, List.of());

        CommandTester.Result r = CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString());

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("is 2 × 3").contains("is 3 × 2");
    }

    @Test
    void aMultiBandFileOrFractionalValuesAreRefusedNamingTheFile() throws IOException {
        Path t = envi("t", 2, 2, new int[] {1, 1, 2, 2}, List.of());
        Path twoBands = envi("cube", 2, 2, 2, 1, new byte[8], List.of());
        ByteBuffer floats = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(0).putFloat(1.5f).putFloat(1).putFloat(2);
        Path fractional = envi("fractional", 2, 2, 1, 4, floats.array(), List.of());

        CommandTester.Result multi = CommandTester.run("evaluate", "--prediction", twoBands.toString(), "--truth", t.toString());
        CommandTester.Result frac = CommandTester.run("evaluate", "--prediction", fractional.toString(), "--truth", t.toString());

        assertThat(multi.code()).isEqualTo(Main.USAGE);
        assertThat(multi.err()).contains(twoBands.toString()).contains("has 2 bands");
        assertThat(frac.code()).isEqualTo(Main.USAGE);
        assertThat(frac.err()).contains(fractional.toString()).contains("line 0, sample 1 holds 1.5");
    }

    @Test
    void aTruthWithoutLabelsAndAnUnknownMappingAreUsageErrors() throws IOException {
        Path p = envi("p", 2, 2, new int[] {0, 1, 1, 0}, List.of());
        Path t = envi("t", 2, 2, new int[4], List.of());

        CommandTester.Result unlabelled = CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString());
        CommandTester.Result mapping = CommandTester.run("evaluate", "--prediction", p.toString(), "--truth", t.toString(),
                "--mapping", "greedy");

        assertThat(unlabelled.code()).isEqualTo(Main.USAGE);
        assertThat(unlabelled.err()).contains("no labelled pixel").contains("--unlabeled");
        assertThat(mapping.code()).isEqualTo(Main.USAGE);
        assertThat(mapping.err()).contains("--mapping greedy: neither auto, hungarian, majority nor an existing mapping file");
    }

    @Test
    void salinasTruthAgainstItselfIsPerfectAndAgainstAShuffledCopyNearChance() throws IOException {
        Map<String, Object> self = json(CommandTester.run("evaluate", "--prediction", SALINAS_GT.toString(),
                "--truth", SALINAS_GT.toString(), "--json"));

        // data README: 6 classes, 5348 labelled of 83 × 86 = 7138 pixels; the prediction's 0s are a 7th cluster
        assertThat(number(self, "oa")).isEqualTo(1.0);
        assertThat(number(self, "kappa")).isCloseTo(1.0, within(1e-12));
        assertThat(number(self, "ari")).isCloseTo(1.0, within(1e-12));
        assertThat(self).containsEntry("activeClusters", 7).containsEntry("labelledPixels", 5348);
        assertThat((List<Object>) self.get("perClass")).hasSize(6);

        CommandTester.Result raw = CommandTester.run("evaluate", "--prediction", SALINAS_GT.toString(),
                "--truth", SALINAS_GT.toString(), "--unlabeled", "none", "--output", dir.resolve("all").toString());
        assertThat(raw.code()).as(raw.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("all/confusion.csv"));
        assertThat(csv.get(0)).isEqualTo("value,name,cluster_0,cluster_1,cluster_10,cluster_11,cluster_12,cluster_13,cluster_14,total");
        assertThat(csv).contains("0,class 0,1790,0,0,0,0,0,0,1790").endsWith(",total,1790,391,1343,616,1525,674,799,7138");

        int[] shuffled = salinasLabels(dir.resolve("all/confusion.csv"));
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int s = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = s;
        }
        Path p = envi("shuffled", 83, 86, shuffled, List.of());
        Map<String, Object> chance = json(CommandTester.run("evaluate", "--prediction", p.toString(),
                "--truth", SALINAS_GT.toString(), "--json"));

        // majority maps every cluster to the largest class, 12 (1525 of 5348 pixels = 0.285)
        assertThat(number(chance, "oa")).isLessThan(0.35);
        assertThat(Math.abs(number(chance, "ari"))).isLessThan(0.02);
        assertThat(Math.abs(number(chance, "ami"))).isLessThan(0.02);
        assertThat(number(chance, "nmi")).isLessThan(0.02);
    }

    /** A map with Salinas-A's label counts, in the order of the counts' row in a confusion CSV. */
    private static int[] salinasLabels(Path csv) throws IOException {
        String[] header = Files.readAllLines(csv).get(0).split(",");
        String[] totals = Files.readAllLines(csv).get(Files.readAllLines(csv).size() - 1).split(",");
        int[] labels = new int[83 * 86];
        int at = 0;
        for (int c = 2; c < header.length - 1; c++) {
            int value = Integer.parseInt(header[c].substring("cluster_".length()));
            for (int k = 0; k < Integer.parseInt(totals[c]); k++) {
                labels[at++] = value;
            }
        }
        assertThat(at).isEqualTo(labels.length);
        return labels;
    }
}
