package dev.dgc.core.train;

import dev.dgc.api.cube.HyperspectralCube;

import java.util.Objects;

/**
 * One open training cube and the name it is reported under (file name or config key). The trainer
 * reads it but never closes it: the caller owns it.
 *
 * @param name a label for messages and the model manifest's per-cube statistics
 * @param cube the open cube
 */
public record TrainingCube(String name, HyperspectralCube cube) {
    /** Requires both fields. */
    public TrainingCube {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cube, "cube");
    }
}
