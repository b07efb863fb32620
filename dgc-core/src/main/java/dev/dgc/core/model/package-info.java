/**
 * The saved model of a training run: a directory with {@code manifest.json} (what the network is,
 * how inputs were normalised, how it was trained) and one {@code .npy} file per weight tensor.
 * Inference reads it back with {@link dev.dgc.core.model.ModelReader}.
 */
package dev.dgc.core.model;
