package dev.dgc.core.baseline;

import dev.dgc.core.data.ArrayCube;

import java.util.SplittableRandom;

/**
 * Synthetic scenes of three spectral groups: a pixel's group is {@code (row / 4 + col / 3) % 3}, its
 * spectrum that group's shape plus seeded Gaussian noise of the given size.
 */
final class SpectralGroups {

    private SpectralGroups() {
    }

    static int group(int row, int col) {
        return (row / 4 + col / 3) % 3;
    }

    static double spectrum(int group, int band) {
        return switch (group) {
            case 0 -> 100 + 5 * band;
            case 1 -> 300 - 8 * band;
            default -> 200 + 40 * Math.sin(band);
        };
    }

    /** Band-sequential values; pixels listed in {@code noData} (as row·samples + col) are NaN in one band. */
    static float[] values(int bands, int lines, int samples, double noise, long seed, int... noData) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[bands * lines * samples];
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < samples; c++) {
                for (int b = 0; b < bands; b++) {
                    v[(b * lines + r) * samples + c] = (float) (spectrum(group(r, c), b) + noise * random.nextGaussian());
                }
            }
        }
        for (int p : noData) {
            // one missing band is enough to make the whole pixel no-data
            v[(bands / 2 * lines) * samples + p] = Float.NaN;
        }
        return v;
    }

    static ArrayCube cube(String name, int bands, int lines, int samples, double noise, long seed, int... noData) {
        return new ArrayCube(name, bands, lines, samples, values(bands, lines, samples, noise, seed, noData));
    }
}
