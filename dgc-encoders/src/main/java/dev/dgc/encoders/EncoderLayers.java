package dev.dgc.encoders;

import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.ReceptiveField;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Builds the layers the encoders of this module share (§3.1 of dgc-algorithm.md): PyTorch-style
 * initialised convolutions, the spectral stage along the flattened raster, the 3×3 spatial stack and
 * the per-pixel L2 normalisation. One instance builds one encoder into one graph.
 *
 * <p>Weights are graph variables named {@code <prefix>spectral<i>/W}, {@code <prefix>spatial<i>/W}
 * (and {@code …/b} with biases), held in PyTorch layout ({@code [out, in, k]} and
 * {@code [out, in, 3, 3]}) so that checkpoints read like the reference's state dict. Not thread-safe,
 * as SameDiff graph building is not.
 */
final class EncoderLayers {

    /** Name, under the prefix, of the spectral-stage output map {@code [B, D, H, W]}. */
    static final String SPECTRAL_STAGE = "spectralStage";
    /** Name, under the prefix, of the encoder output {@code [B, D, H, W]}. */
    static final String EMBEDDINGS = "embeddings";

    /**
     * The squared-norm floor: {@code v / sqrt(max(‖v‖², 1e-24))} equals {@code v / max(‖v‖, 1e-12)}
     * (§3.1 step 6) but its gradient stays finite for an all-zero ReLU output, where the gradient of
     * a plain norm is 0/0.
     */
    private static final double SQUARED_NORM_FLOOR = 1e-24;

    private final SameDiff sd;
    private final SplittableRandom random;
    private final String prefix;
    private final DataType type;
    private final EncoderSettings settings;

    /**
     * @param graph    where to build, and the only source of initial weights
     * @param settings the layer sizes
     */
    EncoderLayers(EncoderGraph graph, EncoderSettings settings) {
        this.sd = graph.sameDiff();
        this.random = graph.random();
        this.prefix = graph.prefix();
        this.type = graph.input().dataType();
        this.settings = settings;
    }

    /**
     * The {@code raster} encoder of §3.1/§3.2: the bands are the channels of 1-D convolutions that
     * slide along each patch's flattened raster, so a kernel wider than 1 wraps from the end of one
     * row to the start of the next, as in the reference. With kernel 1 this is the {@code pixelwise}
     * encoder.
     *
     * @param input {@code [B, C, H, W]}
     * @param bands C
     * @return unit embeddings {@code [B, D, H, W]}
     */
    SDVariable rasterEncoder(SDVariable input, int bands) {
        SDVariable shape = sd.shape(input);
        SDVariable batch = shape.get(SDIndex.interval(0, 1));
        // H and W stay free (-1 takes H·W): training patches and inference tiles differ in size
        SDVariable sequence = sd.reshape(input, sd.concat(0, batch, longs(bands, -1)));
        SDVariable features = spectralStack(sequence, bands);
        SDVariable map = sd.reshape(prefix + SPECTRAL_STAGE, features,
                sd.concat(0, batch, longs(settings.dim()), shape.get(SDIndex.interval(2, 4))));
        return spatialStackAndNormalise(map);
    }

    /**
     * The {@code spectral-axis} encoder of §3.2: each pixel's spectrum is a one-channel sequence of
     * length C, convolved along the wavelengths, then averaged over them to one D-vector.
     *
     * @param input {@code [B, C, H, W]}
     * @param bands C
     * @return unit embeddings {@code [B, D, H, W]}
     */
    SDVariable spectralAxisEncoder(SDVariable input, int bands) {
        SDVariable shape = sd.shape(input);
        SDVariable spectra = sd.reshape(sd.permute(input, 0, 2, 3, 1), -1, 1, bands);
        SDVariable features = sd.mean(spectralStack(spectra, 1), 2);
        SDVariable pixels = sd.reshape(features, sd.concat(0, shape.get(SDIndex.interval(0, 1)),
                shape.get(SDIndex.interval(2, 4)), longs(settings.dim())));
        SDVariable map = sd.permute(prefix + SPECTRAL_STAGE, pixels, 0, 3, 1, 2);
        return spatialStackAndNormalise(map);
    }

