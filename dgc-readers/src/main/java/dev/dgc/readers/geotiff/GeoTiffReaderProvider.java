package dev.dgc.readers.geotiff;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reader {@code geotiff}: opens a (Geo)TIFF as a hyperspectral cube with the JDK's own TIFF plugin
 * ({@code javax.imageio}), so no third-party TIFF library is involved.
 *
 * <p>Supported: one sample per band of 8, 16, 32 or 64 bits (unsigned and signed integers,
 * IEEE floats), pixel- and band-interleaved (PlanarConfiguration 1 and 2), strips and tiles, and
 * every compression the JDK decodes (none, LZW, Deflate, PackBits, …). The first image of the
 * file is the cube; pixels are decoded per window and band subset (see {@link GeoTiffCube}).
 *
 * <p>Metadata: GeoKeys and model tags become the georeference ({@link GeoKeys}); GDAL's
 * GDAL_NODATA tag (42113) becomes the no-data value; GDAL's GDAL_METADATA tag (42112) gives band
 * names and wavelengths ({@link GdalMetadata}); class names in a GDAL PAM sidecar
 * ({@code <file>.aux.xml}, see {@link PamSidecar}) are shown as the attribute "category names".
 *
 * <p>Stateless and thread-safe; the cubes it opens may be read from several threads at once.
 */
public final class GeoTiffReaderProvider implements ReaderProvider {

