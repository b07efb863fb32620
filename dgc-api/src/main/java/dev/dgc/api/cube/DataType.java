package dev.dgc.api.cube;

/** The sample type a cube is stored in; pixels are always handed out as {@code float}. */
public enum DataType {
    /** Signed 8-bit. */
    INT8(1),
    /** Unsigned 8-bit (ENVI 1). */
    UINT8(1),
    /** Signed 16-bit (ENVI 2). */
    INT16(2),
    /** Unsigned 16-bit (ENVI 12). */
    UINT16(2),
    /** Signed 32-bit (ENVI 3). */
    INT32(4),
    /** Unsigned 32-bit (ENVI 13). */
    UINT32(4),
    /** Signed 64-bit (ENVI 14). */
    INT64(8),
    /** Unsigned 64-bit (ENVI 15). */
    UINT64(8),
    /** IEEE single precision (ENVI 4). */
    FLOAT32(4),
    /** IEEE double precision (ENVI 5). */
    FLOAT64(8);

    private final int bytes;

    DataType(int bytes) {
        this.bytes = bytes;
    }

    /**
     * @return bytes per sample on disk
     */
    public int bytes() {
        return bytes;
    }

    /**
     * Whether every value of this type is exactly representable as a {@code float}.
     *
     * @return true for 8- and 16-bit integers and FLOAT32
     */
    public boolean exactInFloat() {
        return bytes <= 2 || this == FLOAT32;
    }
}
