package dev.dgc.api.sampling;

/**
 * The size of one training cube, all a sampler needs to know about it.
 *
 * @param lines   rows
 * @param samples columns
 * @param bands   bands
 */
public record CubeExtent(int lines, int samples, int bands) {

    /** Rejects empty cubes. */
    public CubeExtent {
        if (lines < 1 || samples < 1 || bands < 1) {
            throw new IllegalArgumentException("empty cube extent " + lines + "×" + samples + "×" + bands);
        }
    }
}
