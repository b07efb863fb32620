/**
 * Dynamic loss balancing (open question 1 of the method): the {@code fixed} weights of the reference,
 * weights normalised by each term's running loss magnitude, and weights normalised by each term's
 * running gradient norm on the embeddings.
 */
package dev.dgc.losses.balancing;
