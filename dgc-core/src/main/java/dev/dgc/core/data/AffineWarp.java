package dev.dgc.core.data;

import dev.dgc.api.sampling.Augmentation;

import java.util.Objects;

/**
 * The per-view augmentation of §2.5 (b, c): a random affine warp sampled bilinearly with reflection
 * at the borders, and a circular roll of the band axis. Both work on band-sequential buffers
 * ({@code [bands, rows, cols]}, row-major) and write into a separate destination.
 *
 * <p>The warp maps each OUTPUT location to the INPUT location it samples, in normalised coordinates
 * ({@code x, y ∈ [−1, 1]}, pixel centres at {@code (2j+1)/w − 1}, i.e. PyTorch's
 * {@code affine_grid}/{@code grid_sample} with {@code align_corners=false}):
 * {@code (xs, ys) = s·R(α)·(xo, yo) + (tx/(w/2), ty/(h/2))}, with
 * {@code R(α) = [[cos α, −sin α], [sin α, cos α]]}, α = {@link Augmentation#angleDegrees()} in
 * degrees, {@code tx} = {@link Augmentation#shiftX()} and {@code ty} = {@link Augmentation#shiftY()}
 * in pixels, s = {@link Augmentation#scale()} (s greater than 1 samples a larger area). The sampled
 * pixel coordinate is reflected about {@code [−0.5, n − 0.5]} (period {@code 2n}) and clipped to
 * {@code [0, n − 1]}; all bands share one grid. The sampler draws α symmetrically about 0, so the
 * sign of the rotation only matters for reproducing TV6, which uses exactly this matrix.
 *
 * <p>Stateless and thread-safe.
 */
public final class AffineWarp {

    private AffineWarp() {
    }

    /**
     * Warps every band of an image with one sampling grid.
     *
     * @param src   {@code bands·rows·cols} values, band-sequential
     * @param bands bands
     * @param rows  rows (h)
     * @param cols  columns (w)
     * @param a     the augmentation; only its warp is used (copying when it does not warp)
     * @param dst   destination of {@code bands·rows·cols} values, not {@code src}
     * @throws IllegalArgumentException if a buffer is too short or {@code dst} is {@code src}
     */
    public static void apply(float[] src, int bands, int rows, int cols, Augmentation a, float[] dst) {
        Objects.requireNonNull(a, "augmentation");
        int pixels = Math.multiplyExact(rows, cols);
        int size = Math.multiplyExact(bands, pixels);
        requireBuffers(src, dst, size);
        if (!a.warps()) {
            System.arraycopy(src, 0, dst, 0, size);
            return;
        }
        double alpha = Math.toRadians(a.angleDegrees());
        double s = a.scale();
        double a00 = s * Math.cos(alpha);
        double a01 = -s * Math.sin(alpha);
        double a10 = s * Math.sin(alpha);
        double a11 = s * Math.cos(alpha);
        double tx = a.shiftX() / (cols / 2.0);
        double ty = a.shiftY() / (rows / 2.0);
        for (int i = 0; i < rows; i++) {
            double yo = (2.0 * i + 1) / rows - 1;
            for (int j = 0; j < cols; j++) {
                double xo = (2.0 * j + 1) / cols - 1;
                double xs = a00 * xo + a01 * yo + tx;
                double ys = a10 * xo + a11 * yo + ty;
                double px = reflect(((xs + 1) * cols - 1) / 2, cols);
                double py = reflect(((ys + 1) * rows - 1) / 2, rows);
                int x0 = (int) Math.floor(px);
                int y0 = (int) Math.floor(py);
                double wx = px - x0;
                double wy = py - y0;
                // after clipping, x0 + 1 (or y0 + 1) lies outside only when its weight is exactly 0
                boolean right = x0 + 1 < cols;
                boolean below = y0 + 1 < rows;
                double w00 = (1 - wx) * (1 - wy);
                double w01 = wx * (1 - wy);
                double w10 = (1 - wx) * wy;
                double w11 = wx * wy;
                int p00 = y0 * cols + x0;
                int out = i * cols + j;
                for (int b = 0; b < bands; b++) {
                    int base = b * pixels + p00;
                    double v = w00 * src[base];
                    if (right) {
                        v += w01 * src[base + 1];
                    }
                    if (below) {
                        v += w10 * src[base + cols];
                        if (right) {
                            v += w11 * src[base + cols + 1];
                        }
                    }
                    dst[b * pixels + out] = (float) v;
                }
            }
        }
    }

    /** Reflects a pixel coordinate about [−0.5, n − 0.5] with period 2n, then clips it to [0, n − 1]. */
    static double reflect(double p, int n) {
        double d = Math.abs(p + 0.5);
        double k = Math.floor(d / n);
        double r = d - k * n;
        double q = k % 2 == 0 ? r - 0.5 : n - r - 0.5;
        return Math.min(Math.max(q, 0), n - 1);
    }

    /**
     * Rolls the band axis circularly: {@code out[c] = in[(c − k) mod C]} (the last bands reappear at
     * the start for k greater than 0).
     *
     * @param src    {@code bands·pixels} values, band-sequential
     * @param bands  C
     * @param pixels values per band
     * @param k      the shift, any integer
     * @param dst    destination of {@code bands·pixels} values, not {@code src}
     * @throws IllegalArgumentException if a buffer is too short or {@code dst} is {@code src}
     */
    public static void bandShift(float[] src, int bands, int pixels, int k, float[] dst) {
        bandShift(src, bands, pixels, k, dst, 0);
    }

    /**
     * {@link #bandShift(float[], int, int, int, float[])} into {@code dst} from {@code dstOffset} on,
     * so that one patch of a batch buffer can be written directly.
     *
     * @param src       {@code bands·pixels} values, band-sequential
     * @param bands     C
     * @param pixels    values per band
     * @param k         the shift, any integer
     * @param dst       destination, not {@code src}
     * @param dstOffset where the first written value goes
     * @throws IllegalArgumentException if a buffer is too short or {@code dst} is {@code src}
     */
    public static void bandShift(float[] src, int bands, int pixels, int k, float[] dst, int dstOffset) {
        int size = Math.multiplyExact(bands, pixels);
        if (src == dst) {
            throw new IllegalArgumentException("band shift needs a destination other than its source");
        }
        if (src.length < size || dstOffset < 0 || dst.length - dstOffset < size) {
            throw new IllegalArgumentException("band shift of " + bands + " bands × " + pixels + " pixels needs "
                    + size + " floats, found source " + src.length + " and destination " + dst.length
                    + " from offset " + dstOffset);
        }
        for (int c = 0; c < bands; c++) {
            System.arraycopy(src, Math.floorMod(c - k, bands) * pixels, dst, dstOffset + c * pixels, pixels);
        }
    }

    private static void requireBuffers(float[] src, float[] dst, int size) {
        if (src == dst) {
            throw new IllegalArgumentException("the warp needs a destination other than its source");
        }
        if (src.length < size || dst.length < size) {
            throw new IllegalArgumentException("the warp needs " + size + " floats, found source " + src.length
                    + " and destination " + dst.length);
        }
    }
}
