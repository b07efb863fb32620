package dev.dgc.readers.matlab;

import java.io.Closeable;
import java.io.IOException;

/**
 * The values of a MAT-file's variables, in MATLAB's column-major element order, whatever the file
 * version. Not thread-safe; used while a cube is being loaded.
 */
interface MatValues extends Closeable {

    /**
     * @param variable a real numeric variable
     * @return its first element, as a double (for scalars holding sizes)
     * @throws IOException if the values cannot be read
     */
    double first(MatVariable variable) throws IOException;

    /**
     * @param variable a real numeric variable
     * @return its elements, each converted exactly as its class says
     * @throws IOException if the values cannot be read
     */
    Elements elements(MatVariable variable) throws IOException;

    /** Reads one element of a MATLAB array, by column-major index, as a float. */
    @FunctionalInterface
    interface Elements {
        /**
         * @param index column-major element index
         * @return the value
         */
        float read(int index);
    }
}
