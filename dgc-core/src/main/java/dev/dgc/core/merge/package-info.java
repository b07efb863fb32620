/**
 * "Navigable granularity" (issue 5; dgc-algorithm.md §9.3): a trained model's K clusters merged into
 * fewer groups, either by a hierarchy built from the centroids themselves ({@link
 * dev.dgc.core.merge.CentroidHierarchy}) or by a manual file ({@link dev.dgc.core.merge.MergePlan}),
 * and a prediction re-expressed in those groups. Pure Java: no tensor engine, no I/O beyond what a
 * caller hands in.
 */
package dev.dgc.core.merge;
