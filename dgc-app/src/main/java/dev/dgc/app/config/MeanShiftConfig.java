package dev.dgc.app.config;

/**
 * The {@code model.meanShift} section: the unrolled local-window mean-shift (dgc-algorithm.md §4.1).
 *
 * @param window         side of the square window in pixels, odd
 * @param iterations     number of unrolled steps; 0 turns mean-shift off
 * @param bandwidth      initial kernel bandwidth
 * @param learnBandwidth whether the bandwidth is trained with the network
 */
public record MeanShiftConfig(int window, int iterations, double bandwidth, boolean learnBandwidth) {
}
