package dev.dgc.encoders;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.ReceptiveField;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reference encoder against TV1 of dgc-algorithm.md §15 and its row-wrap behaviour (§3.2). */
class RasterEncoderTest {

    private static final double TV1_TOLERANCE = 1e-4;

    @Test
    void reproducesTestVectorOneInFloat32() {
        EncoderFixture f = tv1Encoder();
        INDArray x = EncoderFixture.filled(DataType.FLOAT, j -> 0.5 + 0.5 * Math.sin(0.37 * j), 1, 5, 3, 4);

        Map<String, INDArray> out = f.run(x, f.output.name());
        INDArray e = out.get(f.output.name());

        assertThat(e.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(e.shape()).containsExactly(1, 4, 3, 4);
        assertPixel(e, 0, 0, 0.622700, 0.530778, 0.444583, 0.364506);
        assertPixel(e, 1, 3, 0.475376, 0.491945, 0.507981, 0.523414);
        assertPixel(e, 2, 0, 0.486984, 0.496347, 0.504606, 0.511722);
        assertPixel(e, 2, 3, 0.419425, 0.470697, 0.522356, 0.574170);
        assertThat(e.sumNumber().doubleValue()).isCloseTo(23.925242, within(TV1_TOLERANCE));
    }

    @Test
    void spectralStageOfTestVectorOneWrapsFromRowEndToNextRowStart() {
        EncoderFixture f = tv1Encoder();
        INDArray x = EncoderFixture.filled(DataType.FLOAT, j -> 0.5 + 0.5 * Math.sin(0.37 * j), 1, 5, 3, 4);
        String stage = EncoderFixture.PREFIX + EncoderLayers.SPECTRAL_STAGE;

        INDArray s = f.run(x, stage).get(stage);

        // (1,3) ends row 1 and (2,0) starts row 2: these values need each other as raster neighbours.
        assertPixel(s, 1, 3, 1.007934, 1.116768, 1.117791, 1.007895);
        assertPixel(s, 2, 0, 0.817632, 1.167075, 1.046904, 0.822268);
    }

    @Test
    void perturbingOnePixelChangesExactlyTheRasterNeighboursOfTheSpectralStage() {
        // The §3.2 statement: kernel 9, three layers, pixel (3,9) of an 8×10 input → raster indices 27…51.
        EncoderFixture f = new EncoderFixture(new RasterEncoder(), Map.of("dim", 8), 6, 3, DataType.FLOAT);
        INDArray x = EncoderFixture.noise(5, 1, 6, 8, 10);
        INDArray y = x.dup();
        for (int c = 0; c < 6; c++) {
            y.putScalar(new long[] {0, c, 3, 9}, y.getDouble(0, c, 3, 9) + 1.0);
        }
        String stage = EncoderFixture.PREFIX + EncoderLayers.SPECTRAL_STAGE;

        INDArray before = f.run(x, stage).get(stage);
        INDArray after = f.run(y, stage).get(stage);

        assertThat(changedRasterIndices(before, after)).containsExactlyElementsOf(range(27, 51));
    }

    @Test
    void receptiveFieldOfTheDefaultsIsFourteenColumnsTwoRowsWithWrap() {
        RasterEncoder raster = new RasterEncoder();

        ReceptiveField field = raster.receptiveField(Parameters.defaults(raster.parameters()));

        assertThat(field.cols()).isEqualTo(3 * 4 + 2);
        assertThat(field.rows()).isEqualTo(2);
        assertThat(field.rowWrap()).isTrue();
    }

    /** TV1's encoder: C=5, D=4, kernel 3, weights {@code 0.1 + 0.2·cos(0.7·j + L)} per layer L. */
    static EncoderFixture tv1Encoder() {
        EncoderFixture f = new EncoderFixture(new RasterEncoder(), Map.of("dim", 4, "kernel", 3), 5, 1, DataType.FLOAT);
        String[] layers = {"spectral0/W", "spectral1/W", "spectral2/W", "spatial0/W", "spatial1/W"};
        for (int l = 0; l < layers.length; l++) {
            int layer = l;
            long[] shape = f.weight(layers[l]).shape();
            f.setWeight(layers[l], EncoderFixture.filled(DataType.FLOAT, j -> 0.1 + 0.2 * Math.cos(0.7 * j + layer), shape));
        }
        return f;
    }

    static void assertPixel(INDArray map, int y, int x, double... expected) {
        for (int d = 0; d < expected.length; d++) {
            assertThat(map.getDouble(0, d, y, x)).as("channel %d of pixel (%d,%d)", d, y, x)
                    .isCloseTo(expected[d], within(TV1_TOLERANCE));
        }
    }

    static TreeSet<Integer> changedRasterIndices(INDArray before, INDArray after) {
        long h = before.size(2);
        long w = before.size(3);
        TreeSet<Integer> changed = new TreeSet<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int d = 0; d < before.size(1); d++) {
                    if (before.getDouble(0, d, y, x) != after.getDouble(0, d, y, x)) {
                        changed.add((int) (y * w + x));
                    }
                }
            }
        }
        return changed;
    }

    static TreeSet<Integer> range(int from, int toInclusive) {
        TreeSet<Integer> r = new TreeSet<>();
        for (int i = from; i <= toInclusive; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    void withoutTheLastReluEmbeddingsLeaveTheNonNegativeOrthantWithTheSameWeights() {
        INDArray x = EncoderFixture.noise(5, 1, 6, 8, 10);
        EncoderFixture relu = new EncoderFixture(new RasterEncoder(), Map.of("dim", 8, "kernel", 3), 6, 3, DataType.FLOAT);
        EncoderFixture linear = new EncoderFixture(new RasterEncoder(), Map.of("dim", 8, "kernel", 3, "lastActivation", "none"), 6, 3,
                DataType.FLOAT);

        INDArray a = relu.embeddings(x);
        INDArray b = linear.embeddings(x);

        assertThat(a.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(b.minNumber().doubleValue()).as("some components negative").isLessThan(-0.01);
        assertThat(b.norm2(1).minNumber().doubleValue()).as("still unit rows").isCloseTo(1.0, within(1e-4));
        assertThat(linear.weight("spatial1/W").data().asFloat()).as("the same initialisation stream")
                .containsExactly(relu.weight("spatial1/W").data().asFloat());
    }
}
