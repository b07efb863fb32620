package dev.dgc.core.data;

import dev.dgc.api.sampling.Augmentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AffineWarpTest {

    /** TV6's 4×5 image with value 5·row + col. */
    private static float[] ramp(int bands) {
        float[] v = new float[bands * 20];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < 20; i++) {
                v[b * 20 + i] = i + 100 * b;
            }
        }
        return v;
    }

    private static final double[] TV6 = {
        0.441572, 1.524861, 2.608149, 3.691438, 4.000000,
        1.466481, 3.313821, 5.161162, 7.008502, 8.319883,
        6.680117, 8.491498, 10.338838, 12.186179, 13.736325,
        12.096560, 13.669174, 15.516515, 17.363855, 19.000000};

    private static final Augmentation TV6_WARP = new Augmentation(10, 0.05 * 5, -0.1 * 4, 1.1, 0);

    @Test
    void warpsTv6To1e5() {
        float[] out = new float[20];
        AffineWarp.apply(ramp(1), 1, 4, 5, TV6_WARP, out);
        for (int i = 0; i < 20; i++) {
            assertThat((double) out[i]).as("pixel (%d, %d)", i / 5, i % 5).isCloseTo(TV6[i], within(1e-5));
        }
    }

    @Test
    void samplesEveryBandOnTheSameGrid() {
        float[] out = new float[60];
        AffineWarp.apply(ramp(3), 3, 4, 5, TV6_WARP, out);
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 20; i++) {
                // bilinear weights sum to 1, so a constant offset per band survives the warp
                assertThat((double) out[b * 20 + i]).isCloseTo(TV6[i] + 100 * b, within(1e-4));
            }
        }
    }

    @Test
    void copiesTheImageWhenTheAugmentationDoesNotWarp() {
        float[] out = new float[40];
        AffineWarp.apply(ramp(2), 2, 4, 5, new Augmentation(0, 0, 0, 1, 2), out);
        assertThat(out).containsExactly(ramp(2));
    }

    @Test
    void translatesByWholePixelsWithReflectionAtTheBorder() {
        float[] out = new float[20];
        // sampling one pixel to the right: output column j shows input column j + 1, the last column
        // reflects back onto itself about the border at 4.5
        AffineWarp.apply(ramp(1), 1, 4, 5, new Augmentation(0, 1, 0, 1, 0), out);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 5; c++) {
                assertThat(out[r * 5 + c]).isCloseTo(5 * r + Math.min(c + 1, 4), within(1e-5f));
            }
        }
    }

    @Test
    void reflectsCoordinatesAboutTheHalfPixelBordersThenClips() {
        assertThat(AffineWarp.reflect(-1.0, 5)).isCloseTo(0.0, within(1e-12));
        assertThat(AffineWarp.reflect(-0.75, 5)).isCloseTo(0.0, within(1e-12));
        assertThat(AffineWarp.reflect(5.5, 5)).isCloseTo(3.5, within(1e-12));
        assertThat(AffineWarp.reflect(10.5, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(AffineWarp.reflect(2.25, 5)).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void rollsBandsCircularlySoTheLastBandsReappearFirst() {
        float[] src = {0, 0, 1, 1, 2, 2, 3, 3};
        float[] dst = new float[8];
        AffineWarp.bandShift(src, 4, 2, 1, dst);
        assertThat(dst).containsExactly(3, 3, 0, 0, 1, 1, 2, 2);
        AffineWarp.bandShift(src, 4, 2, -2, dst);
        assertThat(dst).containsExactly(2, 2, 3, 3, 0, 0, 1, 1);
        AffineWarp.bandShift(src, 4, 2, 0, dst);
        assertThat(dst).containsExactly(src);
    }

    @Test
    void writesTheBandRollAtAnOffset() {
        float[] dst = new float[5];
        AffineWarp.bandShift(new float[] {7, 8, 9}, 3, 1, 5, dst, 2);
        assertThat(dst).containsExactly(0, 0, 8, 9, 7);
    }

    @Test
    void refusesToWarpInPlace() {
        float[] v = ramp(1);
        assertThatThrownBy(() -> AffineWarp.apply(v, 1, 4, 5, TV6_WARP, v)).isInstanceOf(IllegalArgumentException.class);
    }
}