    /** GDAL's private tag holding the no-data value as ASCII. */
    static final int TAG_GDAL_NODATA = 42113;
    /** GDAL's private tag holding dataset and band metadata as XML. */
    static final int TAG_GDAL_METADATA = 42112;

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public GeoTiffReaderProvider() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code geotiff}
     */
    @Override
    public String id() {
        return "geotiff";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "GeoTIFF and TIFF (.tif): multi-band integer or float images read by window, with GeoKeys, "
                + "GDAL no-data and GDAL band metadata";
    }

    /**
     * Recognises TIFF and BigTIFF by their magic number and looks into the first directory,
     * reading a few kilobytes at most. Never throws.
     *
     * @param path the file
     * @return {@link ProbeResult.Level#INTENDED} for a TIFF with GeoKeys or several bands,
     *         {@link ProbeResult.Level#SUITABLE} for other TIFFs, {@link ProbeResult.Level#UNABLE}
     *         otherwise, with the reason
     */
    @Override
    public ProbeResult probe(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return ProbeResult.unable(Files.exists(path) ? "not a regular file" : "no such file");
            }
            TiffSignature s = TiffSignature.read(path);
            if (!s.tiff()) {
                return ProbeResult.unable(s.description());
            }
            if (s.bigTiff()) {
                return ProbeResult.unable("BigTIFF, which the JDK's TIFF decoder cannot read; convert with "
                        + "gdal_translate -co BIGTIFF=NO or use the gdal reader");
            }
            String what = s.description() + ", " + (s.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian")
                    + ", " + s.samplesPerPixel() + (s.samplesPerPixel() == 1 ? " band" : " bands");
            if (s.geoKeys()) {
                return ProbeResult.intended(what + ", with GeoKeys");
            }
            if (s.samplesPerPixel() > 1) {
                return ProbeResult.intended(what);
            }
            return ProbeResult.suitable(what + ", without GeoKeys");
        } catch (IOException | RuntimeException e) {
            return ProbeResult.unable("cannot read: " + e.getMessage());
        }
    }

    /**
     * Opens the first image of a TIFF: reads its directory and GDAL tags, decodes no pixels.
     *
     * @param path    the TIFF file
     * @param options no options are declared; pass {@link Parameters#defaults} of none
     * @return the cube
     * @throws IOException if the file is missing, not a TIFF, or uses a sample layout the reader
     *                     does not support; the message names the file and the tag at fault
     */
    @Override
    public HyperspectralCube open(Path path, Parameters options) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, Files.exists(path) ? "not a regular file" : "no such file");
        }
        TiffSignature s = TiffSignature.read(path);
        if (!s.tiff()) {
            throw new IOException(path + ": " + s.description());
        }
        if (s.bigTiff()) {
            throw new IOException(path + ": BigTIFF is not supported by the JDK's TIFF decoder; "
                    + "convert with gdal_translate -co BIGTIFF=NO or use the gdal reader");
        }
        ImageInputStream stream = new FileImageInputStream(path.toFile());
        ImageReader reader = null;
        try {
            reader = jdkTiffReader(path);
            reader.setInput(stream, true, false);
            TIFFImageReadParam param = (TIFFImageReadParam) reader.getDefaultReadParam();
            // GDAL's tags are in no JDK tag set; without this they are dropped with the metadata
            param.setReadUnknownTags(true);
            // the reader fixes its metadata at the first seek; this one only sets up, it decodes nothing
            reader.readAsRenderedImage(0, param);
            TIFFDirectory dir = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
            int bufferType = reader.getRawImageType(0).getSampleModel().getDataType();
            CubeMetadata metadata = metadata(path, s.order(), dir, reader.getWidth(0), reader.getHeight(0));
            boolean planar = intValue(dir, BaselineTIFFTagSet.TAG_PLANAR_CONFIGURATION, 1) == 2;
            return new GeoTiffCube(metadata, reader, stream, planar, bufferType);
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.dispose();
            }
            stream.close();
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(path.toString())) {
                throw io;
            }
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    private static ImageReader jdkTiffReader(Path path) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            // other TIFF plugins on the class path were measured to decode multi-band floats wrongly
            if (r.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return r;
            }
        }
        throw new IOException(path + ": the JDK's TIFF plugin (java.desktop, com.sun.imageio.plugins.tiff) is not available");
    }

    private static CubeMetadata metadata(Path path, ByteOrder order, TIFFDirectory dir, int width, int height) throws IOException {
        int bands = intValue(dir, BaselineTIFFTagSet.TAG_SAMPLES_PER_PIXEL, 1);
        DataType type = dataType(path, dir, bands);
        boolean planar = intValue(dir, BaselineTIFFTagSet.TAG_PLANAR_CONFIGURATION, 1) == 2;
        CubeMetadata.Builder b = CubeMetadata.builder(path, height, width, bands, type)
                .interleave(planar ? Interleave.BSQ : Interleave.BIP)
                .byteOrder(order);
        Optional<String> noData = ascii(dir, TAG_GDAL_NODATA);
        boolean floating = type == DataType.FLOAT32 || type == DataType.FLOAT64;
        if (noData.isPresent()) {
            String text = noData.get().trim();
            try {
                double v = noDataNumber(text);
                b.noData(Double.isNaN(v) ? NoData.NAN_ONLY : new NoData(java.util.OptionalDouble.of(v), floating));
            } catch (NumberFormatException e) {
                throw new IOException(path + ": GDAL_NODATA (tag 42113) is '" + text + "', not a number", e);
            }
        } else {
            b.noData(floating ? NoData.NAN_ONLY : NoData.NONE);
        }
        Optional<String> xml = ascii(dir, TAG_GDAL_METADATA);
        GdalMetadata gdal = xml.isPresent() ? GdalMetadata.parse(xml.get()) : GdalMetadata.EMPTY;
        b.bandNames(gdal.bandNames(bands));
        b.wavelengths(gdal.wavelengths(bands));
        GeoKeys.read(dir).ifPresent(b::georeference);
        b.attribute("compression", compressionName(intValue(dir, BaselineTIFFTagSet.TAG_COMPRESSION, 1)));
        b.attribute("planar configuration", planar ? "band-interleaved (2)" : "pixel-interleaved (1)");
        TIFFField tileWidth = dir.getTIFFField(BaselineTIFFTagSet.TAG_TILE_WIDTH);
        if (tileWidth != null) {
            b.attribute("layout", "tiles of " + tileWidth.getAsInt(0) + "×" + intValue(dir, BaselineTIFFTagSet.TAG_TILE_LENGTH, 0));
        } else {
            b.attribute("layout", "strips of " + Math.min(height, intValue(dir, BaselineTIFFTagSet.TAG_ROWS_PER_STRIP, height)) + " rows");
        }
        Map<Integer, Object> keys = GeoKeys.keys(dir);
        if (keys.get(GeoKeys.GT_RASTER_TYPE) instanceof Integer rt) {
            b.attribute("raster type", rt == GeoKeys.RASTER_PIXEL_IS_POINT ? "PixelIsPoint" : "PixelIsArea");
        }
        if (keys.get(GeoKeys.GT_CITATION) instanceof String citation) {
            b.attribute("citation", citation);
        }
        noData.ifPresent(v -> b.attribute("GDAL_NODATA", v.trim()));
        categoryNames(path).ifPresent(v -> b.attribute("category names", v));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The class names a GDAL PAM sidecar gives the label values, as "0=water, 1=forest"; a sidecar
     * that cannot be parsed is reported in the text rather than failing the open, since the pixels
     * are readable without it.
     */
    private static Optional<String> categoryNames(Path path) {
        try {
            List<String> names = PamSidecar.categoryNames(path);
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < names.size(); v++) {
                if (!names.get(v).isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(v).append('=').append(names.get(v));
                }
            }
            return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
        } catch (IOException e) {
            return Optional.of("unreadable: " + e.getMessage());
        }
    }

    /** GDAL writes non-finite no-data values as "nan", "inf" and "-inf", which Java does not parse. */
    private static double noDataNumber(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static DataType dataType(Path path, TIFFDirectory dir, int bands) throws IOException {
        TIFFField bitsField = dir.getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE);
        TIFFField formatField = dir.getTIFFField(BaselineTIFFTagSet.TAG_SAMPLE_FORMAT);
        int bits = bitsField == null ? 1 : bitsField.getAsInt(0);
        int format = formatField == null ? BaselineTIFFTagSet.SAMPLE_FORMAT_UNSIGNED_INTEGER : formatField.getAsInt(0);
        for (int i = 1; i < bands; i++) {
            int bi = bitsField == null || bitsField.getCount() <= i ? bits : bitsField.getAsInt(i);
            int fi = formatField == null || formatField.getCount() <= i ? format : formatField.getAsInt(i);
            if (bi != bits || fi != format) {
                throw new IOException(path + ": band " + i + " has " + bi + " bits of sample format " + fi + " but band 0 has "
                        + bits + " bits of format " + format + "; all bands of a cube must share one sample type");
            }
        }
        DataType t = switch (format) {
            case BaselineTIFFTagSet.SAMPLE_FORMAT_UNSIGNED_INTEGER, BaselineTIFFTagSet.SAMPLE_FORMAT_UNDEFINED -> switch (bits) {
                case 8 -> DataType.UINT8;
                case 16 -> DataType.UINT16;
                case 32 -> DataType.UINT32;
                default -> null;
            };
            case BaselineTIFFTagSet.SAMPLE_FORMAT_SIGNED_INTEGER -> switch (bits) {
                case 8 -> DataType.INT8;
                case 16 -> DataType.INT16;
                case 32 -> DataType.INT32;
                default -> null;
            };
            case BaselineTIFFTagSet.SAMPLE_FORMAT_FLOATING_POINT -> switch (bits) {
                case 32 -> DataType.FLOAT32;
                case 64 -> DataType.FLOAT64;
                default -> null;
            };
            default -> null;
        };
        if (t == null) {
            throw new IOException(path + ": BitsPerSample " + bits + " with SampleFormat " + format + " is not supported; "
                    + "the reader takes 8/16/32-bit integers (SampleFormat 1 or 2) and 32/64-bit floats (SampleFormat 3)");
        }
        return t;
    }

    private static String compressionName(int code) {
        return switch (code) {
            case BaselineTIFFTagSet.COMPRESSION_NONE -> "none";
            case BaselineTIFFTagSet.COMPRESSION_LZW -> "LZW";
            case BaselineTIFFTagSet.COMPRESSION_DEFLATE, BaselineTIFFTagSet.COMPRESSION_ZLIB -> "Deflate";
            case BaselineTIFFTagSet.COMPRESSION_PACKBITS -> "PackBits";
            case BaselineTIFFTagSet.COMPRESSION_JPEG -> "JPEG";
            default -> "code " + code;
        };
    }

    static int intValue(TIFFDirectory dir, int tag, int absent) {
        TIFFField f = dir.getTIFFField(tag);
        return f == null ? absent : f.getAsInt(0);
    }

    static Optional<String> ascii(TIFFDirectory dir, int tag) {
        TIFFField f = dir.getTIFFField(tag);
        if (f == null || f.getCount() == 0) {
            return Optional.empty();
        }
        if (f.getType() == TIFFTag.TIFF_ASCII) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < f.getCount(); i++) {
                sb.append(f.getAsString(i));
            }
            return Optional.of(sb.toString());
        }
        return Optional.empty();
    }
}
