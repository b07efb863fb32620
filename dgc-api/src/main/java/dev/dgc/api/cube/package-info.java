/**
 * Hyperspectral cubes as readers expose them: metadata up front, pixels only by window and band
 * subset, returned band-sequential as {@code float}.
 *
 * <p>Orientation is fixed: a cube has {@code lines} rows (north-up for georeferenced data),
 * {@code samples} columns and {@code bands} bands; row 0, column 0 is the upper-left pixel, as in
 * ENVI and GDAL. Readers resolve any file-specific axis order (MATLAB column-major, HDF5 axis
 * options) before the data reaches these types.
 */
package dev.dgc.api.cube;
