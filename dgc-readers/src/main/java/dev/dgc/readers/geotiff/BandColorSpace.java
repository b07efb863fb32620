package dev.dgc.readers.geotiff;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BandedSampleModel;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * A colour space of N abstract components, which lets java.awt wrap an N-band raster (spectral
 * bands, class probabilities) in a {@link BufferedImage} for ImageIO to decode into or encode from.
 * The bands are not colours: conversions to and from RGB or XYZ give black, and nothing here ever
 * displays such an image.
 */
final class BandColorSpace extends ColorSpace {

    private static final long serialVersionUID = 1L;

    /**
     * @param components the number of bands
     */
    BandColorSpace(int components) {
        // java.awt has no type for "N unnamed components"; the type is never consulted for such images
        super(ColorSpace.TYPE_GRAY, components);
    }

    @Override
    public float[] toRGB(float[] value) {
        return new float[3];
    }

    @Override
    public float[] fromRGB(float[] rgb) {
        return new float[getNumComponents()];
    }

    @Override
    public float[] toCIEXYZ(float[] value) {
        return new float[3];
    }

    @Override
    public float[] fromCIEXYZ(float[] xyz) {
        return new float[getNumComponents()];
    }

    /**
     * An image of {@code bands} separate planes of the given data type.
     *
     * @param dataType a {@link java.awt.image.DataBuffer} type
     * @param width    columns
     * @param height   rows
     * @param bands    bands
     * @return the image, zero-filled
     */
    static BufferedImage bandedImage(int dataType, int width, int height, int bands) {
        WritableRaster raster = Raster.createWritableRaster(new BandedSampleModel(dataType, width, height, bands), null);
        return wrap(raster);
    }

    /**
     * Wraps a raster of any number of bands in a BufferedImage.
     *
     * @param raster the raster
     * @return the image sharing the raster
     */
    static BufferedImage wrap(WritableRaster raster) {
        ColorModel cm = new ComponentColorModel(new BandColorSpace(raster.getNumBands()), false, false, Transparency.OPAQUE,
                raster.getDataBuffer().getDataType());
        return new BufferedImage(cm, raster, false, null);
    }
}
