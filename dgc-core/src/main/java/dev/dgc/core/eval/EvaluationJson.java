package dev.dgc.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Evaluation} as a JSON tree for {@link dev.dgc.core.io.Json#write}: the keys {@code oa,
 * kappa, nmi, ami, ari, miou, activeClusters, mapping, perClass} first, then the further measures.
 * NaN becomes null. Stateless.
 */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    /**
     * @param e the scores
     * @return the tree, keys in a fixed order
     */
    public static Map<String, Object> tree(Evaluation e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("oa", e.oa());
        o.put("kappa", e.kappa());
        o.put("nmi", e.nmi());
        o.put("ami", e.ami());
        o.put("ari", e.ari());
        o.put("miou", e.miou());
        o.put("activeClusters", e.activeClusters());
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("mode", e.mapping().mode().id());
        Map<String, Object> byCluster = new LinkedHashMap<>();
        for (int cluster : e.table().clusters()) {
            byCluster.put(Integer.toString(cluster), e.mapping().classByCluster().get(cluster));
        }
        mapping.put("clusterToClass", byCluster);
        o.put("mapping", mapping);
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassScore c : e.perClass()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", c.value());
            m.put("name", c.name());
            m.put("iou", c.iou());
            m.put("dice", c.dice());
            m.put("precision", c.precision());
            m.put("recall", c.recall());
            m.put("truthPixels", c.truthPixels());
            m.put("predictedPixels", c.predictedPixels());
            m.put("areaError", c.areaError());
            m.put("legacyDice", c.legacyDice());
            classes.add(m);
        }
        o.put("perClass", classes);
        o.put("meanDice", e.meanDice());
        o.put("legacyMeanDice", e.legacyMeanDice());
        o.put("areaRmse", e.areaRmse());
        o.put("nmiGeometric", e.nmiGeometric());
        o.put("clusterEntropy", e.clusterEntropy());
        o.put("truthEntropy", e.truthEntropy());
        o.put("mutualInformation", e.mutualInformation());
        o.put("expectedMutualInformation", e.expectedMutualInformation());
        o.put("variationOfInformation", e.variationOfInformation());
        o.put("labelledPixels", e.labelledPixels());
        o.put("unpredictedPixels", e.table().unpredicted());
        return o;
    }
}
