package dev.dgc.core.data;

import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.core.train.Normalization;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchExtractorTest {

    private static final int BANDS = 3;

    /** Value {@code 100·band + 10·row + col}: every pixel says where it came from. */
    private static ArrayCube coded(int lines, int samples) {
        float[] v = new float[BANDS * lines * samples];
        for (int b = 0; b < BANDS; b++) {
            for (int r = 0; r < lines; r++) {
                for (int c = 0; c < samples; c++) {
                    v[(b * lines + r) * samples + c] = 100 * b + 10 * r + c;
                }
            }
        }
        return new ArrayCube(BANDS, lines, samples, v);
    }

    /** A pass-through normaliser; forgets the reads its statistics made, so tests see only the patch's. */
    private static Normalizer none(ArrayCube cube) throws IOException {
        Normalizer n = Normalizer.of(Normalization.NONE, BandStatistics.compute(cube, 1000));
        cube.reads.clear();
        return n;
    }

    @Test
    void readsOnlyTheWindowAndWritesItBandSequentialAtTheOffset() throws IOException {
        ArrayCube cube = coded(6, 7);
        float[] dst = new float[5 + BANDS * 4];
        new PatchExtractor(BANDS, 2, 2).extract(cube, none(cube), new Window(3, 4, 2, 2), Augmentation.NONE, dst, 5);
        assertThat(cube.reads).containsExactly(new Window(3, 4, 2, 2));
        assertThat(dst).containsExactly(0, 0, 0, 0, 0, 34, 35, 44, 45, 134, 135, 144, 145, 234, 235, 244, 245);
    }

    @Test
    void normalisesWithTheCubesStatistics() throws IOException {
        ArrayCube cube = coded(4, 4);
        BandStatistics stats = BandStatistics.compute(cube, 1000);
        float[] dst = new float[BANDS * 4];
        new PatchExtractor(BANDS, 2, 2).extract(cube, Normalizer.of(Normalization.ZSCORE, stats),
                new Window(0, 0, 2, 2), Augmentation.NONE, dst, 0);
        float[] expected = cube.read(new Window(0, 0, 2, 2), new int[] {0, 1, 2});
        Normalizer.of(Normalization.ZSCORE, stats).apply(expected, new int[] {0, 1, 2}, 4);
        assertThat(dst).containsExactly(expected);
        assertThat(dst[0]).isLessThan(0);
    }

    @Test
    void rollsTheBandsOfTheView() throws IOException {
        ArrayCube cube = coded(3, 3);
        float[] dst = new float[BANDS];
        new PatchExtractor(BANDS, 1, 1).extract(cube, none(cube), new Window(1, 2, 1, 1),
                new Augmentation(0, 0, 0, 1, 1), dst, 0);
        assertThat(dst).containsExactly(212, 12, 112);
    }

    @Test
    void warpsBeforeRollingTheBands() throws IOException {
        ArrayCube cube = coded(6, 7);
        Augmentation a = new Augmentation(7, 0.4, -0.3, 1.05, -1);
        float[] dst = new float[BANDS * 20];
        new PatchExtractor(BANDS, 4, 5).extract(cube, none(cube), new Window(1, 2, 4, 5), a, dst, 0);
        float[] window = cube.read(new Window(1, 2, 4, 5), new int[] {0, 1, 2});
        float[] warped = new float[window.length];
        AffineWarp.apply(window, BANDS, 4, 5, a, warped);
        float[] expected = new float[window.length];
        AffineWarp.bandShift(warped, BANDS, 20, -1, expected);
        assertThat(dst).containsExactly(expected);
        assertThat(dst).isNotEqualTo(window);
    }

    @Test
    void reflectPadsACubeSmallerThanThePatchAtTheBottomAndRight() throws IOException {
        ArrayCube cube = coded(3, 2);
        float[] dst = new float[BANDS * 20];
        new PatchExtractor(BANDS, 5, 4).extract(cube, none(cube), new Window(0, 0, 5, 4), Augmentation.NONE, dst, 0);
        assertThat(cube.reads).containsExactly(new Window(0, 0, 3, 2));
        // rows 0 1 2 1 0, columns 0 1 0 1 (reflect padding does not repeat the edge)
        float[] band0 = java.util.Arrays.copyOf(dst, 20);
        assertThat(band0).containsExactly(
                0, 1, 0, 1,
                10, 11, 10, 11,
                20, 21, 20, 21,
                10, 11, 10, 11,
                0, 1, 0, 1);
        assertThat(dst[20 + 13]).isEqualTo(111);
    }

    @Test
    void padsOnlyTheShortAxisAndReadsOnlyTheWindowAlongTheOther() throws IOException {
        ArrayCube cube = coded(2, 9);
        float[] dst = new float[BANDS * 9];
        new PatchExtractor(BANDS, 3, 3).extract(cube, none(cube), new Window(0, 5, 3, 3), Augmentation.NONE, dst, 0);
        assertThat(cube.reads).containsExactly(new Window(0, 5, 2, 3));
        assertThat(java.util.Arrays.copyOf(dst, 9)).containsExactly(5, 6, 7, 15, 16, 17, 5, 6, 7);
    }

    @Test
    void mirrorsIndicesLikeReflectPadding() {
        assertThat(PatchExtractor.mirror(3, 4)).isEqualTo(3);
        assertThat(PatchExtractor.mirror(4, 4)).isEqualTo(2);
        assertThat(PatchExtractor.mirror(6, 4)).isEqualTo(0);
        assertThat(PatchExtractor.mirror(7, 4)).isEqualTo(1);
        assertThat(PatchExtractor.mirror(5, 1)).isEqualTo(0);
    }

    @Test
    void refusesAWindowOfTheWrongSizeOrOutsideThePaddedCube() throws IOException {
        ArrayCube cube = coded(3, 3);
        PatchExtractor extractor = new PatchExtractor(BANDS, 2, 2);
        float[] dst = new float[BANDS * 4];
        assertThatThrownBy(() -> extractor.extract(cube, none(cube), new Window(0, 0, 3, 2), Augmentation.NONE, dst, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2×2");
        assertThatThrownBy(() -> extractor.extract(cube, none(cube), new Window(2, 0, 2, 2), Augmentation.NONE, dst, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> extractor.extract(cube, none(cube), new Window(0, 0, 2, 2), Augmentation.NONE, dst, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 1");
    }
}
