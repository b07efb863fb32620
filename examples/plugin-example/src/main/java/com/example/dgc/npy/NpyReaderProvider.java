package com.example.dgc.npy;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Reads 3-D NumPy arrays saved with {@code np.save}: {@code (rows, cols, bands)} by default, or
 * {@code (bands, rows, cols)} with {@code layout: bands,rows,cols}. Any numeric element type and
 * either byte order; C order only.
 */
public final class NpyReaderProvider implements ReaderProvider {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("layout", "rows,cols,bands", "axis order of the saved array", "rows,cols,bands", "bands,rows,cols"),
            ParameterSpec.number("ignoreValue", 0, "a stored value meaning 'no data' (used only when ignore is true)"),
            ParameterSpec.bool("ignore", false, "treat ignoreValue as no-data"));

    /** Creates the provider; ServiceLoader calls this. */
    public NpyReaderProvider() {
    }

    @Override
    public String id() {
        return "npy";
    }

    @Override
    public String description() {
        return "NumPy .npy arrays (example third-party plugin)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ProbeResult probe(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() < NpyHeader.MAGIC.length) {
                return ProbeResult.unable("too short for a .npy file");
            }
            ByteBuffer b = ByteBuffer.allocate(NpyHeader.MAGIC.length);
            NpyHeader.readFully(ch, b, 0, path);
            if (Arrays.equals(b.array(), NpyHeader.MAGIC)) {
                return ProbeResult.intended("NumPy magic \\x93NUMPY");
            }
            return ProbeResult.unable("no NumPy magic");
        } catch (NoSuchFileException e) {
            return ProbeResult.unable("no such file");
        } catch (IOException | RuntimeException e) {
            return ProbeResult.unable("cannot read: " + e.getMessage());
        }
    }

    @Override
    public HyperspectralCube open(Path path, Parameters options) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            NpyHeader h = NpyHeader.read(path, ch);
            if (h.shape().length != 3) {
                throw new IOException(path + ": a cube needs a 3-D array, found shape " + Arrays.toString(h.shape()));
            }
            boolean bandsFirst = options.getString("layout").startsWith("bands");
            long[] s = h.shape();
            long lines = bandsFirst ? s[1] : s[0];
            long samples = bandsFirst ? s[2] : s[1];
            long bands = bandsFirst ? s[0] : s[2];
            if (lines > Integer.MAX_VALUE || samples > Integer.MAX_VALUE || bands > Integer.MAX_VALUE) {
                throw new IOException(path + ": shape " + Arrays.toString(s) + " is too large");
            }
            NoData noData = options.getBoolean("ignore") ? NoData.value(options.getDouble("ignoreValue")) : NoData.NAN_ONLY;
            CubeMetadata md = CubeMetadata.builder(path, (int) lines, (int) samples, (int) bands, h.dataType())
                    .interleave(NpyCube.interleave(bandsFirst))
                    .byteOrder(h.order())
                    .noData(noData)
                    .attribute("shape", Arrays.toString(s))
                    .build();
            return new NpyCube(path, ch, h, md, bandsFirst);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }
}
