package dev.dgc.readers.hdf5;

import dev.dgc.api.cube.Interleave;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which axis of a 3-D dataset holds rows, which columns and which bands, as positions 0…2 in the
 * dataset's dimension order (slowest-varying first, as HDF5 lists them).
 *
 * @param rowAxis  the axis of rows (image lines, EMIT's downtrack)
 * @param colAxis  the axis of columns (samples, EMIT's crosstrack)
 * @param bandAxis the axis of bands
 */
record CubeAxes(int rowAxis, int colAxis, int bandAxis) {

    /** Rows, columns, bands: EMIT's (downtrack, crosstrack, bands), band interleaved by pixel. */
    static final CubeAxes ROWS_COLS_BANDS = new CubeAxes(0, 1, 2);
    /** Bands, rows, columns: band sequential. */
    static final CubeAxes BANDS_ROWS_COLS = new CubeAxes(1, 2, 0);

    /** Requires a permutation of 0, 1, 2. */
    CubeAxes {
        if (rowAxis == colAxis || rowAxis == bandAxis || colAxis == bandAxis
                || Math.min(rowAxis, Math.min(colAxis, bandAxis)) < 0 || Math.max(rowAxis, Math.max(colAxis, bandAxis)) > 2) {
            throw new IllegalArgumentException("axes must name rows, cols and bands once each, found positions "
                    + rowAxis + ", " + colAxis + ", " + bandAxis);
        }
    }

    /**
     * Parses an order such as {@code bands,rows,cols}.
     *
     * @param text three comma-separated words: {@code rows}, {@code cols} and {@code bands}, each once
     * @return the axes
     * @throws IllegalArgumentException naming the text and what would be right
     */
    static CubeAxes parse(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replace(" ", "").split(",");
        int rows = -1;
        int cols = -1;
        int bands = -1;
        for (int i = 0; i < words.length; i++) {
            switch (words[i]) {
                case "rows", "lines", "downtrack" -> rows = rows < 0 ? i : -2;
                case "cols", "columns", "samples", "crosstrack" -> cols = cols < 0 ? i : -2;
                case "bands" -> bands = bands < 0 ? i : -2;
                default -> rows = -2;
            }
        }
        if (words.length != 3 || rows < 0 || cols < 0 || bands < 0) {
            throw new IllegalArgumentException("option 'axes' is '" + text + "'; write the dataset's three axes in order, "
                    + "each of rows, cols and bands once, e.g. bands,rows,cols or rows,cols,bands");
        }
        return new CubeAxes(rows, cols, bands);
    }

    /**
     * The bands axis is the one whose length is the number of wavelengths; failing that, the shorter
     * of the first and last axes (the first on a tie). Rows and columns keep their order.
     *
     * @param dims        the dataset's three lengths
     * @param wavelengths the number of band centres the file declares, or empty
     * @return the axes the heuristic picks
     */
    static CubeAxes guess(int[] dims, Optional<Integer> wavelengths) {
        List<Integer> matching = new ArrayList<>();
        wavelengths.ifPresent(n -> {
            for (int i = 0; i < 3; i++) {
                if (dims[i] == n) {
                    matching.add(i);
                }
            }
        });
        int band;
        if (matching.size() == 1) {
            band = matching.get(0);
        } else {
            band = dims[0] <= dims[2] ? 0 : 2;
        }
        int[] others = band == 0 ? new int[] {1, 2} : band == 1 ? new int[] {0, 2} : new int[] {0, 1};
        return new CubeAxes(others[0], others[1], band);
    }

    /**
     * @return the interleave this order amounts to, if it is one of ENVI's three
     */
    Optional<Interleave> interleave() {
        if (bandAxis == 0 && rowAxis == 1) {
            return Optional.of(Interleave.BSQ);
        }
        if (rowAxis == 0 && bandAxis == 1) {
            return Optional.of(Interleave.BIL);
        }
        if (rowAxis == 0 && colAxis == 1) {
            return Optional.of(Interleave.BIP);
        }
        return Optional.empty();
    }

    /**
     * @return the order as users write it, e.g. {@code bands,rows,cols}
     */
    String label() {
        String[] names = new String[3];
        names[rowAxis] = "rows";
        names[colAxis] = "cols";
        names[bandAxis] = "bands";
        return String.join(",", names);
    }
}
