package dev.dgc.readers.envi;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child-JVM half of {@link EnviLargeFileTest}: opens the 4 GiB cube that test wrote and reads
 * it window by window under a small heap, checking the values the test planted. Prints one line
 * starting with {@code OK} and exits 0 when every check passes; prints each failure and exits 1
 * otherwise.
 */
public final class LargeEnviCubeCheck {

    /** A planted sample: where it is and what it holds ({@code NaN} for the ignore value). */
    record Planted(int row, int col, int band, float value) {
    }

    /** The samples {@link EnviLargeFileTest} writes; the last one is the cube's very last sample. */
    static final List<Planted> PLANTED = List.of(
            new Planted(0, 0, 0, 1.5f),
            new Planted(40_000, 5_000, 0, 2.5f),
            new Planted(0, 0, 1, 3.5f),
            new Planted(30_000, 100, 1, Float.NaN),
            new Planted(65_535, 8_191, 1, 4.5f));

    static final int LINES = 65_536;
    static final int SAMPLES = 8_192;
    static final int BANDS = 2;
    static final int WINDOW = 256;

    private LargeEnviCubeCheck() {
    }

    /**
     * @param args the cube's header
     * @throws Exception if the cube cannot be read, which fails the test through the exit code
     */
    public static void main(String[] args) throws Exception {
        List<String> failures = new ArrayList<>();
        EnviReaderProvider reader = new EnviReaderProvider();
        long windows = 0;
        try (HyperspectralCube cube = reader.open(Path.of(args[0]), Parameters.defaults(reader.parameters()))) {
            CubeMetadata m = cube.metadata();
            int[] both = {0, 1};
            float[] dst = new float[BANDS * WINDOW * WINDOW];
            boolean[] mask = new boolean[WINDOW * WINDOW];
            for (Planted p : PLANTED) {
                Window w = new Window(Math.min(p.row(), m.lines() - WINDOW), Math.min(p.col(), m.samples() - WINDOW), WINDOW, WINDOW);
                cube.read(w, both, dst, mask);
                windows++;
                int pixel = (p.row() - w.row()) * WINDOW + (p.col() - w.col());
                float got = dst[p.band() * WINDOW * WINDOW + pixel];
                if (Float.isNaN(p.value()) ? !(Float.isNaN(got) && mask[pixel]) : got != p.value()) {
                    failures.add(p + " read as " + got + " (no-data flag " + mask[pixel] + ")");
                }
                int nonZero = 0;
                for (int i = 0; i < BANDS * WINDOW * WINDOW; i++) {
                    nonZero += dst[i] != 0 || Float.isNaN(dst[i]) ? 1 : 0;
                }
                // a no-data pixel is NaN in both bands; the two samples at (0, 0) share a window
                int expected = (Float.isNaN(p.value()) ? BANDS : 1) + (p.row() == 0 && p.col() == 0 ? 1 : 0);
                if (nonZero != expected) {
                    failures.add("window " + w + " around " + p + " holds " + nonZero + " non-zero samples");
                }
            }
            // walk the last strip of rows, window by window, across the whole width
            double sum = 0;
            for (int col = 0; col < m.samples(); col += WINDOW) {
                cube.read(new Window(m.lines() - WINDOW, col, WINDOW, WINDOW), both, dst, mask);
                windows++;
                for (float v : dst) {
                    sum += v;
                }
            }
            if (sum != 4.5) {
                failures.add("the last strip sums to " + sum + " instead of 4.5");
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(System.out::println);
            System.exit(1);
        }
        System.out.println("OK " + windows + " windows, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    }
}
