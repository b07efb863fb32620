package dev.dgc.readers.matlab;

import dev.dgc.api.cube.DataType;
import us.hebi.matlab.mat.format.Mat5Type;
import us.hebi.matlab.mat.types.MatlabType;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One variable of a MAT-file as its headers describe it, before its values are read: enough to
 * choose the cube and to list the variables in an error message.
 *
 * <p>A numeric variable has two types: its MATLAB class, and the type its values are stored in.
 * They differ when MATLAB saves a {@code double} array whose values are all whole numbers: it
 * stores them in the smallest integer type that holds them. Salinas-A is such a case, class
 * {@code double} stored as {@code int16}. The stored type is the one that describes the values
 * exactly, so it is the cube's {@link DataType} and the type shown in listings (as
 * {@code scipy.io.loadmat} shows it too).
 *
 * @param name       the variable name
 * @param type       the MATLAB class
 * @param dimensions the size, as MATLAB reports it (at least two entries)
 * @param logical    whether the array is {@code logical} (stored as uint8)
 * @param complex    whether the array has an imaginary part
 * @param storage    for numeric arrays, the type the values are stored in; empty otherwise
 */
record MatVariable(String name, MatlabType type, List<Integer> dimensions, boolean logical, boolean complex,
                   Optional<Mat5Type> storage) {

    /** Copies the dimensions. */
    MatVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(storage, "storage");
        dimensions = List.copyOf(dimensions);
    }

    /**
     * Whether the variable is a dense numeric (or logical) array, the only kind a cube can come from.
     *
     * @return false for cells, structs, chars, sparse matrices and objects
     */
    boolean numeric() {
        return switch (type) {
            case Double, Single, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64 -> true;
            default -> false;
        };
    }

    /**
     * The number of dimensions with MATLAB's trailing singleton dimensions dropped (but never fewer
     * than two), so an H×W×1 array counts as 2-D, as {@code ndims} says in MATLAB.
     *
     * @return the effective number of dimensions
     */
    int rank() {
        int r = dimensions.size();
        while (r > 2 && dimensions.get(r - 1) == 1) {
            r--;
        }
        return r;
    }

    /**
     * The size along a dimension, 1 beyond the stored ones, as MATLAB's {@code size(x, d)}.
     *
     * @param d zero-based dimension
     * @return the size
     */
    int size(int d) {
        return d < dimensions.size() ? dimensions.get(d) : 1;
    }

    /**
     * @return the number of elements
     */
    long elements() {
        long n = 1;
        for (int d : dimensions) {
            n *= d;
        }
        return n;
    }

    /**
     * Whether this is a 2-D matrix with more than one row and column, as a ground-truth map or a
     * bands × pixels matrix is (and a scalar or vector is not).
     *
     * @return true for a proper matrix
     */
    boolean matrix() {
        return rank() == 2 && dimensions.get(0) > 1 && dimensions.get(1) > 1;
    }

    /**
     * The MATLAB class as {@code class(x)} names it, with {@code complex} in front for complex data.
     *
     * @return "double", "logical", "complex single", "cell", …
     */
    String className() {
        String c = logical ? "logical" : type.toString();
        return complex ? "complex " + c : c;
    }

    /**
     * The type of the stored values, as listings show it: the storage type of a numeric array,
     * "logical" for logical arrays, the class for everything else.
     *
     * @return "int16", "double", "logical", "cell", …
     */
    String storedText() {
        if (logical || storage.isEmpty()) {
            return className();
        }
        String t = storage.get().name().toLowerCase(Locale.ROOT);
        return complex ? "complex " + t : t;
    }

    /**
     * @return the size as MATLAB prints it, "83×86×204"
     */
    String sizeText() {
        return dimensions.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }

    /**
     * The cube sample type that holds this variable's values exactly: the stored type.
     *
     * @return the data type; logical arrays are {@link DataType#UINT8}
     * @throws IllegalStateException if the variable is not {@link #numeric()} or its storage type
     *                               is not a number type
     */
    DataType dataType() {
        if (!numeric() || storage.isEmpty()) {
            throw new IllegalStateException(name + " is a " + className() + " array, not numeric");
        }
        if (logical) {
            // 0 or 1 whatever the storage type (MATLAB uses uint8, other writers int8)
            return DataType.UINT8;
        }
        return switch (storage.get()) {
            case Double -> DataType.FLOAT64;
            case Single -> DataType.FLOAT32;
            case Int8 -> DataType.INT8;
            case UInt8 -> DataType.UINT8;
            case Int16 -> DataType.INT16;
            case UInt16 -> DataType.UINT16;
            case Int32 -> DataType.INT32;
            case UInt32 -> DataType.UINT32;
            case Int64 -> DataType.INT64;
            case UInt64 -> DataType.UINT64;
            default -> throw new IllegalStateException(name + " (" + className() + ") stores its values as " + storage.get());
        };
    }

    /**
     * @return "salinasA_corrected (83×86×204 int16)", the form used in error messages
     */
    @Override
    public String toString() {
        return name + " (" + sizeText() + " " + storedText() + ")";
    }

    /**
     * Lists variables for an error message.
     *
     * @param variables the variables of a file
     * @return "variables present: a (1×1 double), b (…)", or "the file holds no variables"
     */
    static String present(List<MatVariable> variables) {
        if (variables.isEmpty()) {
            return "the file holds no variables";
        }
        return "variables present: " + variables.stream().map(MatVariable::toString).collect(Collectors.joining(", "));
    }
}
