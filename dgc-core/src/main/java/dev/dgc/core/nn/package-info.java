/**
 * The DGC network: the unrolled local-window mean-shift in plain Java with its exact backward
 * (§4.1 of dgc-algorithm.md), the soft assignment to centroids as ND4J SameDiff ops (§4.2), and the
 * training network that chains an encoder plugin's graph, the mean-shift and a graph of the soft
 * assignment and the loss-term plugins (§5) for a fixed batch and patch size.
 *
 * <p>Graph building is single-threaded, as SameDiff is; a built network is used by one thread. The
 * mean-shift spreads its own work over the common fork-join pool with results independent of scheduling.
 */
package dev.dgc.core.nn;
