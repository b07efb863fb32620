/**
 * The GDAL-backed plugins: reader {@code gdal}, for any raster GDAL opens (ENVI, GeoTIFF, HDF5,
 * netCDF, …), and writer {@code gdal-geotiff}, for label maps with georeference, colour table and
 * class names.
 *
 * <p>GDAL is native code. Its Java classes come from the Maven artifact {@code org.gdal:gdal}; the
 * JNI library {@code libgdalalljni.so} is built from the distribution's GDAL source by
 * {@code scripts/install-gdal} and found on {@code java.library.path} (the {@code ./dgc} launcher
 * and the Maven build set it). Without the library these plugins say so in one line, and the rest
 * of dgc works unchanged.
 *
 * <p>The reader ranks below the native readers (lower priority), so it decodes only what no native
 * reader claims, and gives the same metadata they do: size, type, interleave, byte order, no-data,
 * wavelengths in nm, bad bands and georeference (EPSG code, WKT, geotransform). GDAL datasets are
 * not thread-safe, so each cube serialises its own reads.
 */
package dev.dgc.readers.gdal;
