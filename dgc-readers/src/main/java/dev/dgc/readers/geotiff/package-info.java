/**
 * GeoTIFF on the JDK's own TIFF plugin ({@code javax.imageio}, {@code javax.imageio.plugins.tiff}):
 * the {@code geotiff} reader opens multi-band integer and float TIFFs by window and band subset,
 * with GeoKeys, GDAL no-data and GDAL band metadata; the {@code geotiff} writer stores label maps
 * as palette GeoTIFFs (class names in a GDAL PAM sidecar) and class probabilities as float
 * GeoTIFFs.
 *
 * <p>No third-party TIFF library is used: TwelveMonkeys and Commons Imaging were measured to decode
 * multi-band float TIFFs wrongly, while the JDK plugin decodes GDAL's files exactly.
 */
package dev.dgc.readers.geotiff;
