package dev.dgc.readers.matlab;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reader {@code matlab}: opens a numeric variable of a MATLAB MAT-file (v5 or v7.3) as a hyperspectral cube,
 * or a 2-D variable (a ground-truth map) as a single-band cube.
 *
 * <p><b>Whole variable in memory.</b> MATLAB compresses each variable with zlib as one stream, so a
 * window cannot be reached without inflating everything before it. The reader therefore loads the
 * chosen variable once, when the cube is opened, converts it to {@code float} in band-sequential
 * order, and serves every {@code read} from memory (4 bytes per sample: 5.8 MB for Salinas-A,
 * 5.6 MB for Samson). That suits the benchmark scenes distributed as MAT-files, which are small;
 * large cubes belong in ENVI, GeoTIFF or HDF5 files, which are read by window.
 *
 * <p><b>Options</b> (see {@link #parameters()}): {@code variable} picks the array (by default the
 * only 3-D numeric one, or the only 2-D matrix); {@code layout} says how its axes map to the cube:
 * {@code rows,cols,bands} (MATLAB's H×W×C, the default), {@code bands,rows,cols}, or
 * {@code bands,pixels} for the unmixing benchmarks, which keep one column per pixel in MATLAB's
 * column-major order and give the image size in scalar variables ({@code rowsVariable},
 * {@code colsVariable}) or options ({@code rows}, {@code cols}). Integer classes keep their sign
 * and exact values; {@link dev.dgc.api.cube.CubeMetadata#dataType()} is the variable's class.
 *
 * <p><b>MATLAB v7.3</b> files are HDF5 files behind a MATLAB header; they are read through jHDF with
 * the same options and layouts. MATLAB stores arrays column-major, so HDF5 lists an H×W×C array as
 * C×W×H; the reader reverses the dimensions back, so layouts mean the same in both versions. The
 * variable is loaded whole here too.
 *
 * <p>Stateless and thread-safe; the cubes it opens may be read from several threads at once.
 */
public final class MatlabReaderProvider implements ReaderProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MatlabReaderProvider() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code matlab}
     */
    @Override
    public String id() {
        return "matlab";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "MATLAB MAT-files (.mat, v5 and v7.3): a numeric variable as a cube, loaded whole; 2-D variables as 1-band maps";
    }

    /**
     * The reader options: {@code variable}, {@code layout}, {@code rowsVariable},
     * {@code colsVariable}, {@code pixelOrder}, {@code rows} and {@code cols}. All have defaults or
     * are optional, so a MAT-file holding a single H×W×C array opens with no options at all.
     *
     * @return the declarations
     */
    @Override
    public List<ParameterSpec> parameters() {
        return MatlabOptions.SPECS;
    }

    /**
     * Recognises MAT-files by their 128-byte header (and v7.3 files by the HDF5 signature at byte
     * 512), reading at most its first 520 bytes. Never throws.
     *
     * @param path the file
     * @return {@link ProbeResult.Level#INTENDED} for MATLAB 5 and v7.3 files,
     *         {@link ProbeResult.Level#UNABLE} for everything else, with the reason
     */
    @Override
    public ProbeResult probe(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return ProbeResult.unable(Files.exists(path) ? "not a regular file" : "no such file");
            }
            MatFileSignature signature = MatFileSignature.read(path);
            return switch (signature.format()) {
                case V5 -> ProbeResult.intended("MATLAB 5 MAT-file header, " + endianness(signature.byteOrder()));
                case V73 -> ProbeResult.intended("MATLAB v7.3 MAT-file header (HDF5 at byte 512)");
                case OTHER -> ProbeResult.unable("not a MAT-file: " + signature.description());
            };
        } catch (IOException | RuntimeException e) {
            return ProbeResult.unable("cannot read: " + e.getMessage());
        }
    }

    /**
     * Opens a variable of a MATLAB 5 or v7.3 file as a cube, loading it whole (see the class description).
     *
     * @param path    the MAT-file
     * @param options options validated against {@link #parameters()}
     * @return the cube, whose samples are all in memory
     * @throws IOException if the file is missing, not a MAT-file, truncated or corrupt, if the
     *                     variable is missing or of the wrong class or shape, or if the options
     *                     contradict each other; the message names the file and the variable or
     *                     option, and lists the variables present where that helps
     */
    @Override
    public HyperspectralCube open(Path path, Parameters options) throws IOException {
        MatlabOptions parsed;
        try {
            parsed = MatlabOptions.from(options);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, Files.exists(path) ? "not a regular file" : "no such file");
        }
        MatFileSignature signature = MatFileSignature.read(path);
        return switch (signature.format()) {
            case V5 -> MatCubeLoader.load(path, signature, parsed);
            case V73 -> MatCubeLoader.load73(path, signature, parsed);
            case OTHER -> throw new IOException(path + ": not a MATLAB MAT-file: " + signature.description());
        };
    }

    private static String endianness(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    }
}
