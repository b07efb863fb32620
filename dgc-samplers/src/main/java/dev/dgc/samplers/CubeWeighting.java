package dev.dgc.samplers;

import java.util.Arrays;
import java.util.Locale;

/** How likely each training cube is to supply the next pair. */
enum CubeWeighting {

    /**
     * In proportion to the cube's number of valid patch origins, so that every pixel of the data set
     * is about equally likely to be trained on, whatever the size of the cube it lies in.
     */
    AREA {
        @Override
        long weight(long originRows, long originCols) {
            return Math.multiplyExact(originRows, originCols);
        }
    },

    /** Every cube equally often, so that small cubes are seen as often as large ones. */
    UNIFORM {
        @Override
        long weight(long originRows, long originCols) {
            return 1;
        }
    };

    /**
     * The relative weight of a cube.
     *
     * @param originRows number of valid first rows of a patch in the cube, at least 1
     * @param originCols number of valid first columns of a patch in the cube, at least 1
     * @return a positive weight
     */
    abstract long weight(long originRows, long originCols);

    /**
     * The word users write in configs.
     *
     * @return the lower-case id
     */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The ids of all weightings, for the parameter declaration.
     *
     * @return the ids in declaration order
     */
    static String[] ids() {
        return Arrays.stream(values()).map(CubeWeighting::id).toArray(String[]::new);
    }

    /**
     * The weighting with an id.
     *
     * @param id one of {@link #ids()}
     * @return the weighting
     * @throws IllegalArgumentException listing the valid ids
     */
    static CubeWeighting of(String id) {
        for (CubeWeighting w : values()) {
            if (w.id().equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("cubeWeighting must be one of " + String.join(", ", ids()) + ", found '" + id + "'");
    }
}
