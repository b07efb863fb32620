package dev.dgc.api.cube;

import java.util.OptionalDouble;

/**
 * Which stored values mean "no measurement": an ignore/fill value and/or NaN. Readers apply this
 * when reading and report no-data pixels in a mask; the value itself never reaches the engine as
 * if it were data.
 *
 * @param value the ignore or fill value, if the file declares one
 * @param nan   whether NaN samples are no-data (true for floating-point data)
 */
public record NoData(OptionalDouble value, boolean nan) {

    /** Nothing is no-data: integer data without an ignore value. */
    public static final NoData NONE = new NoData(OptionalDouble.empty(), false);

    /** No ignore value, NaN is no-data. */
    public static final NoData NAN_ONLY = new NoData(OptionalDouble.empty(), true);

    /**
     * @param v the ignore value
     * @return NoData with that value and NaN
     */
    public static NoData value(double v) {
        return new NoData(OptionalDouble.of(v), true);
    }

    /**
     * Whether a stored sample is no-data.
     *
     * @param v the sample as read (before any scale factor)
     * @return true if it equals the ignore value or is NaN (when NaN counts)
     */
    public boolean isNoData(double v) {
        if (Double.isNaN(v)) {
            return nan;
        }
        return value.isPresent() && v == value.getAsDouble();
    }
}