    /**
     * The reach of {@link #rasterEncoder}: each 1-D layer adds (k−1)/2 raster positions left and
     * right, each 3×3 layer one pixel in every direction (§3.3, without the mean-shift).
     *
     * @param settings the layer sizes
     * @return the receptive field
     */
    static ReceptiveField rasterField(EncoderSettings settings) {
        int cols = settings.spectralLayers() * settings.padding() + settings.spatialLayers();
        return new ReceptiveField(settings.spatialLayers(), cols, settings.kernel() > 1);
    }

    /**
     * The reach of {@link #spectralAxisEncoder}: its 1-D layers stay inside one pixel, each 3×3
     * layer adds one pixel in every direction.
     *
     * @param settings the layer sizes
     * @return the receptive field
     */
    static ReceptiveField spatialField(EncoderSettings settings) {
        return new ReceptiveField(settings.spatialLayers(), settings.spatialLayers(), false);
    }

    private SDVariable spectralStack(SDVariable sequences, long inChannels) {
        Conv1DConfig config = Conv1DConfig.builder()
                .k(settings.kernel()).s(1).p(settings.padding()).d(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv1DConfig.NCW)
                .build();
        SDVariable x = sequences;
        long in = inChannels;
        for (int i = 0; i < settings.spectralLayers(); i++) {
            String layer = "spectral" + i;
            SDVariable w = weight(layer, new long[] {settings.dim(), in, settings.kernel()});
            // ND4J's conv1d wants [k, in, out]; the variable keeps PyTorch's [out, in, k].
            SDVariable kernel = sd.permute(w, 2, 1, 0);
            SDVariable conv = settings.bias()
                    ? sd.cnn().conv1d(x, kernel, bias(layer, in * settings.kernel()), config)
                    : sd.cnn().conv1d(x, kernel, config);
            boolean last = i == settings.spectralLayers() - 1 && settings.spatialLayers() == 0;
            x = last && !settings.lastRelu() ? conv : sd.nn().relu(conv, 0.0);
            in = settings.dim();
        }
        return x;
    }

    private SDVariable spatialStackAndNormalise(SDVariable map) {
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .build();
        SDVariable x = map;
        long d = settings.dim();
        for (int i = 0; i < settings.spatialLayers(); i++) {
            String layer = "spatial" + i;
            SDVariable w = weight(layer, new long[] {d, d, 3, 3});
            // ND4J's conv2d wants [3, 3, in, out]: its OIYX weight format fails in conv2d_bp (1.0.0-M2.1).
            SDVariable kernel = sd.permute(w, 2, 3, 1, 0);
            SDVariable conv = settings.bias()
                    ? sd.cnn().conv2d(x, kernel, bias(layer, d * 9), config)
                    : sd.cnn().conv2d(x, kernel, config);
            x = i == settings.spatialLayers() - 1 && !settings.lastRelu() ? conv : sd.nn().relu(conv, 0.0);
        }
        SDVariable norm = sd.math().sqrt(sd.scalarMax(sd.sum(sd.math().square(x), true, 1), SQUARED_NORM_FLOOR));
        return sd.math().div(prefix + EMBEDDINGS, x, norm);
    }

    /** PyTorch's default convolution weight: U(−1/√fan_in, 1/√fan_in), fan_in = in · kernel elements. */
    private SDVariable weight(String layer, long[] shape) {
        long fanIn = 1;
        for (int i = 1; i < shape.length; i++) {
            fanIn *= shape[i];
        }
        return uniform(prefix + layer + "/W", shape, fanIn);
    }

    /** PyTorch's default convolution bias, with the bound of its layer's weight. */
    private SDVariable bias(String layer, long fanIn) {
        return uniform(prefix + layer + "/b", new long[] {settings.dim()}, fanIn);
    }

    private SDVariable uniform(String name, long[] shape, long fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-bound, bound);
        }
        return sd.var(name, Nd4j.createFromArray(values).reshape('c', shape).castTo(type));
    }

    private SDVariable longs(long... values) {
        return sd.constant(Nd4j.createFromArray(values));
    }
}
