package dev.dgc.core.train;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spherical k-means seeding of the centroid memory from shifted embeddings. */
class CentroidSeedingTest {

    /** Two patches of 4×5 pixels, D = 3; pixels lie near one of three axes, with small noise. */
    private static float[] embeddings(SplittableRandom random, int patches, int rows, int cols) {
        int pixels = rows * cols;
        float[] z = new float[patches * 3 * pixels];
        for (int n = 0; n < patches; n++) {
            for (int q = 0; q < pixels; q++) {
                int axis = (n * pixels + q) % 3;
                for (int d = 0; d < 3; d++) {
                    // un-normalised, as the mean-shift output is: the length must not matter
                    z[(n * 3 + d) * pixels + q] = (float) ((d == axis ? 0.5 + 0.5 * random.nextDouble() : 0) + 0.05 * random.nextDouble());
                }
            }
        }
        return z;
    }

    @Test
    void everyCentroidLandsOnItsOwnGroupOfPixelsAsAUnitVector() {
        float[][] c = CentroidSeeding.seed(embeddings(new SplittableRandom(1), 2, 4, 5), 2, 3, 4, 5, 3, 1000, 20, new SplittableRandom(7));

        boolean[] axisTaken = new boolean[3];
        for (float[] row : c) {
            double norm = Math.sqrt(row[0] * row[0] + row[1] * row[1] + row[2] * row[2]);
            assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
            int axis = row[0] > row[1] && row[0] > row[2] ? 0 : row[1] > row[2] ? 1 : 2;
            assertThat(row[axis]).as("close to its axis").isGreaterThan(0.95f);
            axisTaken[axis] = true;
        }
        assertThat(axisTaken).containsOnly(true);
    }

    @Test
    void theSameStreamGivesTheSameCentroidsAndAPixelCapStillSeedsEveryCentroid() {
        float[] z = embeddings(new SplittableRandom(2), 2, 4, 5);
        float[][] a = CentroidSeeding.seed(z, 2, 3, 4, 5, 3, 1000, 20, new SplittableRandom(9));
        float[][] b = CentroidSeeding.seed(z, 2, 3, 4, 5, 3, 1000, 20, new SplittableRandom(9));
        float[][] capped = CentroidSeeding.seed(z, 2, 3, 4, 5, 3, 7, 20, new SplittableRandom(9));

        assertThat(b).isDeepEqualTo(a);
        assertThat(capped).hasDimensions(3, 3);
    }

    @Test
    void fewerPixelsThanCentroidsOrAWrongShapeIsRefused() {
        assertThatThrownBy(() -> CentroidSeeding.seed(new float[3 * 2], 1, 3, 1, 2, 3, 100, 5, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least as many pixels");
        assertThatThrownBy(() -> CentroidSeeding.seed(new float[5], 1, 3, 1, 2, 2, 100, 5, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 6 shifted values");
    }
}
