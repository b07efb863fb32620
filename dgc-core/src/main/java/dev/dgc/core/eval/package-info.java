/**
 * Scoring a cluster map against ground truth (dgc-algorithm.md §9): the cluster × class
 * contingency table over labelled pixels, the cluster → class mappings (Hungarian one-to-one,
 * majority many-to-one, or a user's file), and the metrics — overall accuracy, Cohen's kappa, NMI,
 * AMI, ARI, IoU, true Dice, precision, recall, area errors — as an immutable {@link
 * dev.dgc.core.eval.Evaluation}. {@link dev.dgc.core.eval.Stability} compares two cluster maps
 * without truth, as between training checkpoints. Pure Java; every type is immutable or stateless.
 */
package dev.dgc.core.eval;
