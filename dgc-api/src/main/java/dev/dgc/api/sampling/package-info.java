/**
 * Sampler plugins: they plan which two overlapping windows of which cube a training step sees, and
 * how each view is augmented (§2.5 of the method specification). Plans are pure functions of the
 * pair index and a seeded random stream, so a resumed run replays the same plan.
 */
package dev.dgc.api.sampling;
