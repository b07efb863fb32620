package dev.dgc.readers.matlab;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.format.Mat5Reader;
import us.hebi.matlab.mat.format.Mat5Tag;
import us.hebi.matlab.mat.format.Mat5Type;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * Reads MATLAB 5 files with mfl-core: first the variable headers alone, then only the variables a
 * cube needs. Whatever mfl-core throws becomes an {@link IOException} that names the file and says
 * what went wrong in words.
 *
 * <p>The file is streamed through a plain input stream rather than opened with mfl-core's file
 * source, which maps and pre-loads the whole file even when only the headers are wanted, and opens
 * files over 2 GB for writing, which fails on read-only data.
 */
final class Mat5Variables {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int INFLATE_BUFFER_BYTES = 1 << 12;
    /** Array flags: the class id in the low byte, then the logical, global and complex bits. */
    private static final int CLASS_MASK = 0xff;
    private static final int LOGICAL_BIT = 1 << 9;
    private static final int COMPLEX_BIT = 1 << 11;

    private Mat5Variables() {
    }

    /**
     * Lists the variables of a file from their headers. mfl-core's own header callback does not
     * see the type the values are stored in, so this walks the top-level elements with mfl-core's
     * tag reader instead; a compressed variable is inflated only as far as its first data tag.
     *
     * @param path a MATLAB 5 file
     * @return the named variables, in file order
     * @throws IOException if the file is truncated or corrupt; the message names the file
     */
    static List<MatVariable> list(Path path) throws IOException {
        try (Source source = open(path)) {
            source.order(ByteOrder.nativeOrder());
            Mat5File header = Mat5File.readFileHeader(source);
            source.order(header.getByteOrder());
            List<MatVariable> variables = new ArrayList<>();
            for (Mat5Tag tag = Mat5Tag.readTagOrNull(source); tag != null; tag = Mat5Tag.readTagOrNull(source)) {
                if (tag.getNumBytes() < 0) {
                    throw new IOException("a variable of more than 2 GB at byte " + source.getPosition() + " is beyond this reader");
                }
                long end = source.getPosition() + tag.getNumBytes() + tag.getPadding();
                if (tag.getType() == Mat5Type.Compressed) {
                    try (Source inflated = source.readInflated(tag.getNumBytes(), INFLATE_BUFFER_BYTES)) {
                        variable(inflated, Mat5Tag.readTag(inflated)).ifPresent(variables::add);
                    }
                } else {
                    variable(source, tag).ifPresent(variables::add);
                }
                // skipping reads through the rest, so a file cut short fails here rather than later
                source.skip(end - source.getPosition());
            }
            return List.copyOf(variables);
        } catch (IOException | RuntimeException e) {
            throw new IOException(path + ": cannot read the MAT-file: " + failure(e), e);
        }
    }

    /**
     * Reads the headers of one top-level array: flags, dimensions, name and, for numeric arrays, the
     * tag of the real part, which carries the storage type.
     *
     * @return the variable, or empty for the unnamed subsystem entry and for opaque objects
     */
    private static Optional<MatVariable> variable(Source source, Mat5Tag matrix) throws IOException {
        if (matrix.getType() != Mat5Type.Matrix) {
            throw new IOException("expected an array element at the top level, found " + matrix.getType());
        }
        long contentEnd = source.getPosition() + matrix.getNumBytes();
        if (matrix.getNumBytes() == 0) {
            return Optional.empty();
        }
        int[] flags = ints(source, expect(Mat5Tag.readTag(source), Mat5Type.UInt32, "array flags"));
        MatlabType type = MatlabType.fromId(flags[0] & CLASS_MASK);
        if (type == MatlabType.Opaque) {
            // objects (tables, strings, …) lay out their headers differently and never hold a cube
            return Optional.empty();
        }
        int[] dims = ints(source, expect(Mat5Tag.readTag(source), Mat5Type.Int32, "dimensions"));
        Mat5Tag nameTag = expect(Mat5Tag.readTag(source), Mat5Type.Int8, "array name");
        byte[] name = new byte[nameTag.getNumBytes()];
        source.readBytes(name, 0, name.length);
        source.skip(nameTag.getPadding());
        if (name.length == 0) {
            return Optional.empty();
        }
        MatVariable header = new MatVariable(new String(name, StandardCharsets.US_ASCII), type, Arrays.stream(dims).boxed().toList(),
                (flags[0] & LOGICAL_BIT) != 0, (flags[0] & COMPLEX_BIT) != 0, Optional.empty());
        if (!header.numeric() || source.getPosition() >= contentEnd) {
            return Optional.of(header);
        }
        Mat5Type storage = Mat5Tag.readTag(source).getType();
        return Optional.of(new MatVariable(header.name(), type, header.dimensions(), header.logical(), header.complex(),
                Optional.of(storage)));
    }

    private static Mat5Tag expect(Mat5Tag tag, Mat5Type type, String what) throws IOException {
        if (tag.getType() != type) {
            throw new IOException("expected the " + what + " as " + type + ", found " + tag.getType());
        }
        return tag;
    }

    private static int[] ints(Source source, Mat5Tag tag) throws IOException {
        int[] values = new int[tag.getNumBytes() / Integer.BYTES];
        source.readInts(values, 0, values.length);
        source.skip(tag.getPadding());
        return values;
    }

    /**
     * Reads the values of some variables; the others are skipped without being inflated.
     *
     * @param path  a MATLAB 5 file
     * @param names the variables to read
     * @return the file with those variables, which the caller closes to release their buffers
     * @throws IOException if the file is truncated or corrupt; the message names the file
     */
    static MatFile load(Path path, Set<String> names) throws IOException {
        return read(path, header -> names.contains(header.getName()));
    }

    private static Mat5File read(Path path, Mat5Reader.EntryFilter filter) throws IOException {
        try (Source source = open(path)) {
            return Mat5.newReader(source)
                    .setEntryFilter(filter)
                    // the subsystem only backs MATLAB objects (tables, strings), never a numeric array
                    .disableSubsystemProcessing()
                    .readMat();
        } catch (IOException | RuntimeException e) {
            throw new IOException(path + ": cannot read the MAT-file: " + failure(e), e);
        }
    }

    private static Source open(Path path) throws IOException {
        return Sources.wrapInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER_BYTES), BUFFER_BYTES);
    }

    /**
     * Says in words why mfl-core failed; its own exceptions wrap the cause, often without a message.
     *
     * @param e what mfl-core threw
     * @return a phrase such as "the file ends early (truncated?)"
     */
    private static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof EOFException || root instanceof BufferUnderflowException) {
            return "the file ends early (truncated?)";
        }
        if (root instanceof ZipException || root instanceof DataFormatException) {
            return "a compressed variable is corrupt (" + (root.getMessage() == null ? "bad zlib data" : root.getMessage()) + ")";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "malformed content (" + root.getClass().getSimpleName() + ")" : message;
    }
}
