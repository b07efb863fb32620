package dev.dgc.encoders;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.ReceptiveField;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-pixel variant of §3.2: the raster encoder without the row wrap. */
class PixelwiseEncoderTest {

    private static final int BANDS = 6;
    private static final int H = 8;
    private static final int W = 10;

    @Test
    void isTheRasterEncoderWithKernelOne() {
        EncoderFixture pixelwise = new EncoderFixture(new PixelwiseEncoder(), Map.of("dim", 8), BANDS, 11, DataType.FLOAT);
        EncoderFixture raster = new EncoderFixture(new RasterEncoder(), Map.of("dim", 8, "kernel", 1), BANDS, 11, DataType.FLOAT);
        INDArray x = EncoderFixture.noise(2, 2, BANDS, H, W);

        assertThat(pixelwise.embeddings(x)).isEqualTo(raster.embeddings(x));
    }

    @Test
    void perturbingOnePixelChangesOnlyItsOwnSpectralFeatureAndItsSpatialNeighbourhood() {
        EncoderFixture f = new EncoderFixture(new PixelwiseEncoder(), Map.of("dim", 8), BANDS, 3, DataType.FLOAT);
        INDArray x = EncoderFixture.noise(5, 1, BANDS, H, W);
        INDArray y = perturbed(x, 3, 9);
        String stage = EncoderFixture.PREFIX + EncoderLayers.SPECTRAL_STAGE;

        Map<String, INDArray> before = f.run(x, stage, f.output.name());
        Map<String, INDArray> after = f.run(y, stage, f.output.name());

        assertThat(RasterEncoderTest.changedRasterIndices(before.get(stage), after.get(stage))).containsExactly(3 * W + 9);
        // two 3×3 layers reach ±2 pixels; the raster neighbour (4,0) of (3,9) is not among them
        assertThat(RasterEncoderTest.changedRasterIndices(before.get(f.output.name()), after.get(f.output.name())))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(Math.abs(i / W - 3) <= 2 && Math.abs(i % W - 9) <= 2)
                        .as("raster index %d lies within two pixels of (3,9)", i).isTrue())
                .doesNotContain(4 * W);
    }

    @Test
    void theRasterEncoderInsteadReachesAcrossTheRowEnd() {
        EncoderFixture f = new EncoderFixture(new RasterEncoder(), Map.of("dim", 8, "kernel", 3), BANDS, 3, DataType.FLOAT);
        INDArray x = EncoderFixture.noise(5, 1, BANDS, H, W);

        TreeSet<Integer> changed = RasterEncoderTest.changedRasterIndices(f.embeddings(x), f.embeddings(perturbed(x, 3, 9)));

        assertThat(changed).contains(4 * W)
                .anySatisfy(i -> assertThat(Math.abs(i / W - 3) > 2 || Math.abs(i % W - 9) > 2)
                        .as("raster index %d lies beyond two pixels of (3,9)", i).isTrue());
    }

    @Test
    void receptiveFieldIsTheSpatialStackWithoutWrap() {
        PixelwiseEncoder p = new PixelwiseEncoder();

        ReceptiveField field = p.receptiveField(Parameters.of(p.parameters(), Map.of("spatialLayers", 3)));

        assertThat(field).isEqualTo(new ReceptiveField(3, 3, false));
    }

    @Test
    void hasNoKernelParameter() {
        assertThat(new PixelwiseEncoder().parameters()).extracting(s -> s.name()).doesNotContain("kernel");
    }

    private static INDArray perturbed(INDArray x, int row, int col) {
        INDArray y = x.dup();
        for (int c = 0; c < x.size(1); c++) {
            y.putScalar(new long[] {0, c, row, col}, y.getDouble(0, c, row, col) + 1.0);
        }
        return y;
    }
}
