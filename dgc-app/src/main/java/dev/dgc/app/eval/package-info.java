/**
 * The files an evaluation leaves behind, shared by {@code dgc evaluate --output} and {@code dgc run}:
 * {@code metrics.json}, {@code confusion.csv} and the heat map {@code confusion.png}, each written
 * completely under a temporary name and then moved into place.
 */
package dev.dgc.app.eval;
