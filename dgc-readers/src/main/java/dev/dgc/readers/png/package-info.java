/**
 * The {@code png} writer: a coloured preview of a label map with a legend, for reports and quick
 * looks. A PNG keeps neither georeference nor label values; the GeoTIFF and ENVI writers store the
 * map itself.
 */
package dev.dgc.readers.png;
