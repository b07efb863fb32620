package dev.dgc.core.train;

/** How band values are scaled before the network sees them (§2.3). */
public enum Normalization {
    /** Per band to mean 0 and unbiased standard deviation 1: {@code (x − μ)/(s + 1e-6)}. */
    ZSCORE,
    /** Per band to [0, 1]: {@code (x − min)/(max − min + 1e-6)}. */
    MINMAX,
    /** Values as stored. */
    NONE
}
