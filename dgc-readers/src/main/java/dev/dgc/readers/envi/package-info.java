/**
 * The {@code envi} reader and the {@code envi-classification} writer: ENVI raster files, a plain
 * text header ({@code .hdr}) beside raw samples, as written by ENVI, GDAL, ISOFIT, Spectral Python
 * and most hyperspectral processing chains.
 *
 * <p>{@link dev.dgc.readers.envi.EnviReaderProvider} opens a cube from either file of the pair,
 * reads all metadata from the header at open, and serves windows with positional reads, so cubes far
 * larger than the heap are readable window by window; gzip-compressed data
 * ({@code file compression = 1}) is decompressed once to a temporary file.
 * {@link dev.dgc.readers.envi.EnviClassificationWriter} stores a label raster as an ENVI
 * Classification file with class names, colours, no-data value and map info, atomically.
 *
 * <p>Header keys follow the ENVI header reference (NV5 Geospatial, "ENVI Header Files"); where it
 * is silent (rotation in {@code map info}, units of wavelengths without {@code wavelength units})
 * the classes say which reading they take.
 */
package dev.dgc.readers.envi;
