package dev.dgc.api.cube;

/**
 * A rectangle of pixels: {@code rows × cols} starting at ({@code row}, {@code col}), zero-based.
 *
 * @param row  first row
 * @param col  first column
 * @param rows number of rows, at least 1
 * @param cols number of columns, at least 1
 */
public record Window(int row, int col, int rows, int cols) {

    /** Rejects negative origins and empty sizes, naming the value. */
    public Window {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("window origin must be non-negative, found (" + row + ", " + col + ")");
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("window size must be at least 1×1, found " + rows + "×" + cols);
        }
    }

    /**
     * The whole of a cube.
     *
     * @param lines   rows of the cube
     * @param samples columns of the cube
     * @return the window covering every pixel
     */
    public static Window all(int lines, int samples) {
        return new Window(0, 0, lines, samples);
    }

    /**
     * @return number of pixels, {@code rows·cols}
     */
    public int pixels() {
        return Math.multiplyExact(rows, cols);
    }

    /**
     * @return one past the last row
     */
    public int endRow() {
        return row + rows;
    }

    /**
     * @return one past the last column
     */
    public int endCol() {
        return col + cols;
    }

    /**
     * Whether this window lies inside a cube of the given size.
     *
     * @param lines   rows of the cube
     * @param samples columns of the cube
     * @return true if every pixel of the window exists
     */
    public boolean fitsIn(int lines, int samples) {
        return endRow() <= lines && endCol() <= samples;
    }

    /**
     * Throws unless this window lies inside a cube of the given size.
     *
     * @param lines   rows of the cube
     * @param samples columns of the cube
     * @throws IndexOutOfBoundsException naming both sizes
     */
    public void requireWithin(int lines, int samples) {
        if (!fitsIn(lines, samples)) {
            throw new IndexOutOfBoundsException("window rows [" + row + ", " + endRow() + ") cols [" + col + ", " + endCol()
                    + ") is outside the cube of " + lines + " lines × " + samples + " samples");
        }
    }

    @Override
    public String toString() {
        return rows + "×" + cols + "@(" + row + "," + col + ")";
    }
}
