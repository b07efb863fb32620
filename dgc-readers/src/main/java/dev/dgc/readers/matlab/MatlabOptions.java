package dev.dgc.readers.matlab;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.ParameterType;
import dev.dgc.api.Parameters;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code matlab} reader's options, declared once and read back from validated
 * {@link Parameters}.
 *
 * @param variable     the variable holding the cube, or empty to let the reader find it
 * @param layout       how the variable's axes map to rows, columns and bands
 * @param rowsVariable for {@link Layout#BANDS_PIXELS}: the scalar variable giving the number of rows
 * @param colsVariable for {@link Layout#BANDS_PIXELS}: the scalar variable giving the number of columns
 * @param pixelOrder   for {@link Layout#BANDS_PIXELS}: how pixel indices run over rows and columns
 * @param rows         for {@link Layout#BANDS_PIXELS}: the number of rows, overriding {@code rowsVariable}
 * @param cols         for {@link Layout#BANDS_PIXELS}: the number of columns, overriding {@code colsVariable}
 */
record MatlabOptions(Optional<String> variable, Layout layout, String rowsVariable, String colsVariable,
                     PixelOrder pixelOrder, OptionalInt rows, OptionalInt cols) {

    // option names, as users write them in the config
    static final String VARIABLE = "variable";
    static final String LAYOUT = "layout";
    static final String ROWS_VARIABLE = "rowsVariable";
    static final String COLS_VARIABLE = "colsVariable";
    static final String PIXEL_ORDER = "pixelOrder";
    static final String ROWS = "rows";
    static final String COLS = "cols";

    /** The declarations, in the order {@code dgc describe reader/matlab} shows them. */
    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.string(VARIABLE, null,
                    "The variable holding the cube; when absent, the single 3-D numeric array in the file "
                            + "(or, if there is none, the single 2-D numeric matrix, as in a ground-truth file)."),
            ParameterSpec.choice(LAYOUT, Layout.ROWS_COLS_BANDS.label,
                    "How the variable's axes map to the cube: rows,cols,bands is MATLAB's usual H×W×C; "
                            + "bands,pixels holds one column per pixel, as in unmixing benchmarks.",
                    Layout.ROWS_COLS_BANDS.label, Layout.BANDS_ROWS_COLS.label, Layout.BANDS_PIXELS.label),
            ParameterSpec.string(ROWS_VARIABLE, "nRow",
                    "For layout bands,pixels: the scalar variable holding the number of rows."),
            ParameterSpec.string(COLS_VARIABLE, "nCol",
                    "For layout bands,pixels: the scalar variable holding the number of columns."),
            ParameterSpec.choice(PIXEL_ORDER, PixelOrder.COLUMN_MAJOR.label,
                    "For layout bands,pixels: column-major (MATLAB's order) puts pixel p at row p mod rows, "
                            + "column p div rows; row-major puts it at row p div cols, column p mod cols.",
                    PixelOrder.COLUMN_MAJOR.label, PixelOrder.ROW_MAJOR.label),
            ParameterSpec.of(ROWS, ParameterType.INTEGER, null,
                    "For layout bands,pixels: the number of rows, taking precedence over rowsVariable.").withMin(1),
            ParameterSpec.of(COLS, ParameterType.INTEGER, null,
                    "For layout bands,pixels: the number of columns, taking precedence over colsVariable.").withMin(1));

    /** How a variable's axes map to the cube's rows, columns and bands. */
    enum Layout {
        /** {@code rows × cols × bands}, MATLAB's H×W×C; a 2-D array is a single band. */
        ROWS_COLS_BANDS("rows,cols,bands"),
        /** {@code bands × rows × cols}. */
        BANDS_ROWS_COLS("bands,rows,cols"),
        /** {@code bands × pixels}: one column per pixel, rows and columns given separately. */
        BANDS_PIXELS("bands,pixels");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        /** @return the word users write in the config */
        String label() {
            return label;
        }

        /**
         * @param label one of the declared choices
         * @return the layout it names
         */
        static Layout of(String label) {
            for (Layout l : values()) {
                if (l.label.equals(label)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown layout '" + label + "'");
        }
    }

    /** How the pixel index of a {@link Layout#BANDS_PIXELS} variable runs over rows and columns. */
    enum PixelOrder {
        /** Rows vary fastest: pixel {@code p} is at row {@code p mod rows}, column {@code p div rows}. */
        COLUMN_MAJOR("column-major"),
        /** Columns vary fastest: pixel {@code p} is at row {@code p div cols}, column {@code p mod cols}. */
        ROW_MAJOR("row-major");

        private final String label;

        PixelOrder(String label) {
            this.label = label;
        }

        /** @return the word users write in the config */
        String label() {
            return label;
        }

        /**
         * @param label one of the declared choices
         * @return the order it names
         */
        static PixelOrder of(String label) {
            for (PixelOrder o : values()) {
                if (o.label.equals(label)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown pixel order '" + label + "'");
        }
    }

    /**
     * Checks that the options make sense together.
     *
     * @throws IllegalArgumentException naming the option at fault, e.g. {@code rows} given for a
     *                                  layout that takes its rows from the array itself
     */
    MatlabOptions {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(rowsVariable, "rowsVariable");
        Objects.requireNonNull(colsVariable, "colsVariable");
        Objects.requireNonNull(pixelOrder, "pixelOrder");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(cols, "cols");
        if (variable.isPresent() && variable.get().isBlank()) {
            throw new IllegalArgumentException("option '" + VARIABLE + "' is empty; name a variable or leave the option out");
        }
        if (layout != Layout.BANDS_PIXELS) {
            if (rows.isPresent()) {
                throw new IllegalArgumentException("option '" + ROWS + "' applies only to layout " + Layout.BANDS_PIXELS.label
                        + "; with layout " + layout.label + " the array itself gives the rows");
            }
            if (cols.isPresent()) {
                throw new IllegalArgumentException("option '" + COLS + "' applies only to layout " + Layout.BANDS_PIXELS.label
                        + "; with layout " + layout.label + " the array itself gives the columns");
            }
        }
    }

    /**
     * Reads the options from parameters validated against {@link #SPECS}.
     *
     * @param p the parameters
     * @return the options
     * @throws IllegalArgumentException if the options contradict each other
     */
    static MatlabOptions from(Parameters p) {
        return new MatlabOptions(
                p.findString(VARIABLE).map(String::trim),
                Layout.of(p.getString(LAYOUT)),
                p.getString(ROWS_VARIABLE),
                p.getString(COLS_VARIABLE),
                PixelOrder.of(p.getString(PIXEL_ORDER)),
                optionalInt(p, ROWS),
                optionalInt(p, COLS));
    }

    private static OptionalInt optionalInt(Parameters p, String name) {
        return p.value(name).map(v -> OptionalInt.of((Integer) v)).orElseGet(OptionalInt::empty);
    }
}
