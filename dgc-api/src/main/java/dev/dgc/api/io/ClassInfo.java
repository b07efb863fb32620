package dev.dgc.api.io;

import java.util.Objects;

/**
 * One class of a label raster: its value, a name and a display colour.
 *
 * @param value the label stored in the raster
 * @param name  the name shown in legends and ENVI {@code class names}
 * @param rgb   colour as 0xRRGGBB
 */
public record ClassInfo(int value, String name, int rgb) {

    /** Checks the value and colour ranges. */
    public ClassInfo {
        Objects.requireNonNull(name, "name");
        if (value < 0) {
            throw new IllegalArgumentException("class value must be non-negative, found " + value);
        }
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("colour must be 0xRRGGBB, found 0x" + Integer.toHexString(rgb));
        }
    }
}
