package dev.dgc.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.TreeMap;

/** Global gradient-norm clipping, PyTorch's {@code clip_grad_norm_} with the L2 norm (§7). Stateless. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Measures the L2 norm of all gradients together and, if it is too large, scales every gradient
     * by {@code maxNorm/(norm + 1e-6)} in place. As in PyTorch, scaling happens exactly when that
     * factor is below 1 (so a norm within 1e-6 under the limit is still scaled, very slightly). A
     * non-finite norm is returned without scaling, so the caller can see it and stop.
     *
     * @param grads   the gradients, by parameter name; scaled in place
     * @param maxNorm the limit; 0 or less measures only
     * @return the global norm before clipping, {@code sqrt(Σ ‖g‖²)}
     */
    public static double clipGlobalNorm(Map<String, INDArray> grads, double maxNorm) {
        Map<String, INDArray> sorted = new TreeMap<>(grads);
        double sq = 0;
        for (INDArray g : sorted.values()) {
            double n = g.norm2Number().doubleValue();
            sq += n * n;
        }
        double norm = Math.sqrt(sq);
        if (maxNorm > 0) {
            double factor = maxNorm / (norm + 1e-6);
            if (factor < 1) {
                for (INDArray g : sorted.values()) {
                    g.muli(factor);
                }
            }
        }
        return norm;
    }
}
