package dev.dgc.core.train;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderProvider;
import java.util.Objects;

/**
 * What the network is: encoder, mean-shift and assignment.
 *
 * @param bands         C, the band count of every training cube
 * @param encoderId     the encoder plugin id
 * @param encoder       the encoder plugin
 * @param encoderParams its validated parameters
 * @param clusters      K
 * @param temperature   τ of {@code softmax(cos/τ)}
 * @param meanShift     the mean-shift settings
 */
public record ModelSpec(int bands, String encoderId, EncoderProvider encoder, Parameters encoderParams, int clusters,
                        double temperature, MeanShiftSettings meanShift) {
    public ModelSpec {
        Objects.requireNonNull(encoderId, "encoderId");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(encoderParams, "encoderParams");
        Objects.requireNonNull(meanShift, "meanShift");
        if (bands < 1 || clusters < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("invalid model: " + bands + " bands, " + clusters + " clusters, τ " + temperature);
        }
    }
}
