/**
 * {@code dgc bench}: a fixed, documented set of performance cases (training steps, the encoder and
 * the mean-shift alone, tiled prediction of synthetic cubes in memory and on disk) run in one process
 * with warm-up and repetitions, reporting median, spread and the peak resident memory of each case.
 * The cases and how to read their numbers are described in docs/performance.md.
 */
package dev.dgc.app.bench;
