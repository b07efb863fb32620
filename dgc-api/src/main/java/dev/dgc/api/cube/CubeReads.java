package dev.dgc.api.cube;

import java.util.Objects;

/**
 * The argument checks and no-data rule every {@link HyperspectralCube#read} implementation shares,
 * so each reader states the contract the same way and with the same messages. Stateless and
 * thread-safe.
 */
public final class CubeReads {

    private CubeReads() {
    }

    /**
     * Checks the arguments of {@link HyperspectralCube#read(Window, int[], float[], boolean[])}.
     *
     * @param metadata the cube's metadata (its size, band count and source, for the messages)
     * @param window   the requested window
     * @param bands    the requested bands
     * @param dst      the destination, at least {@code bands.length × window.pixels()} floats
     * @param noData   the no-data flags, null or at least {@code window.pixels()} long
     * @return the number of pixels of the window
     * @throws IndexOutOfBoundsException if the window leaves the cube or a band does not exist
     * @throws IllegalArgumentException  if {@code dst} or {@code noData} is too short
     */
    public static int checkRead(CubeMetadata metadata, Window window, int[] bands, float[] dst, boolean[] noData) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(dst, "dst");
        window.requireWithin(metadata.lines(), metadata.samples());
        for (int b : bands) {
            if (b < 0 || b >= metadata.bands()) {
                throw new IndexOutOfBoundsException(metadata.source() + ": band " + b + " is outside 0…" + (metadata.bands() - 1));
            }
        }
        int pixels = window.pixels();
        long needed = (long) bands.length * pixels;
        if (dst.length < needed) {
            throw new IllegalArgumentException("dst holds " + dst.length + " floats; " + bands.length + " bands of "
                    + window + " need " + needed);
        }
        if (noData != null && noData.length < pixels) {
            throw new IllegalArgumentException("noData holds " + noData.length + " flags; " + window + " needs " + pixels);
        }
        return pixels;
    }

    /**
     * Makes a pixel NaN in every band of a band-sequential block as soon as one band is NaN, and flags
     * it, so a partly missing spectrum can never pass for data.
     *
     * @param bandCount the bands in {@code dst}
     * @param pixels    the pixels per band
     * @param dst       band-sequential values, changed in place
     * @param flags     the no-data flags to set, or null
     */
    public static void maskIncompletePixels(int bandCount, int pixels, float[] dst, boolean[] flags) {
        for (int p = 0; p < pixels; p++) {
            boolean missing = false;
            for (int k = 0; k < bandCount && !missing; k++) {
                missing = Float.isNaN(dst[k * pixels + p]);
            }
            if (missing) {
                for (int k = 0; k < bandCount; k++) {
                    dst[k * pixels + p] = Float.NaN;
                }
                if (flags != null) {
                    flags[p] = true;
                }
            }
        }
    }
}
