/**
 * JMH micro-benchmarks of the kernels a training step spends its Java-side time in: the mean-shift
 * forward and backward, the soft assignment, and patch extraction. Run them as docs/performance.md
 * says; the build only compiles them.
 */
package dev.dgc.jmh;
