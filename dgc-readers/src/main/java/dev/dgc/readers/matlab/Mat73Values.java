package dev.dgc.readers.matlab;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import us.hebi.matlab.mat.format.Mat5Type;
import us.hebi.matlab.mat.types.MatlabType;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The variables of a MATLAB v7.3 MAT-file, read with jHDF. Each variable is a dataset at the root
 * with a {@code MATLAB_class} attribute; MATLAB writes its column-major arrays as they lie in
 * memory, so HDF5 lists the dimensions reversed (an H×W×C array is a C×W×H dataset) and the
 * dataset's row-major element order is exactly MATLAB's column-major order. The variables are
 * therefore listed with their dimensions reversed back, and their flat elements used as they are.
 *
 * <p>Not thread-safe; closing it closes the file (closing twice is harmless).
 */
final class Mat73Values implements MatValues {

    private final Path path;
    private final HdfFile file;
    private final List<MatVariable> variables;
    private boolean closed;

    private Mat73Values(Path path, HdfFile file, List<MatVariable> variables) {
        this.path = path;
        this.file = file;
        this.variables = variables;
    }

    /**
     * Opens a v7.3 file and lists its variables (metadata only).
     *
     * @param path the file
     * @return the open values
     * @throws IOException if the file is not readable HDF5
     */
    static Mat73Values open(Path path) throws IOException {
        HdfFile file;
        try {
            file = new HdfFile(path);
        } catch (RuntimeException e) {
            // jHDF signals a damaged superblock with HdfException, IllegalArgumentException and others
            throw new IOException(path + ": not a readable MATLAB v7.3 (HDF5) file: " + e.getMessage(), e);
        }
        try {
            List<MatVariable> variables = new ArrayList<>();
            for (Node n : file) {
                if (n instanceof Dataset d && !n.getName().startsWith("#")) {
                    variable(d).ifPresent(variables::add);
                }
            }
            return new Mat73Values(path, file, List.copyOf(variables));
        } catch (RuntimeException e) {
            file.close();
            throw new IOException(path + ": cannot list the variables: " + e.getMessage(), e);
        }
    }

    /** A dataset as a MATLAB variable, if it carries a MATLAB_class. */
    private static Optional<MatVariable> variable(Dataset d) {
        Attribute cls = d.getAttribute("MATLAB_class");
        if (cls == null) {
            return Optional.empty();
        }
        Object data = cls.getData();
        String name = (data instanceof String[] a && a.length == 1 ? a[0] : String.valueOf(data)).trim().toLowerCase(Locale.ROOT);
        boolean logical = name.equals("logical");
        MatlabType type = switch (name) {
            case "double" -> MatlabType.Double;
            case "single" -> MatlabType.Single;
            case "int8" -> MatlabType.Int8;
            case "uint8", "logical" -> MatlabType.UInt8;
            case "int16" -> MatlabType.Int16;
            case "uint16" -> MatlabType.UInt16;
            case "int32" -> MatlabType.Int32;
            case "uint32" -> MatlabType.UInt32;
            case "int64" -> MatlabType.Int64;
            case "uint64" -> MatlabType.UInt64;
            case "char" -> MatlabType.Character;
            case "cell" -> MatlabType.Cell;
            case "struct" -> MatlabType.Structure;
            default -> MatlabType.Object;
        };
        int[] hdf = d.getDimensions();
        List<Integer> dims = new ArrayList<>();
        for (int i = hdf.length - 1; i >= 0; i--) {
            dims.add(hdf[i]);
        }
        while (dims.size() < 2) {
            dims.add(1);
        }
        boolean numeric = type.ordinal() >= MatlabType.Double.ordinal() && type.ordinal() <= MatlabType.UInt64.ordinal();
        // complex arrays are compound datasets (real, imag) and stay out of reach as cubes
        boolean complex = d.isCompound();
        Optional<Mat5Type> storage = numeric ? Optional.of(Mat5Type.valueOf(type.name())) : Optional.empty();
        return Optional.of(new MatVariable(d.getName(), type, dims, logical, complex, storage));
    }

    /**
     * @return the variables, in file order, with MATLAB's dimensions
     */
    List<MatVariable> variables() {
        return variables;
    }

    /**
     * @return this, for a loader that closes what it opens (the file stays open until the last close)
     */
    MatValues retained() {
        return this;
    }

    @Override
    public double first(MatVariable variable) throws IOException {
        return values(variable)[0];
    }

    @Override
    public Elements elements(MatVariable variable) throws IOException {
        double[] v = values(variable);
        return i -> (float) v[i];
    }

    private double[] values(MatVariable variable) throws IOException {
        try {
            Object flat = file.getDatasetByPath("/" + variable.name()).getDataFlat();
            int n = Array.getLength(flat);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                Object e = Array.get(flat, i);
                out[i] = e instanceof BigInteger b ? b.doubleValue() : e instanceof Boolean b ? (b ? 1 : 0) : ((Number) e).doubleValue();
            }
            return out;
        } catch (HdfException | ClassCastException e) {
            throw new IOException(path + ": cannot read variable " + variable + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
