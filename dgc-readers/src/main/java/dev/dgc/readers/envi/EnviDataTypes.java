package dev.dgc.readers.envi;

import dev.dgc.api.cube.DataType;

import java.util.Optional;

/** ENVI's {@code data type} codes and the sample types they stand for. Stateless. */
final class EnviDataTypes {

    /** The codes the reader accepts, as listed in error messages. */
    static final String SUPPORTED = "1 (uint8), 2 (int16), 3 (int32), 4 (float32), 5 (float64), 12 (uint16), "
            + "13 (uint32), 14 (int64), 15 (uint64)";

    private EnviDataTypes() {
    }

    /**
     * @param code an ENVI data type code
     * @return the sample type, or empty for complex (6, 9) and unknown codes
     */
    static Optional<DataType> of(long code) {
        return Optional.ofNullable(switch ((int) Math.min(code, Integer.MAX_VALUE)) {
            case 1 -> DataType.UINT8;
            case 2 -> DataType.INT16;
            case 3 -> DataType.INT32;
            case 4 -> DataType.FLOAT32;
            case 5 -> DataType.FLOAT64;
            case 12 -> DataType.UINT16;
            case 13 -> DataType.UINT32;
            case 14 -> DataType.INT64;
            case 15 -> DataType.UINT64;
            default -> null;
        });
    }

    /**
     * @param code an ENVI data type code the reader does not accept
     * @return why: "complex float32 samples are not supported" or "not an ENVI data type"
     */
    static String whyNot(long code) {
        if (code == 6 || code == 9) {
            return "complex " + (code == 6 ? "float32" : "float64") + " samples (data type " + code
                    + ") are not supported: dgc reads real-valued cubes; convert the file to one of " + SUPPORTED;
        }
        return "data type " + code + " is not an ENVI data type; expected one of " + SUPPORTED;
    }

    /**
     * The code of a sample type the classification writer uses.
     *
     * @param type UINT8 or UINT16
     * @return 1 or 12
     */
    static int code(DataType type) {
        return switch (type) {
            case UINT8 -> 1;
            case UINT16 -> 12;
            default -> throw new IllegalArgumentException("the classification writer stores uint8 or uint16, not " + type);
        };
    }
}
