package dev.dgc.readers.matlab;

import dev.dgc.readers.matlab.MatlabOptions.Layout;
import dev.dgc.readers.matlab.MatlabOptions.PixelOrder;

/**
 * Where each sample of the cube lies in a MATLAB array: the cube's size, and how far apart (in
 * elements of the column-major array) neighbouring rows, columns and bands are. Every supported
 * layout is such a linear map, so one formula, {@link #index}, serves them all.
 *
 * @param lines      cube rows
 * @param samples    cube columns
 * @param bands      cube bands
 * @param rowStride  elements between a sample and the one a row below
 * @param colStride  elements between a sample and the one a column to the right
 * @param bandStride elements between a sample and the one a band further
 */
record CubeGeometry(int lines, int samples, int bands, int rowStride, int colStride, int bandStride) {

    /**
     * The geometry of a 3-D (or 2-D, single-band) array whose axes are the cube's axes.
     *
     * @param layout {@link Layout#ROWS_COLS_BANDS} or {@link Layout#BANDS_ROWS_COLS}
     * @param array  the variable, of rank at most 3
     * @return the geometry
     */
    static CubeGeometry ofAxes(Layout layout, MatVariable array) {
        int d0 = array.size(0);
        int d1 = array.size(1);
        int d2 = array.size(2);
        return switch (layout) {
            // H×W×C: rows vary fastest, then columns, then bands
            case ROWS_COLS_BANDS -> new CubeGeometry(d0, d1, d2, 1, d0, d0 * d1);
            // C×H×W: bands vary fastest (each pixel's spectrum is contiguous), then rows, then columns
            case BANDS_ROWS_COLS -> new CubeGeometry(d1, d2, d0, d0, d0 * d1, 1);
            case BANDS_PIXELS -> throw new IllegalArgumentException("layout bands,pixels needs rows and columns; use ofPixels");
        };
    }

    /**
     * The geometry of a bands × pixels matrix, one column per pixel.
     *
     * @param bands number of bands (matrix rows)
     * @param rows  cube rows
     * @param cols  cube columns; {@code rows·cols} is the number of matrix columns
     * @param order how pixel indices run over rows and columns
     * @return the geometry
     */
    static CubeGeometry ofPixels(int bands, int rows, int cols, PixelOrder order) {
        return switch (order) {
            // pixel p = r + c·rows, so its spectrum starts at element (r + c·rows)·bands
            case COLUMN_MAJOR -> new CubeGeometry(rows, cols, bands, bands, bands * rows, 1);
            // pixel p = r·cols + c
            case ROW_MAJOR -> new CubeGeometry(rows, cols, bands, bands * cols, bands, 1);
        };
    }

    /**
     * The column-major element index of a cube sample.
     *
     * @param band zero-based band
     * @param row  zero-based row
     * @param col  zero-based column
     * @return the index into the MATLAB array
     */
    int index(int band, int row, int col) {
        return band * bandStride + row * rowStride + col * colStride;
    }
}
