package dev.dgc.readers.hdf5;

import dev.dgc.api.cube.DataType;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns what jHDF hands out (nested primitive arrays, boxed scalars, strings) into flat doubles
 * and text, and names HDF5 types the way dgc does. Stateless.
 */
final class Hdf5Values {

    private Hdf5Values() {
    }

    /**
     * Flattens a value read by jHDF in row-major order: a scalar, or arrays of any depth of
     * primitives, numbers or booleans.
     *
     * @param data what {@code getData} returned
     * @return the values as doubles
     * @throws IllegalArgumentException if an element is not numeric
     */
    static double[] flatten(Object data) {
        int n = count(data);
        double[] out = new double[n];
        fill(data, out, 0);
        return out;
    }

    private static int count(Object data) {
        if (data == null || !data.getClass().isArray()) {
            return 1;
        }
        int length = Array.getLength(data);
        if (data.getClass().getComponentType().isPrimitive() || length == 0) {
            return length;
        }
        int n = 0;
        for (int i = 0; i < length; i++) {
            n += count(Array.get(data, i));
        }
        return n;
    }

    private static int fill(Object data, double[] out, int at) {
        if (data instanceof double[] d) {
            System.arraycopy(d, 0, out, at, d.length);
            return at + d.length;
        }
        if (data instanceof float[] f) {
            for (float v : f) {
                out[at++] = v;
            }
            return at;
        }
        if (data instanceof int[] a) {
            for (int v : a) {
                out[at++] = v;
            }
            return at;
        }
        if (data instanceof short[] a) {
            for (short v : a) {
                out[at++] = v;
            }
            return at;
        }
        if (data instanceof byte[] a) {
            for (byte v : a) {
                out[at++] = v;
            }
            return at;
        }
        if (data instanceof long[] a) {
            for (long v : a) {
                out[at++] = v;
            }
            return at;
        }
        if (data != null && data.getClass().isArray()) {
            int length = Array.getLength(data);
            for (int i = 0; i < length; i++) {
                at = fill(Array.get(data, i), out, at);
            }
            return at;
        }
        out[at] = scalar(data);
        return at + 1;
    }

    private static double scalar(Object v) {
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("expected a number, found " + (v == null ? "nothing" : v.getClass().getSimpleName()));
    }

    /**
     * @param node an HDF5 object
     * @param name an attribute name
     * @return the attribute's numbers, if it exists and is numeric
     */
    static Optional<double[]> numbers(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null || a.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(flatten(a.getData()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param node an HDF5 object
     * @param name an attribute name
     * @return the attribute's single number, if it exists and holds exactly one
     */
    static OptionalDouble number(Node node, String name) {
        return numbers(node, name).filter(v -> v.length == 1).map(v -> OptionalDouble.of(v[0])).orElseGet(OptionalDouble::empty);
    }

    /**
     * @param node an HDF5 object
     * @param name an attribute name
     * @return the attribute as text, trimmed, if it exists and is a string
     */
    static Optional<String> text(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null || a.isEmpty()) {
            return Optional.empty();
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return Optional.of(s.trim());
        }
        if (data instanceof String[] s && s.length == 1) {
            return Optional.of(s[0].trim());
        }
        return Optional.empty();
    }

    /**
     * @param dataset a dataset
     * @return its element type as dgc names it, if it is an integer or IEEE float type
     */
    static Optional<DataType> dataType(Dataset dataset) {
        io.jhdf.object.datatype.DataType t = dataset.getDataType();
        if (t instanceof FloatingPoint) {
            return switch (t.getSize()) {
                case 4 -> Optional.of(DataType.FLOAT32);
                case 8 -> Optional.of(DataType.FLOAT64);
                default -> Optional.empty();
            };
        }
        if (t instanceof FixedPoint f) {
            boolean s = f.isSigned();
            return switch (t.getSize()) {
                case 1 -> Optional.of(s ? DataType.INT8 : DataType.UINT8);
                case 2 -> Optional.of(s ? DataType.INT16 : DataType.UINT16);
                case 4 -> Optional.of(s ? DataType.INT32 : DataType.UINT32);
                case 8 -> Optional.of(s ? DataType.INT64 : DataType.UINT64);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /**
     * @param dataset a dataset
     * @return its byte order, for numeric types
     */
    static Optional<ByteOrder> byteOrder(Dataset dataset) {
        return dataset.getDataType() instanceof OrderedDataType o ? Optional.ofNullable(o.getByteOrder()) : Optional.empty();
    }

    /**
     * @param dataset a dataset
     * @return "20×20 uint8" and the like, for lists of datasets in messages
     */
    static String describe(Dataset dataset) {
        int[] dims = dataset.getDimensions();
        StringBuilder b = new StringBuilder(dataset.getPath()).append(" (");
        if (dims.length == 0) {
            b.append("scalar");
        }
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : "×").append(dims[i]);
        }
        b.append(' ').append(dataType(dataset).map(t -> t.name().toLowerCase(Locale.ROOT))
                .orElse(dataset.getJavaType().getSimpleName()));
        return b.append(')').toString();
    }
}
