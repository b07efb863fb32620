/**
 * The {@code matlab} reader: hyperspectral cubes and ground-truth maps stored as numeric variables in
 * MATLAB MAT-files, as the benchmark scenes (Salinas, Indian Pines, Samson, …) are distributed.
 *
 * <p>MATLAB 5 files (the classic binary format, including the zlib-compressed "v7" variant) are
 * decoded with mfl-core. Their variables are compressed as a whole, so a window cannot be read
 * without inflating everything before it: the reader loads the chosen variable once when the cube
 * is opened and serves windows from memory. MATLAB v7.3 files are HDF5 files behind a MATLAB header;
 * they are read with jHDF ({@link dev.dgc.readers.matlab.Mat73Values}), their reversed dimensions
 * turned back into MATLAB's, and loaded the same way.
 *
 * <p>Axis order is resolved here, never downstream: MATLAB stores arrays column-major, and a
 * variable may hold the cube as rows × cols × bands (MATLAB's usual H×W×C), as bands × rows × cols,
 * or as one column per pixel (bands × pixels, the unmixing benchmarks' layout). The cube handed out
 * always has row 0, column 0 at the upper left, as {@link dev.dgc.api.cube} requires.
 */
package dev.dgc.readers.matlab;
