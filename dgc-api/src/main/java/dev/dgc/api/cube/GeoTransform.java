package dev.dgc.api.cube;

/**
 * An affine map from pixel corner coordinates to map coordinates, in GDAL's order:
 * {@code x = originX + col·pixelWidth + row·rowRotation},
 * {@code y = originY + col·colRotation + row·pixelHeight}. For north-up images the rotations are 0
 * and {@code pixelHeight} is negative. (col, row) = (0, 0) is the upper-left corner of the
 * upper-left pixel.
 *
 * @param originX     map x of the upper-left corner
 * @param pixelWidth  map units per column step
 * @param rowRotation x change per row step
 * @param originY     map y of the upper-left corner
 * @param colRotation y change per column step
 * @param pixelHeight map units per row step (negative when north is up)
 */
public record GeoTransform(double originX, double pixelWidth, double rowRotation,
                           double originY, double colRotation, double pixelHeight) {

    /**
     * @param gdal the six GDAL coefficients
     * @return the transform
     */
    public static GeoTransform fromGdal(double[] gdal) {
        if (gdal.length != 6) {
            throw new IllegalArgumentException("a geotransform has 6 coefficients, found " + gdal.length);
        }
        return new GeoTransform(gdal[0], gdal[1], gdal[2], gdal[3], gdal[4], gdal[5]);
    }

    /**
     * @return the six coefficients in GDAL order
     */
    public double[] toGdal() {
        return new double[] {originX, pixelWidth, rowRotation, originY, colRotation, pixelHeight};
    }

    /**
     * Map coordinates of a pixel-space point.
     *
     * @param col column coordinate (0 = left edge of the first column)
     * @param row row coordinate (0 = top edge of the first row)
     * @return {x, y}
     */
    public double[] toMap(double col, double row) {
        return new double[] {originX + col * pixelWidth + row * rowRotation, originY + col * colRotation + row * pixelHeight};
    }

    /**
     * The same transform for a sub-window starting at (row, col), so that a crop keeps its place on
     * the map.
     *
     * @param row first row of the window
     * @param col first column of the window
     * @return the shifted transform
     */
    public GeoTransform shifted(int row, int col) {
        double[] o = toMap(col, row);
        return new GeoTransform(o[0], pixelWidth, rowRotation, o[1], colRotation, pixelHeight);
    }
}
