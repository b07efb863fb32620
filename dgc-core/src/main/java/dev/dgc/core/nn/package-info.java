/**
 * The DGC network as one ND4J SameDiff graph: the unrolled local-window mean-shift (§4.1 of
 * dgc-algorithm.md), the soft assignment to centroids (§4.2), and the training graph that joins an
 * encoder plugin, both and the loss-term plugins (§5) for a fixed batch and patch size.
 *
 * <p>Graph building is single-threaded, as SameDiff is; a built graph is used by one thread.
 */
package dev.dgc.core.nn;
