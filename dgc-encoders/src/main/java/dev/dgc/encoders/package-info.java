/**
 * Spectral–spatial encoders (§3 of dgc-algorithm.md): SameDiff graphs that map a batch of
 * normalised patches {@code [B, C, H, W]} to one unit-length D-vector per pixel.
 *
 * <ul>
 *   <li>{@link dev.dgc.encoders.RasterEncoder} ({@code raster}) — the reference: 1-D convolutions
 *       with the bands as channels along the flattened pixel raster, wrapping at row ends;</li>
 *   <li>{@link dev.dgc.encoders.PixelwiseEncoder} ({@code pixelwise}) — the same with kernel 1, a
 *       per-pixel MLP without the wrap;</li>
 *   <li>{@link dev.dgc.encoders.SpectralAxisEncoder} ({@code spectral-axis}) — 1-D convolutions
 *       along each pixel's spectrum, averaged over the bands.</li>
 * </ul>
 *
 * <p>All three end with the same 3×3 convolutions and L2 normalisation, initialise their weights as
 * PyTorch does from the graph's own random stream only, and name their variables under the graph's
 * prefix ({@code encoder/spectral0/W}, {@code encoder/spatial1/W}); those names are checkpoint keys.
 */
package dev.dgc.encoders;
