package dev.dgc.core.eval;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.data.RowBlocks;

import java.io.IOException;

/**
 * How much of the normalised spectra a label map explains, without any truth: the coefficient of
 * determination {@code R² = 1 − W/T}, where W is the sum over pixels of the squared distance of each
 * pixel's normalised spectrum to its cluster's mean spectrum and T the same to the mean spectrum of
 * all pixels. A collapsed map (one cluster) scores 0; a map whose clusters are spectrally pure and
 * well apart scores near 1. It is what k-means minimises, so it rewards spectral coherence; it does
 * not see spatial structure. Pixels labelled no-data in the map or invalid in the cube are skipped.
 * Accumulated in double, one row block of the cube in memory at a time. Stateless.
 */
public final class SpectralFit {

    private static final int PIXELS_PER_READ = 1 << 16;

    private SpectralFit() {
    }

    /**
     * The running sums of one or more maps; {@link #add} several cubes and read {@link #r2}.
     */
    public static final class Accumulator {
        private final int bands;
        private final double[][] sums;
        private final long[] counts;
        private double squares;

        /**
         * @param clusters K, labels run 0…K−1
         * @param bands    C
         */
        public Accumulator(int clusters, int bands) {
            this.bands = bands;
            this.sums = new double[clusters][bands];
            this.counts = new long[clusters];
        }

        /**
         * Adds one cube and its map.
         *
         * @param cube       the cube
         * @param normalizer its normalisation (the one the map was made with)
         * @param labels     its label map, row-major, −1 for no-data
         * @throws IOException              when the cube cannot be read
         * @throws IllegalArgumentException when the map's size or a label does not fit
         */
        public void add(HyperspectralCube cube, Normalizer normalizer, int[] labels) throws IOException {
            int samples = cube.metadata().samples();
            if (labels.length != (long) cube.metadata().lines() * samples || cube.metadata().bands() != bands) {
                throw new IllegalArgumentException("a map of " + labels.length + " pixels and " + bands + " bands does not fit "
                        + cube.metadata().source() + " (" + cube.metadata().lines() + "×" + samples + "×" + cube.metadata().bands() + ")");
            }
            new RowBlocks(cube, PIXELS_PER_READ).forEach((window, values, valid) -> {
                normalizer.apply(values, cube.metadata().allBands(), window.pixels());
                int pixels = window.pixels();
                int offset = window.row() * samples;
                for (int i = 0; i < pixels; i++) {
                    int k = labels[offset + i];
                    if (k < 0 || !valid[i]) {
                        continue;
                    }
                    if (k >= counts.length) {
                        throw new IllegalArgumentException("label " + k + " at pixel " + (offset + i) + " is not below K = " + counts.length);
                    }
                    counts[k]++;
                    double[] s = sums[k];
                    for (int b = 0; b < bands; b++) {
                        double v = values[b * pixels + i];
                        s[b] += v;
                        squares += v * v;
                    }
                }
            });
        }

        /**
         * @return R² of everything added; 0 when no pixel was added or all pixels have one spectrum
         */
        public double r2() {
            long n = 0;
            double[] all = new double[bands];
            double between = 0;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    continue;
                }
                n += counts[k];
                double sq = 0;
                for (int b = 0; b < bands; b++) {
                    all[b] += sums[k][b];
                    sq += sums[k][b] * sums[k][b];
                }
                between += sq / counts[k];
            }
            if (n == 0) {
                return 0;
            }
            double grand = 0;
            for (double a : all) {
                grand += a * a;
            }
            double total = squares - grand / n;
            double within = squares - between;
            return total <= 0 ? 0 : Math.max(0, Math.min(1, 1 - within / total));
        }
    }
}
