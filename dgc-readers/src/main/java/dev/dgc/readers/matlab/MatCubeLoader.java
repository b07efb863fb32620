package dev.dgc.readers.matlab;

import dev.dgc.api.Suggestions;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.NoData;
import dev.dgc.readers.matlab.MatlabOptions.Layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Loads one variable of a MAT-file (MATLAB 5, or v7.3 through {@link Mat73Values}) as a cube: chooses the variable, works out rows, columns and
 * bands from the layout, and copies the values into band-sequential order.
 *
 * <p>Every error names the file and the variable or option at fault, and lists the variables the
 * file does hold when a different choice would help.
 */
final class MatCubeLoader {

    /** Java arrays stop a little short of {@link Integer#MAX_VALUE} elements. */
    private static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

    private final Path path;
    private final MatFileSignature signature;
    private final MatlabOptions options;
    private final List<MatVariable> variables;
    private final ValuesOpener opener;

    /** Opens the values of some variables, which stay readable until closed. */
    @FunctionalInterface
    private interface ValuesOpener {
        MatValues open(Set<String> names) throws IOException;
    }

    private MatCubeLoader(Path path, MatFileSignature signature, MatlabOptions options, List<MatVariable> variables,
                          ValuesOpener opener) {
        this.path = path;
        this.signature = signature;
        this.options = options;
        this.variables = variables;
        this.opener = opener;
    }

    /**
     * Opens a cube from a MATLAB 5 file.
     *
     * @param path      the file
     * @param signature its signature, of format {@link MatFileSignature.Format#V5}
     * @param options   the reader options
     * @return the cube, with every sample in memory
     * @throws IOException if the file cannot be read, or no variable fits the options
     */
    static MatlabCube load(Path path, MatFileSignature signature, MatlabOptions options) throws IOException {
        return new MatCubeLoader(path, signature, options, Mat5Variables.list(path),
                names -> new Mat5Values(Mat5Variables.load(path, names))).load();
    }

    /**
     * Opens a cube from a MATLAB v7.3 file (HDF5 behind a MATLAB header), whose arrays are stored
     * with their dimensions reversed; {@link Mat73Values} undoes that, so the layouts mean what they
     * mean for MATLAB 5 files.
     *
     * @param path      the file
     * @param signature its signature, of format {@link MatFileSignature.Format#V73}
     * @param options   the reader options
     * @return the cube, with every sample in memory
     * @throws IOException if the file cannot be read, or no variable fits the options
     */
    static MatlabCube load73(Path path, MatFileSignature signature, MatlabOptions options) throws IOException {
        try (Mat73Values values = Mat73Values.open(path)) {
            return new MatCubeLoader(path, signature, options, values.variables(), names -> values.retained()).load();
        }
    }

    private MatlabCube load() throws IOException {
        MatVariable array = chooseArray();
        requireUsable(array);
        Set<String> names = new HashSet<>();
        names.add(array.name());
        if (options.layout() == Layout.BANDS_PIXELS) {
            names.add(options.rowsVariable());
            names.add(options.colsVariable());
        }
        // the loaded variables live in buffers that closing the file releases; the cube keeps a copy
        try (MatValues file = opener.open(names)) {
            CubeGeometry geometry = options.layout() == Layout.BANDS_PIXELS
                    ? pixelGeometry(array, file)
                    : CubeGeometry.ofAxes(options.layout(), array);
            DataType type = array.dataType();
            float[] samples = bandSequential(file.elements(array), geometry);
            boolean floating = type == DataType.FLOAT32 || type == DataType.FLOAT64;
            return new MatlabCube(metadata(array, type, geometry), samples, floating && holdsNaN(samples));
        }
    }

