package dev.dgc.core.eval;

import java.util.Objects;

/**
 * The scores of one truth class after mapping clusters to classes. Ratios whose denominator is 0
 * (precision of a class nothing was mapped to) are NaN.
 *
 * @param value           the truth value
 * @param name            its name (from the truth's classes, else "class N")
 * @param truthPixels     labelled pixels of this class
 * @param predictedPixels labelled pixels whose cluster maps to this class
 * @param truePositives   pixels of this class whose cluster maps to it
 * @param iou             TP / (TP + FP + FN)
 * @param dice            the Dice coefficient 2TP / (2TP + FP + FN)
 * @param legacyDice      the reference's "Dice" 2TP / (TP + FP + FN) = 2·IoU (dgc-algorithm.md §14.12),
 *                        for comparison with its published numbers only
 * @param precision       TP / (TP + FP)
 * @param recall          TP / (TP + FN)
 * @param areaError       predicted minus true area, as fractions of the labelled pixels
 */
public record ClassScore(int value, String name, long truthPixels, long predictedPixels, long truePositives,
                         double iou, double dice, double legacyDice, double precision, double recall, double areaError) {

    /** Checks the counts. */
    public ClassScore {
        Objects.requireNonNull(name, "name");
        if (truthPixels < 0 || predictedPixels < 0 || truePositives < 0
                || truePositives > Math.min(truthPixels, predictedPixels)) {
            throw new IllegalArgumentException("inconsistent counts for class " + value + ": truth " + truthPixels
                    + ", predicted " + predictedPixels + ", true positives " + truePositives);
        }
    }
}
