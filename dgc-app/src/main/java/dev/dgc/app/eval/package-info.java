/**
 * Evaluation in the application, shared by {@code dgc evaluate} and {@code dgc run}: reading a whole
 * one-band label map from a cube ({@link dev.dgc.app.eval.LabelMap}), and the files an evaluation
 * leaves behind ({@link dev.dgc.app.eval.EvaluationReport}): {@code metrics.json}, {@code
 * confusion.csv} and the heat map {@code confusion.png}, each written completely under a temporary
 * name and then moved into place.
 */
package dev.dgc.app.eval;
