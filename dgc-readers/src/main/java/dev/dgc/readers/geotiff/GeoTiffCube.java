package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.CubeReads;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.cube.Window;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A GeoTIFF opened by the {@code geotiff} reader: metadata in memory, pixels decoded per
 * {@link #read} by the JDK's TIFF plugin, limited to the strips or tiles the window touches.
 *
 * <p>Pixel-interleaved files (PlanarConfiguration 1) are decoded for the requested bands only.
 * For band-interleaved files (PlanarConfiguration 2) the JDK decoder visits every band plane of
 * the window's strips or tiles whatever bands are asked for, so a read costs the window times all
 * bands; the requested bands are then picked from that.
 *
 * <p>Thread-safe: an {@link ImageReader} is not, so reads of one cube are serialised on a lock
 * owned by the cube; separate cubes (opened separately, even on the same file) read in parallel.
 */
final class GeoTiffCube implements HyperspectralCube {

    private final CubeMetadata metadata;
    private final boolean planar;
    private final int bufferType;
    private final Object lock = new Object();
    /** Null once closed; guarded by {@link #lock}. */
    private ImageReader reader;
    private ImageInputStream stream;

    /**
     * @param metadata   the metadata read at open
     * @param reader     the JDK TIFF reader, positioned on the file; owned by the cube from now on
     * @param stream     the reader's input, closed with the cube
     * @param planar     whether the file is band-interleaved (PlanarConfiguration 2)
     * @param bufferType the {@link java.awt.image.DataBuffer} type the decoder produces
     */
    GeoTiffCube(CubeMetadata metadata, ImageReader reader, ImageInputStream stream, boolean planar, int bufferType) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.planar = planar;
        this.bufferType = bufferType;
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) throws IOException {
        int pixels = CubeReads.checkRead(metadata, window, bands, dst, noData);
        int[] distinct = Arrays.stream(bands).distinct().sorted().toArray();
        Raster raster;
        synchronized (lock) {
            if (reader == null) {
                throw new IllegalStateException(metadata.source() + ": the cube is closed");
            }
            raster = decode(window, distinct);
        }
        boolean[] missing = new boolean[pixels];
        double[] row = new double[pixels];
        NoData nd = metadata.noData();
        for (int k = 0; k < bands.length; k++) {
            int plane = planar ? bands[k] : Arrays.binarySearch(distinct, bands[k]);
            raster.getSamples(0, 0, window.cols(), window.rows(), plane, row);
            int base = k * pixels;
            for (int p = 0; p < pixels; p++) {
                double v = physical(row[p]);
                missing[p] |= nd.isNoData(v);
                dst[base + p] = (float) v;
            }
        }
        for (int p = 0; p < pixels; p++) {
            if (missing[p]) {
                for (int k = 0; k < bands.length; k++) {
                    dst[k * pixels + p] = Float.NaN;
                }
            }
        }
        if (noData != null) {
            System.arraycopy(missing, 0, noData, 0, pixels);
        }
    }

    /** Decodes the window: the distinct bands for pixel-interleaved files, every band for planar ones. */
    private Raster decode(Window window, int[] distinct) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(window.col(), window.row(), window.cols(), window.rows()));
        BufferedImage destination;
        if (planar) {
            destination = BandColorSpace.bandedImage(bufferType, window.cols(), window.rows(), metadata.bands());
        } else {
            int[] slots = new int[distinct.length];
            Arrays.setAll(slots, i -> i);
            param.setSourceBands(distinct);
            param.setDestinationBands(slots);
            destination = BandColorSpace.bandedImage(bufferType, window.cols(), window.rows(), distinct.length);
        }
        param.setDestination(destination);
        try {
            return reader.read(0, param).getRaster();
        } catch (IOException e) {
            throw new IOException(metadata.source() + ": cannot decode " + window + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(metadata.source() + ": the TIFF decoder failed on " + window + ": " + e, e);
        }
    }

    /** Undoes java.awt's unsigned/signed view where it differs from the TIFF sample format. */
    private double physical(double stored) {
        DataType t = metadata.dataType();
        if (t == DataType.UINT32 && stored < 0) {
            return stored + 4294967296.0;
        }
        if (t == DataType.INT8 && stored > 127) {
            return stored - 256;
        }
        return stored;
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (reader == null) {
                return;
            }
            reader.dispose();
            reader = null;
            try {
                stream.close();
            } finally {
                stream = null;
            }
        }
    }

    @Override
    public String toString() {
        return "GeoTiffCube[" + metadata.source() + ", " + metadata.lines() + "×" + metadata.samples() + "×" + metadata.bands() + "]";
    }
}