    private MatVariable chooseArray() throws IOException {
        Optional<String> wanted = options.variable();
        if (wanted.isPresent()) {
            String name = wanted.get();
            for (MatVariable v : variables) {
                if (v.name().equals(name)) {
                    return v;
                }
            }
            List<String> names = variables.stream().map(MatVariable::name).collect(Collectors.toList());
            throw new IOException(path + ": no variable '" + name + "'" + Suggestions.hint(name, names) + "; "
                    + MatVariable.present(variables));
        }
        List<MatVariable> candidates;
        if (options.layout() == Layout.BANDS_PIXELS) {
            candidates = numeric(MatVariable::matrix);
        } else {
            candidates = numeric(v -> v.rank() == 3);
            if (candidates.isEmpty()) {
                // a ground-truth map: one 2-D matrix, read as a single band
                candidates = numeric(MatVariable::matrix);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String kind = options.layout() == Layout.BANDS_PIXELS
                ? "2-D numeric matrix (bands × pixels)"
                : "3-D numeric array (or 2-D numeric matrix)";
        if (candidates.isEmpty()) {
            throw new IOException(path + ": no " + kind + " to read as a cube; " + MatVariable.present(variables));
        }
        throw new IOException(path + ": " + candidates.size() + " variables could hold the cube ("
                + candidates.stream().map(MatVariable::name).collect(Collectors.joining(", "))
                + "); choose one with option '" + MatlabOptions.VARIABLE + "'; " + MatVariable.present(variables));
    }

    private List<MatVariable> numeric(Predicate<MatVariable> shape) {
        return variables.stream().filter(v -> v.numeric() && !v.complex() && shape.test(v)).collect(Collectors.toList());
    }

    private void requireUsable(MatVariable array) throws IOException {
        String which = path + ": variable " + array;
        if (!array.numeric()) {
            throw new IOException(which + " is not a numeric array; " + MatVariable.present(variables));
        }
        if (array.complex()) {
            throw new IOException(which + " is complex; only real arrays can be read as a cube");
        }
        if (array.elements() == 0 || array.storage().isEmpty()) {
            throw new IOException(which + " is empty");
        }
        if (array.elements() > MAX_SAMPLES) {
            throw new IOException(which + " has " + array.elements() + " elements, more than one in-memory cube can hold ("
                    + MAX_SAMPLES + ")");
        }
        int maxRank = options.layout() == Layout.BANDS_PIXELS ? 2 : 3;
        if (array.rank() > maxRank) {
            String axes = options.layout() == Layout.BANDS_PIXELS ? "bands × pixels" : options.layout().label().replace(",", " × ");
            throw new IOException(which + " has " + array.rank() + " dimensions; layout " + options.layout().label()
                    + " needs " + (maxRank == 2 ? "2" : "at most 3") + " (" + axes + ")");
        }
    }

    /** Rows and columns of a bands × pixels matrix, from the options or from scalar variables. */
    private CubeGeometry pixelGeometry(MatVariable array, MatValues file) throws IOException {
        int pixels = array.size(1);
        Optional<Side> givenRows = side(file, MatlabOptions.ROWS, options.rows(), options.rowsVariable(), "rows");
        Optional<Side> givenCols = side(file, MatlabOptions.COLS, options.cols(), options.colsVariable(), "columns");
        if (givenRows.isEmpty() && givenCols.isEmpty()) {
            throw new IOException(path + ": layout " + Layout.BANDS_PIXELS.label() + " needs the number of rows and columns, "
                    + "but the file has no variables '" + options.rowsVariable() + "' and '" + options.colsVariable()
                    + "'; set options '" + MatlabOptions.ROWS + "' and '" + MatlabOptions.COLS + "' (or '"
                    + MatlabOptions.ROWS_VARIABLE + "' and '" + MatlabOptions.COLS_VARIABLE + "'); " + MatVariable.present(variables));
        }
        // one side is enough: the other follows from the pixel count
        Side rows = givenRows.isPresent() ? givenRows.get() : otherSide(array, givenCols.get(), "columns", "rows");
        Side cols = givenCols.isPresent() ? givenCols.get() : otherSide(array, rows, "rows", "columns");
        if ((long) rows.size() * cols.size() != pixels) {
            throw new IOException(path + ": variable " + array + " has " + pixels + " pixels, but " + rows.size() + " rows ("
                    + rows.origin() + ") × " + cols.size() + " columns (" + cols.origin() + ") make "
                    + (long) rows.size() * cols.size());
        }
        return CubeGeometry.ofPixels(array.size(0), rows.size(), cols.size(), options.pixelOrder());
    }

    /**
     * One side of the image and where its length came from, for error messages.
     *
     * @param size   the number of rows or columns
     * @param origin "option 'rows'", "variable 'nRow'", …
     */
    private record Side(int size, String origin) {
    }

    /** The side given by an option or, failing that, by a scalar variable; empty if neither exists. */
    private Optional<Side> side(MatValues file, String option, OptionalInt optionValue, String variable, String what)
            throws IOException {
        if (optionValue.isPresent()) {
            return Optional.of(new Side(optionValue.getAsInt(), "option '" + option + "'"));
        }
        Optional<MatVariable> scalar = variables.stream().filter(v -> v.name().equals(variable)).findFirst();
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        MatVariable v = scalar.get();
        if (!v.numeric() || v.complex() || v.elements() != 1) {
            throw new IOException(path + ": variable " + v + " should be a real scalar holding the number of " + what);
        }
        double value = file.first(v);
        if (!(value >= 1) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IOException(path + ": variable '" + variable + "' should hold the number of " + what
                    + " as a positive whole number, found " + value);
        }
        return Optional.of(new Side((int) value, "variable '" + variable + "'"));
    }

    private Side otherSide(MatVariable array, Side known, String knownWhat, String what) throws IOException {
        int pixels = array.size(1);
        if (pixels % known.size() != 0) {
            throw new IOException(path + ": variable " + array + " has " + pixels + " pixels, which do not divide into "
                    + known.size() + " " + knownWhat + " (" + known.origin() + "); give the number of " + what + " as well");
        }
        return new Side(pixels / known.size(), "pixels ÷ " + knownWhat);
    }

    /** Copies the array into band-sequential order. */
    private static float[] bandSequential(MatValues.Elements reader, CubeGeometry g) {
        float[] out = new float[g.lines() * g.samples() * g.bands()];
        int o = 0;
        for (int b = 0; b < g.bands(); b++) {
            for (int r = 0; r < g.lines(); r++) {
                for (int c = 0; c < g.samples(); c++) {
                    out[o++] = reader.read(g.index(b, r, c));
                }
            }
        }
        return out;
    }

    private static boolean holdsNaN(float[] samples) {
        for (float v : samples) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private CubeMetadata metadata(MatVariable array, DataType type, CubeGeometry g) {
        boolean floating = type == DataType.FLOAT32 || type == DataType.FLOAT64;
        CubeMetadata.Builder b = CubeMetadata.builder(path, g.lines(), g.samples(), g.bands(), type)
                .byteOrder(signature.byteOrder())
                // integer classes have no NaN and MAT-files declare no fill value
                .noData(floating ? NoData.NAN_ONLY : new NoData(OptionalDouble.empty(), false))
                .attribute("variable", array.name())
                .attribute("class", array.className())
                .attribute("stored as", array.storedText())
                .attribute("size", array.sizeText())
                .attribute("layout", options.layout().label());
        if (options.layout() == Layout.BANDS_PIXELS) {
            b.attribute("pixel order", options.pixelOrder().label());
        }
        return b.attribute("header", signature.description()).build();
    }
}
