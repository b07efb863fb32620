package dev.dgc.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * The scores of one prediction against its truth (dgc-algorithm.md §9, with the reference's bugs of
 * §14.12–13 fixed). All metrics are over the labelled pixels that have a prediction ({@link
 * ContingencyTable#total()}). The information measures (entropies, MI, NMI, AMI, ARI, VI) compare
 * the clusters with the truth classes directly and do not depend on the mapping; the others are
 * computed after mapping clusters to classes. Entropies are in nats. Immutable.
 *
 * @param table                  truth class × cluster counts
 * @param mapping                the cluster → class mapping used
 * @param activeClusters         distinct clusters predicted anywhere in the map (not only on labelled pixels)
 * @param oa                     overall accuracy: mapped pixels equal to the truth / labelled pixels
 * @param kappa                  Cohen's kappa of the mapped prediction, NaN when chance agreement is 1
 * @param nmi                    normalised mutual information, arithmetic: 2·MI / (H(P) + H(T))
 * @param nmiGeometric           the reference's NMI, MI / sqrt(H(P)·H(T)), clamped to [0, 1]
 * @param ami                    adjusted mutual information (arithmetic mean, hypergeometric expected MI)
 * @param ari                    adjusted Rand index
 * @param miou                   mean IoU over the truth classes
 * @param meanDice               mean true Dice over the truth classes
 * @param legacyMeanDice         the reference's mean "Dice" (2·IoU), for comparison with its numbers only
 * @param areaRmse               root mean square of the per-class area errors (fractions)
 * @param clusterEntropy         H(P) of the clusters on the labelled pixels
 * @param truthEntropy           H(T) of the truth classes
 * @param mutualInformation      MI(P, T)
 * @param expectedMutualInformation the mean MI of random tables with the same margins (hypergeometric
 *                               model), the chance level AMI subtracts
 * @param variationOfInformation H(P) + H(T) − 2·MI
 * @param perClass               one entry per truth class, ascending by value (the table's rows)
 */
public record Evaluation(ContingencyTable table, ClusterMapping mapping, int activeClusters,
                         double oa, double kappa, double nmi, double nmiGeometric, double ami, double ari,
                         double miou, double meanDice, double legacyMeanDice, double areaRmse,
                         double clusterEntropy, double truthEntropy, double mutualInformation, double expectedMutualInformation,
                         double variationOfInformation, List<ClassScore> perClass) {

    /** Copies the class list and checks it matches the table. */
    public Evaluation {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mapping, "mapping");
        perClass = List.copyOf(perClass);
        if (perClass.size() != table.classes().length) {
            throw new IllegalArgumentException(perClass.size() + " class scores for " + table.classes().length + " truth classes");
        }
    }

    /**
     * @return labelled pixels scored
     */
    public long labelledPixels() {
        return table.total();
    }
}
