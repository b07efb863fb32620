package dev.dgc.api.cube;

import dev.dgc.api.io.ClassInfo;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about a cube without reading its pixels.
 *
 * @param source       the file the cube was opened from
 * @param lines        rows
 * @param samples      columns
 * @param bands        bands
 * @param dataType     the stored sample type
 * @param interleave   the file's interleave, where the format has one
 * @param byteOrder    the file's byte order, where the format has one
 * @param wavelengths  band centres and widths in nm (possibly unknown)
 * @param bandNames    one name per band, or empty
 * @param badBands     indices of bands the file marks as bad (ENVI {@code bbl}), ascending
 * @param noData       which stored values are no-data
 * @param scaleFactor  the factor stored values are divided by to give physical values (ENVI
 *                     {@code reflectance scale factor}); 1 when none. Readers apply it.
 * @param georeference where the cube lies, if known
 * @param attributes   further format-specific metadata worth showing, by name, in file order
 * @param classes      for a classification raster (ENVI {@code file type = ENVI Classification}):
 *                     its classes with names and colours, by ascending value; empty otherwise
 */
public record CubeMetadata(
        Path source,
        int lines,
        int samples,
        int bands,
        DataType dataType,
        Optional<Interleave> interleave,
        Optional<ByteOrder> byteOrder,
        Wavelengths wavelengths,
        List<String> bandNames,
        List<Integer> badBands,
        NoData noData,
        double scaleFactor,
        Optional<Georeference> georeference,
        Map<String, String> attributes,
        List<ClassInfo> classes) {

    /** Checks sizes and lengths, naming the file. */
    public CubeMetadata {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataType, "dataType");
        if (lines < 1 || samples < 1 || bands < 1) {
            throw new IllegalArgumentException(source + ": a cube needs at least 1 line, sample and band, found "
                    + lines + " lines, " + samples + " samples, " + bands + " bands");
        }
        try {
            wavelengths.requireBands(bands);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        bandNames = List.copyOf(bandNames);
        if (!bandNames.isEmpty() && bandNames.size() != bands) {
            throw new IllegalArgumentException(source + ": " + bandNames.size() + " band names for " + bands + " bands");
        }
        badBands = List.copyOf(badBands);
        for (int b : badBands) {
            if (b < 0 || b >= bands) {
                throw new IllegalArgumentException(source + ": bad band index " + b + " outside 0…" + (bands - 1));
            }
        }
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new IllegalArgumentException(source + ": scale factor must be a positive number, found " + scaleFactor);
        }
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        classes = List.copyOf(classes);
    }

    /**
     * The metadata of a cube that is not a classification raster: the constructor as it was before
     * {@link #classes()} existed, kept so that code written against it still compiles.
     *
     * @param source       the file
     * @param lines        rows
     * @param samples      columns
     * @param bands        bands
     * @param dataType     stored type
     * @param interleave   interleave, if any
     * @param byteOrder    byte order, if any
     * @param wavelengths  wavelengths in nm
     * @param bandNames    band names or empty
     * @param badBands     bad band indices
     * @param noData       no-data definition
     * @param scaleFactor  scale factor
     * @param georeference georeference, if known
     * @param attributes   further metadata
     */
    public CubeMetadata(Path source, int lines, int samples, int bands, DataType dataType, Optional<Interleave> interleave,
                        Optional<ByteOrder> byteOrder, Wavelengths wavelengths, List<String> bandNames, List<Integer> badBands,
                        NoData noData, double scaleFactor, Optional<Georeference> georeference, Map<String, String> attributes) {
        this(source, lines, samples, bands, dataType, interleave, byteOrder, wavelengths, bandNames, badBands, noData,
                scaleFactor, georeference, attributes, List.of());
    }

    /**
     * Starts a builder with the required facts; everything else defaults to "not known".
     *
     * @param source   the file
     * @param lines    rows
     * @param samples  columns
     * @param bands    bands
     * @param dataType stored type
     * @return a builder
     */
    public static Builder builder(Path source, int lines, int samples, int bands, DataType dataType) {
        return new Builder(source, lines, samples, bands, dataType);
    }

    /**
     * @return the window covering the whole cube
     */
    public Window extent() {
        return Window.all(lines, samples);
    }

    /**
     * @return indices 0…bands−1
     */
    public int[] allBands() {
        int[] b = new int[bands];
        for (int i = 0; i < bands; i++) {
            b[i] = i;
        }
        return b;
    }

    /** Fluent construction of {@link CubeMetadata}; not thread-safe. */
    public static final class Builder {
        private final Path source;
        private final int lines;
        private final int samples;
        private final int bands;
        private final DataType dataType;
        private Optional<Interleave> interleave = Optional.empty();
        private Optional<ByteOrder> byteOrder = Optional.empty();
        private Wavelengths wavelengths = Wavelengths.NONE;
        private List<String> bandNames = List.of();
        private List<Integer> badBands = List.of();
        private NoData noData = NoData.NAN_ONLY;
        private double scaleFactor = 1.0;
        private Optional<Georeference> georeference = Optional.empty();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private List<ClassInfo> classes = List.of();

        private Builder(Path source, int lines, int samples, int bands, DataType dataType) {
            this.source = source;
            this.lines = lines;
            this.samples = samples;
            this.bands = bands;
            this.dataType = dataType;
        }

        /**
         * @param v interleave
         * @return this
         */
        public Builder interleave(Interleave v) {
            interleave = Optional.of(v);
            return this;
        }

        /**
         * @param v byte order
         * @return this
         */
        public Builder byteOrder(ByteOrder v) {
            byteOrder = Optional.of(v);
            return this;
        }

        /**
         * @param v wavelengths
         * @return this
         */
        public Builder wavelengths(Wavelengths v) {
            wavelengths = v;
            return this;
        }

        /**
         * @param v band names
         * @return this
         */
        public Builder bandNames(List<String> v) {
            bandNames = v;
            return this;
        }

        /**
         * @param v bad band indices
         * @return this
         */
        public Builder badBands(List<Integer> v) {
            badBands = v;
            return this;
        }

        /**
         * @param v no-data definition
         * @return this
         */
        public Builder noData(NoData v) {
            noData = v;
            return this;
        }

        /**
         * @param v scale factor
         * @return this
         */
        public Builder scaleFactor(double v) {
            scaleFactor = v;
            return this;
        }

        /**
         * @param v georeference
         * @return this
         */
        public Builder georeference(Georeference v) {
            georeference = Optional.of(v);
            return this;
        }

        /**
         * @param key name
         * @param value value
         * @return this
         */
        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /**
         * @param v the classes of a classification raster, by ascending value
         * @return this
         */
        public Builder classes(List<ClassInfo> v) {
            classes = v;
            return this;
        }

        /** @return the metadata */
        public CubeMetadata build() {
            return new CubeMetadata(source, lines, samples, bands, dataType, interleave, byteOrder, wavelengths,
                    bandNames, badBands, noData, scaleFactor, georeference, attributes, classes);
        }
    }
}
