package dev.dgc.encoders;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;

import java.util.List;

/**
 * The shape of a spectral–spatial encoder (§3.1 of dgc-algorithm.md), read once from validated
 * parameters so that every provider checks the same things in the same words.
 *
 * @param dim            embedding dimension D, the width of every layer
 * @param kernel         width of the spectral 1-D kernels; odd, so that padding (k−1)/2 keeps length
 * @param spectralLayers number of 1-D convolutions
 * @param spatialLayers  number of 3×3 convolutions after the spectral stage
 * @param bias           whether every convolution has a bias
 * @param lastRelu       whether the last convolution is followed by a ReLU (the reference), which puts
 *                       every embedding in the non-negative orthant; without it embeddings use the whole sphere
 */
record EncoderSettings(int dim, int kernel, int spectralLayers, int spatialLayers, boolean bias, boolean lastRelu) {

    static final String DIM = "dim";
    static final String KERNEL = "kernel";
    static final String SPECTRAL_LAYERS = "spectralLayers";
    static final String SPATIAL_LAYERS = "spatialLayers";
    static final String BIAS = "bias";
    static final String LAST_ACTIVATION = "lastActivation";
    static final String RELU = "relu";
    static final String NONE = "none";

    /** Rejects sizes the layers cannot have; even kernels cannot keep the sequence length. */
    EncoderSettings {
        if (dim < 1) {
            throw new IllegalArgumentException(DIM + " must be at least 1, found " + dim);
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException(KERNEL + " must be odd and at least 1 (padding (k−1)/2 keeps the"
                    + " sequence length only for odd k), found " + kernel + "; use " + (kernel < 1 ? 1 : kernel + 1)
                    + " or " + Math.max(1, kernel - 1));
        }
        if (spectralLayers < 1) {
            throw new IllegalArgumentException(SPECTRAL_LAYERS + " must be at least 1, found " + spectralLayers);
        }
        if (spatialLayers < 0) {
            throw new IllegalArgumentException(SPATIAL_LAYERS + " must be at least 0, found " + spatialLayers);
        }
    }

    /**
     * The declarations shared by every encoder of this module, with the reference defaults of §3.1.
     *
     * @param withKernel whether the kernel width is a parameter (it is not for {@code pixelwise})
     * @param kernelText what the kernel slides along, for the description
     * @return the declarations in documentation order
     */
    static List<ParameterSpec> specs(boolean withKernel, String kernelText) {
        ParameterSpec dim = ParameterSpec.integer(DIM, 32, "embedding dimension D (§3.1)").withRange(1, 4096);
        ParameterSpec spectral = ParameterSpec.integer(SPECTRAL_LAYERS, 3, "number of spectral 1-D convolutions (§3.1)")
                .withRange(1, 64);
        ParameterSpec spatial = ParameterSpec.integer(SPATIAL_LAYERS, 2, "number of 3×3 spatial convolutions (§3.1)")
                .withRange(0, 64);
        ParameterSpec bias = ParameterSpec.bool(BIAS, false, "whether the convolutions have a bias (the reference has none)");
        ParameterSpec last = ParameterSpec.choice(LAST_ACTIVATION, RELU, "activation of the last convolution before the"
                + " normalisation: relu (reference: every embedding in the non-negative orthant, all cosines ≥ 0) or none"
                + " (embeddings on the whole sphere, so centroids can be far apart)", RELU, NONE);
        if (!withKernel) {
            return List.of(dim, spectral, spatial, bias, last);
        }
        ParameterSpec kernel = ParameterSpec.integer(KERNEL, 9, "odd width of the spectral kernels along " + kernelText + " (§3.2)")
                .withRange(1, 1025);
        return List.of(dim, kernel, spectral, spatial, bias, last);
    }

    /**
     * What {@link #read(Parameters)} would refuse, as messages for config validation.
     *
     * @param params values that passed their declarations
     * @return the problem, or nothing
     */
    static List<String> problems(Parameters params) {
        try {
            read(params);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * Reads the settings declared by {@link #specs(boolean, String)} with the kernel as a parameter.
     *
     * @param params validated parameters
     * @return the settings
     * @throws IllegalArgumentException naming the parameter, for an even kernel
     */
    static EncoderSettings read(Parameters params) {
        return readWithKernel(params, params.getInt(KERNEL));
    }

    /**
     * Reads the settings declared by {@link #specs(boolean, String)} with a kernel fixed by the encoder.
     *
     * @param params validated parameters
     * @param kernel the kernel width
     * @return the settings
     */
    static EncoderSettings readWithKernel(Parameters params, int kernel) {
        return new EncoderSettings(params.getInt(DIM), kernel, params.getInt(SPECTRAL_LAYERS),
                params.getInt(SPATIAL_LAYERS), params.getBoolean(BIAS), RELU.equals(params.getString(LAST_ACTIVATION)));
    }

    /**
     * @return the zero padding at each end of a spectral sequence, (k−1)/2
     */
    int padding() {
        return (kernel - 1) / 2;
    }
}
