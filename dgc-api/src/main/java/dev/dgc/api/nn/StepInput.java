package dev.dgc.api.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * Fresh values for a placeholder at every training step, such as the random balanced pseudo-labels
 * of the sampled uniform-assignment term (§5).
 */
@FunctionalInterface
public interface StepInput {

    /**
     * @param random the term's own stream for this step
     * @return the placeholder's value, of the shape and type it was declared with
     */
    INDArray next(SplittableRandom random);
}
