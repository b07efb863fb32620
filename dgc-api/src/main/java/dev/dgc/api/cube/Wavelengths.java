package dev.dgc.api.cube;

import java.util.List;

/**
 * Band centre wavelengths and full widths at half maximum, always in nanometres (readers convert
 * micrometres and other units). Either list may be empty when the file does not say.
 *
 * @param centersNm band centres, one per band, or empty
 * @param fwhmNm    band widths, one per band, or empty
 */
public record Wavelengths(List<Double> centersNm, List<Double> fwhmNm) {

    /** No spectral information. */
    public static final Wavelengths NONE = new Wavelengths(List.of(), List.of());

    /** Copies the lists; rejects non-finite or non-positive values. */
    public Wavelengths {
        centersNm = List.copyOf(centersNm);
        fwhmNm = List.copyOf(fwhmNm);
        for (double d : centersNm) {
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("wavelength must be a positive number of nanometres, found " + d);
            }
        }
    }

    /**
     * @return whether band centres are known
     */
    public boolean known() {
        return !centersNm.isEmpty();
    }

    /**
     * Checks the lists against the band count.
     *
     * @param bands number of bands of the cube
     * @throws IllegalArgumentException if a non-empty list has another length
     */
    public void requireBands(int bands) {
        if (!centersNm.isEmpty() && centersNm.size() != bands) {
            throw new IllegalArgumentException(centersNm.size() + " wavelengths for " + bands + " bands");
        }
        if (!fwhmNm.isEmpty() && fwhmNm.size() != bands) {
            throw new IllegalArgumentException(fwhmNm.size() + " fwhm values for " + bands + " bands");
        }
    }
}
