package dev.dgc.core.tribuo;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The feature names of a pixel's bands, {@code band-001 … band-301}: 1-based like the band numbers
 * of ENVI headers and dgc's messages, zero-padded to the width of the band count so that Tribuo,
 * which numbers features in name order, keeps them in band order. Every Tribuo model of dgc (the DGC
 * model, the k-means baseline) names bands here and nowhere else. Stateless and thread-safe.
 */
public final class BandFeatures {

    /** What every band feature name starts with. */
    public static final String PREFIX = "band-";

    private BandFeatures() {
    }

    /**
     * @param band  zero-based band index
     * @param bands the band count of the cube or model
     * @return the feature name of that band, e.g. {@code band-007} for band index 6 of 200 bands
     * @throws IllegalArgumentException if {@code bands} is less than 1 or {@code band} outside 0…bands−1
     */
    public static String name(int band, int bands) {
        if (bands < 1 || band < 0 || band >= bands) {
            throw new IllegalArgumentException("band index " + band + " is outside 0…" + (bands - 1) + " of " + bands + " bands");
        }
        int width = Integer.toString(bands).length();
        return String.format(Locale.ROOT, "%s%0" + width + "d", PREFIX, band + 1);
    }

    /**
     * @param bands the band count
     * @return the names of all bands, in band order (which is also their name order)
     * @throws IllegalArgumentException if {@code bands} is less than 1
     */
    public static String[] names(int bands) {
        if (bands < 1) {
            throw new IllegalArgumentException("a pixel needs at least 1 band, found " + bands);
        }
        String[] names = new String[bands];
        for (int b = 0; b < bands; b++) {
            names[b] = name(b, bands);
        }
        return names;
    }

    /**
     * One pixel as a Tribuo example.
     *
     * @param output the example's output (for unlabelled pixels, the factory's unknown output)
     * @param names  the band names, from {@link #names(int)}
     * @param values one value per band, in band order
     * @param <T>    the output type
     * @return the example
     * @throws IllegalArgumentException if the lengths differ
     */
    public static <T extends Output<T>> ArrayExample<T> pixel(T output, String[] names, double[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(values.length + " band values for " + names.length + " band names");
        }
        return new ArrayExample<>(output, names, values);
    }

    /**
     * The band values of an example, in band order. Features with other names are ignored.
     *
     * @param example the example
     * @param names   the band names the model was trained with, from {@link #names(int)}
     * @return one value per name
     * @throws IllegalArgumentException if a band is missing, listing every missing name: a missing band
     *                                  is never taken as 0, because 0 is a real measurement
     */
    public static double[] values(Example<?> example, String[] names) {
        double[] values = new double[names.length];
        boolean[] found = new boolean[names.length];
        for (Feature f : example) {
            int band = Arrays.binarySearch(names, f.getName());
            if (band >= 0) {
                values[band] = f.getValue();
                found[band] = true;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int b = 0; b < names.length; b++) {
            if (!found[b]) {
                missing.add(names[b]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the example lacks " + missing.size() + " of the " + names.length
                    + " bands the model was trained on: " + abbreviate(missing) + "; every pixel needs a value for "
                    + names[0] + " … " + names[names.length - 1] + " (a missing band is not taken as 0)");
        }
        return values;
    }

    private static String abbreviate(List<String> names) {
        int shown = 20;
        return names.size() <= shown ? String.join(", ", names)
                : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }
}
