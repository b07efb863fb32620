package dev.dgc.api.cube;

/** How bands and pixels are interleaved in a file. */
public enum Interleave {
    /** Band sequential: all of band 0, then band 1, … */
    BSQ,
    /** Band interleaved by line: row 0 of every band, then row 1, … */
    BIL,
    /** Band interleaved by pixel: every band of pixel 0, then pixel 1, … */
    BIP
}
