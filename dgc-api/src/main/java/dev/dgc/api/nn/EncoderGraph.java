package dev.dgc.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where an encoder builds itself: the graph, the input patch batch and a random stream for weight
 * initialisation.
 *
 * @param sameDiff the graph to add variables and operations to
 * @param input    the normalised patches, {@code [B, C, H, W]} float32
 * @param bands    {@code C}
 * @param random   the encoder's own stream, split from the run's root seed; draw initial weights
 *                 from it and from nothing else, so runs are reproducible
 * @param prefix   a name prefix for the encoder's variables ("encoder/"), keeping checkpoint names
 *                 stable
 */
public record EncoderGraph(SameDiff sameDiff, SDVariable input, int bands, SplittableRandom random, String prefix) {

    /** Requires every field and a positive band count. */
    public EncoderGraph {
        Objects.requireNonNull(sameDiff, "sameDiff");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(prefix, "prefix");
        if (bands < 1) {
            throw new IllegalArgumentException("an encoder needs at least one band, found " + bands);
        }
    }
}
