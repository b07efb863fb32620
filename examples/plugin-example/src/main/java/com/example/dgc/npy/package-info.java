/**
 * An example third-party dgc plugin: a reader for NumPy {@code .npy} cubes, so arrays saved from
 * Python with {@code np.save("cube.npy", cube)} can be clustered directly.
 *
 * <p>It is built as its own jar against {@code dgc-api} only (scope {@code provided}) and installed by
 * copying the jar into a plugins directory; see the project README, "Writing a plugin".
 */
package com.example.dgc.npy;
