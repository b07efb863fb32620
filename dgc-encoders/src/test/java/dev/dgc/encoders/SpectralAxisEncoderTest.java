package dev.dgc.encoders;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.ReceptiveField;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The paper-wording encoder of §3.2, against a plain-Java evaluation of the same layers. */
class SpectralAxisEncoderTest {

    private static final int C = 7;
    private static final int D = 3;
    private static final int K = 3;

    @Test
    void equalsAPlainJavaEvaluationOfConvolutionsAlongEachSpectrumThenTheSpatialStack() {
        EncoderFixture f = new EncoderFixture(new SpectralAxisEncoder(), Map.of("dim", D, "kernel", K, "bias", true),
                C, 17, DataType.DOUBLE);
        INDArray x = EncoderFixture.noise(9, 2, C, 3, 4).castTo(DataType.DOUBLE).subi(0.5);

        INDArray actual = f.embeddings(x);
        double[][][][] expected = plainJava(f, x);

        assertThat(actual.shape()).containsExactly(2, D, 3, 4);
        for (int b = 0; b < 2; b++) {
            for (int d = 0; d < D; d++) {
                for (int y = 0; y < 3; y++) {
                    for (int xx = 0; xx < 4; xx++) {
                        assertThat(actual.getDouble(b, d, y, xx)).isCloseTo(expected[b][d][y][xx], within(1e-10));
                    }
                }
            }
        }
    }

    @Test
    void spectralStageOfAPixelDependsOnThatPixelAlone() {
        EncoderFixture f = new EncoderFixture(new SpectralAxisEncoder(), Map.of("dim", 8, "kernel", 5), C, 3, DataType.FLOAT);
        INDArray x = EncoderFixture.noise(5, 1, C, 4, 5);
        INDArray y = x.dup();
        y.putScalar(new long[] {0, 2, 1, 4}, 3.0);
        String stage = EncoderFixture.PREFIX + EncoderLayers.SPECTRAL_STAGE;

        INDArray before = f.run(x, stage).get(stage);
        INDArray after = f.run(y, stage).get(stage);

        assertThat(RasterEncoderTest.changedRasterIndices(before, after)).containsExactly(5 + 4);
    }

    @Test
    void firstLayerHasOneInputChannelAndTheKernelSlidesAlongTheBands() {
        EncoderFixture f = new EncoderFixture(new SpectralAxisEncoder(), Map.of("dim", D, "kernel", 5), C, 3, DataType.FLOAT);

        assertThat(f.weight("spectral0/W").shape()).containsExactly(D, 1, 5);
        assertThat(f.weight("spectral1/W").shape()).containsExactly(D, D, 5);
    }

    @Test
    void receptiveFieldIsTheSpatialStackWithoutWrap() {
        SpectralAxisEncoder e = new SpectralAxisEncoder();

        ReceptiveField field = e.receptiveField(Parameters.defaults(e.parameters()));

        assertThat(field).isEqualTo(new ReceptiveField(2, 2, false));
    }

    /** §3.1/§3.2 written out: zero-padded cross-correlations, ReLU, band average, 3×3 layers, L2 norm. */
    private static double[][][][] plainJava(EncoderFixture f, INDArray input) {
        int batch = (int) input.size(0);
        int h = (int) input.size(2);
        int w = (int) input.size(3);
        double[][][][] map = new double[batch][D][h][w];
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double[][] seq = new double[1][C];
                    for (int c = 0; c < C; c++) {
                        seq[0][c] = input.getDouble(b, c, y, x);
                    }
                    for (int l = 0; l < 3; l++) {
                        seq = conv1dRelu(seq, f.weight("spectral" + l + "/W"), f.weight("spectral" + l + "/b"));
                    }
                    for (int d = 0; d < D; d++) {
                        double s = 0;
                        for (int c = 0; c < C; c++) {
                            s += seq[d][c];
                        }
                        map[b][d][y][x] = s / C;
                    }
                }
            }
            for (int l = 0; l < 2; l++) {
                map[b] = conv2dRelu(map[b], f.weight("spatial" + l + "/W"), f.weight("spatial" + l + "/b"));
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double n = 0;
                    for (int d = 0; d < D; d++) {
                        n += map[b][d][y][x] * map[b][d][y][x];
                    }
                    double norm = Math.max(Math.sqrt(n), 1e-12);
                    for (int d = 0; d < D; d++) {
                        map[b][d][y][x] /= norm;
                    }
                }
            }
        }
        return map;
    }

    private static double[][] conv1dRelu(double[][] in, INDArray weight, INDArray bias) {
        int out = (int) weight.size(0);
        int channels = (int) weight.size(1);
        int k = (int) weight.size(2);
        int n = in[0].length;
        double[][] r = new double[out][n];
        for (int o = 0; o < out; o++) {
            for (int p = 0; p < n; p++) {
                double s = bias.getDouble(o);
                for (int i = 0; i < channels; i++) {
                    for (int t = 0; t < k; t++) {
                        int q = p + t - (k - 1) / 2;
                        if (q >= 0 && q < n) {
                            s += weight.getDouble(o, i, t) * in[i][q];
                        }
                    }
                }
                r[o][p] = Math.max(0, s);
            }
        }
        return r;
    }

    private static double[][][] conv2dRelu(double[][][] in, INDArray weight, INDArray bias) {
        int out = (int) weight.size(0);
        int h = in[0].length;
        int w = in[0][0].length;
        double[][][] r = new double[out][h][w];
        for (int o = 0; o < out; o++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = bias.getDouble(o);
                    for (int i = 0; i < in.length; i++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = y + dy;
                                int xx = x + dx;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                    s += weight.getDouble(o, i, dy + 1, dx + 1) * in[i][yy][xx];
                                }
                            }
                        }
                    }
                    r[o][y][x] = Math.max(0, s);
                }
            }
        }
        return r;
    }
}
