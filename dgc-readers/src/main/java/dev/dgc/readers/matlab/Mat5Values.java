package dev.dgc.readers.matlab;

import dev.dgc.api.cube.DataType;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;

/** Values of a MATLAB 5 file's variables, as loaded by mfl-core. */
final class Mat5Values implements MatValues {

    private final MatFile file;

    /**
     * @param file the loaded variables, owned from now on
     */
    Mat5Values(MatFile file) {
        this.file = file;
    }

    @Override
    public double first(MatVariable variable) {
        return file.getMatrix(variable.name()).getDouble(0);
    }

    @Override
    public Elements elements(MatVariable variable) {
        Matrix values = file.getMatrix(variable.name());
        DataType type = variable.dataType();
        return switch (type) {
            case FLOAT32, FLOAT64 -> i -> (float) values.getDouble(i);
            // mfl-core hands out uint64 in a long's bits: values of 2^63 and above come back negative
            case UINT64 -> i -> {
                long v = values.getLong(i);
                return v >= 0 ? (float) v : (float) (v >>> 1) * 2f;
            };
            // getLong widens unsigned classes correctly (uint8 200 stays 200) and keeps signed ones signed
            default -> i -> (float) values.getLong(i);
        };
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
