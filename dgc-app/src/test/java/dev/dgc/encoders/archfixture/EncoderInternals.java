package dev.dgc.encoders.archfixture;

/** Stands for any class of a plugin module; only the layering test uses it. */
public final class EncoderInternals {

    /** @return a value, so that a caller has something to depend on */
    public static int kernel() {
        return 9;
    }
}
