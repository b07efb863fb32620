package dev.dgc.readers.geotiff;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Writes a TIFF with the JDK's TIFF plugin, adding fields the plugin does not produce itself
 * (GeoKeys, GDAL tags) to the image directory it derives from the image.
 */
final class TiffEncoder {

    /** GDAL's no-data tag, as ASCII. */
    static final TIFFTag GDAL_NODATA = new TIFFTag("GDAL_NODATA", GeoTiffReaderProvider.TAG_GDAL_NODATA, 1 << TIFFTag.TIFF_ASCII);
    /** GDAL's metadata tag, XML as ASCII. */
    static final TIFFTag GDAL_METADATA = new TIFFTag("GDAL_METADATA", GeoTiffReaderProvider.TAG_GDAL_METADATA,
            1 << TIFFTag.TIFF_ASCII);

    private TiffEncoder() {
    }

    /**
     * How the image data are laid out and compressed.
     *
     * @param compression a compression type of the JDK writer ("Deflate", "LZW"), or null for none
     * @param tileSize    the side of square tiles, or 0 for strips
     */
    record Layout(String compression, int tileSize) {
        /** Deflate-compressed strips. */
        static final Layout DEFLATE_STRIPS = new Layout("Deflate", 0);
    }

    /**
     * Writes the image to a file, overwriting it.
     *
     * @param image  the image; its sample model decides bits and sample format
     * @param extra  further fields for the image directory
     * @param out    the file
     * @param layout compression and tiling
     * @throws IOException if writing fails
     */
    static void write(RenderedImage image, List<TIFFField> extra, Path out, Layout layout) throws IOException {
        ImageWriter writer = jdkTiffWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (layout.compression() != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(layout.compression());
            }
            if (layout.tileSize() > 0) {
                param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                param.setTiling(layout.tileSize(), layout.tileSize(), 0, 0);
            }
            IIOMetadata base = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            TIFFDirectory dir = TIFFDirectory.createFromMetadata(base);
            for (TIFFField f : extra) {
                dir.addTIFFField(f);
            }
            try (ImageOutputStream os = new FileImageOutputStream(out.toFile())) {
                writer.setOutput(os);
                writer.write(null, new IIOImage(image, null, dir.getAsMetadata()), param);
            }
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter jdkTiffWriter() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return w;
            }
        }
        throw new IOException("the JDK's TIFF plugin (java.desktop, com.sun.imageio.plugins.tiff) is not available");
    }

    /**
     * @param text the value
     * @return a GDAL_NODATA field
     */
    static TIFFField noData(String text) {
        return new TIFFField(GDAL_NODATA, TIFFTag.TIFF_ASCII, 1, new String[] {text});
    }

    /**
     * @param xml the GDAL metadata XML
     * @return a GDAL_METADATA field
     */
    static TIFFField gdalMetadata(String xml) {
        return new TIFFField(GDAL_METADATA, TIFFTag.TIFF_ASCII, 1, new String[] {xml});
    }
}
