/**
 * What {@code dgc merge} (and a run with {@code merge.levels}) writes: the centroid dendrogram as
 * JSON and PNG, manual merge files read from JSON or YAML, and one merged label map per level.
 */
package dev.dgc.app.merge;
