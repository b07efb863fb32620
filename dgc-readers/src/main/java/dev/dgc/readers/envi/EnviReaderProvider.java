package dev.dgc.readers.envi;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader {@code envi}: ENVI raster files, a plain header ({@code x.hdr} or {@code x.img.hdr}) beside
 * raw samples ({@code x}, {@code x.img}, {@code x.dat}, {@code x.raw}, …). Either file may be named.
 *
 * <p><b>Metadata</b> comes from the header when the cube is opened: size, {@code data type} (1, 2,
 * 3, 4, 5, 12, 13, 14, 15; complex 6 and 9 are refused), {@code byte order}, {@code interleave}
 * (BSQ, BIL, BIP), {@code header offset}, wavelengths and fwhm in nanometres (see
 * {@link EnviMetadataReader}), band names, the {@code bbl} bad band list, {@code data ignore value}
 * as no-data, {@code reflectance scale factor}, {@code map info} and
 * {@code coordinate system string} as the georeference (see {@link EnviMapInfo}), and for
 * {@code file type = ENVI Classification} the classes with their names and colours. Other keys are
 * kept as attributes.
 *
 * <p><b>Pixels</b> are read only by window, with positional reads on the data file (see
 * {@link EnviCube}), so cubes far larger than the heap can be walked window by window.
 *
 * <p><b>Compressed files.</b> With {@code file compression = 1} the data file is gzip, which cannot
 * be read at an offset: the reader decompresses it once, when the cube is opened, into a temporary
 * file in {@code java.io.tmpdir}, reads windows from that copy, and deletes it when the cube is
 * closed (or, failing that, when the JVM exits). It never loads the decompressed data into memory.
 *
 * <p><b>Option</b> {@code applyScaleFactor} (default {@code true}): divide stored values by the
 * header's {@code reflectance scale factor}, as {@link dev.dgc.api.cube.HyperspectralCube#read}
 * promises physical values; the factor is then {@link dev.dgc.api.cube.CubeMetadata#scaleFactor()}.
 * With {@code false}, stored values are returned as they are, the metadata's scale factor is 1, and
 * the header's factor stays visible among the attributes.
 *
 * <p>Stateless and thread-safe; the cubes it opens may be read from several threads at once.
 */
public final class EnviReaderProvider implements ReaderProvider {

    /** The option that decides whether {@code reflectance scale factor} is applied. */
    public static final String APPLY_SCALE_FACTOR = "applyScaleFactor";

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.bool(APPLY_SCALE_FACTOR, true,
                    "Divide stored values by the header's 'reflectance scale factor' (when it has one), so reads "
                            + "return physical values; false returns the stored values unchanged."));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public EnviReaderProvider() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code envi}
     */
    @Override
    public String id() {
        return "envi";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "ENVI raster (.hdr + data; BSQ/BIL/BIP, all real types, gzip) read by window; classification files as 1-band maps";
    }

    /**
     * @return the one option, {@code applyScaleFactor}
     */
    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    /**
     * Recognises an ENVI header (a file starting with {@code ENVI}) that is the named file or lies
     * beside it, and a data file beside a named header. Reads at most 16 bytes; never throws.
     *
     * @param path the file the user named
     * @return {@link ProbeResult.Level#INTENDED} with the header's name, or
     *         {@link ProbeResult.Level#UNABLE} with the reason
     */
    @Override
    public ProbeResult probe(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return ProbeResult.unable(Files.exists(path) ? "not a regular file" : "no such file");
            }
            Optional<EnviFiles> files = EnviFiles.locate(path);
            if (files.isEmpty()) {
                return ProbeResult.unable(EnviFiles.isHeaderName(path)
                        ? "no data file beside the header (looked for " + names(EnviFiles.candidates(path)) + ")"
                        : "no ENVI header beside the file (looked for " + names(EnviFiles.candidates(path)) + ")");
            }
            Path header = files.get().header();
            if (!EnviHeader.startsWithEnvi(header)) {
                return ProbeResult.unable(header.getFileName() + " does not start with 'ENVI'");
            }
            return ProbeResult.intended("ENVI header " + header.getFileName() + " for data " + files.get().data().getFileName());
        } catch (IOException | RuntimeException e) {
            return ProbeResult.unable("cannot read: " + e.getMessage());
        }
    }

    /**
     * An ENVI cube is named by its header, whether the header or the data file was matched.
     *
     * @param path the header or the data file
     * @return the header beside it, or {@code path} when none is found
     */
    @Override
    public Path cubeFile(Path path) {
        try {
            return EnviFiles.locate(path).map(EnviFiles::header).orElse(path);
        } catch (RuntimeException e) {
            return path;
        }
    }

    /**
     * Opens an ENVI cube: parses the header, checks the data file's length, and (for a gzip file)
     * decompresses it to a temporary file. Reads no samples otherwise.
     *
     * @param path    the header or the data file
     * @param options options validated against {@link #parameters()}
     * @return the cube, which the caller closes
     * @throws IOException if a file is missing, the header is malformed (the message names the file,
     *                     the key and the value), the data type is complex or unknown, or the data
     *                     file is shorter than the header says
     */
    @Override
    public HyperspectralCube open(Path path, Parameters options) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, Files.exists(path) ? "not a regular file" : "no such file");
        }
        EnviFiles files = EnviFiles.locate(path).orElseThrow(() -> new NoSuchFileException(path.toString(), null,
                (EnviFiles.isHeaderName(path) ? "no data file beside this ENVI header; looked for "
                        : "no ENVI header beside this file; looked for ") + names(EnviFiles.candidates(path))));
        EnviHeader header = EnviHeader.read(files.header());
        EnviMetadataReader.Description d = EnviMetadataReader.describe(files, header, options.getBoolean(APPLY_SCALE_FACTOR));
        if (!d.layout().gzip()) {
            return new EnviCube(d.metadata(), d.layout(), files.data(), Optional.empty());
        }
        Path copy = decompress(files.data());
        try {
            return new EnviCube(d.metadata(), d.layout(), copy, Optional.of(copy));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static Path decompress(Path gzip) throws IOException {
        Path copy = Files.createTempFile("dgc-envi-", ".raw");
        copy.toFile().deleteOnExit();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip), 1 << 16);
             OutputStream out = Files.newOutputStream(copy)) {
            in.transferTo(out);
        } catch (ZipException e) {
            Files.deleteIfExists(copy);
            throw new IOException(gzip + ": 'file compression = 1' says gzip, but the data is not valid gzip: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw new IOException(gzip + ": cannot decompress: " + e.getMessage(), e);
        }
        return copy;
    }

    private static String names(List<Path> candidates) {
        return candidates.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", "));
    }
}
