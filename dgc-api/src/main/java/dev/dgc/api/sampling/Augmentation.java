package dev.dgc.api.sampling;

/**
 * How one view is transformed after cropping (§2.5 b, c): an affine warp about the patch centre,
 * then a circular shift of the band axis.
 *
 * @param angleDegrees rotation, degrees
 * @param shiftX       translation along columns, pixels
 * @param shiftY       translation along rows, pixels
 * @param scale        scale factor (greater than 1 samples a larger area)
 * @param bandShift    circular band roll k: {@code out[c] = in[(c − k) mod C]}
 */
public record Augmentation(double angleDegrees, double shiftX, double shiftY, double scale, int bandShift) {

    /** No warp, no band shift. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 1, 0);

    /** Rejects non-finite values and non-positive scales. */
    public Augmentation {
        if (!Double.isFinite(angleDegrees) || !Double.isFinite(shiftX) || !Double.isFinite(shiftY)) {
            throw new IllegalArgumentException("augmentation values must be finite");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, found " + scale);
        }
    }

    /**
     * @return whether the view is spatially warped (which breaks pixel correspondence)
     */
    public boolean warps() {
        return angleDegrees != 0 || shiftX != 0 || shiftY != 0 || scale != 1;
    }
}
