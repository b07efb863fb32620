package dev.dgc.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * AdamW (Loshchilov and Hutter, decoupled weight decay) with the semantics of PyTorch's
 * {@code torch.optim.AdamW} (no AMSGrad), the reference optimiser of §7. Per step, with
 * {@code t ← t + 1} and for every parameter p with gradient g:
 * <pre>
 *   p ← p·(1 − lr·wd)
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   p ← p − (lr/(1 − β1^t))·m / (√v/√(1 − β2^t) + ε)
 * </pre>
 * which is {@code p − lr·m̂/(√v̂ + ε)} with {@code m̂ = m/(1 − β1^t)}, {@code v̂ = v/(1 − β2^t)},
 * evaluated in PyTorch's order of operations. Arrays are updated in place in their own data type
 * (float32 in the engine); parameters are visited in sorted name order, so a run is reproducible.
 * The moments are created as zeros the first time a parameter is stepped.
 *
 * <p>Not thread-safe: one optimiser belongs to one training loop.
 */
public final class AdamW {

    private final OptimizerSettings settings;
    private final SortedMap<String, INDArray> first = new TreeMap<>();
    private final SortedMap<String, INDArray> second = new TreeMap<>();
    private long steps;

    /**
     * @param settings learning rate, decay, betas and ε
     */
    public AdamW(OptimizerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the settings */
    public OptimizerSettings settings() {
        return settings;
    }

    /**
     * One optimiser step over every parameter, in place.
     *
     * @param params the parameters by name; updated in place
     * @param grads  their gradients by the same names and shapes; only read
     * @throws IllegalArgumentException if the names differ or a gradient's shape differs from its
     *                                  parameter's, naming the parameter
     */
    public void step(Map<String, INDArray> params, Map<String, INDArray> grads) {
        if (!params.keySet().equals(grads.keySet())) {
            throw new IllegalArgumentException("every parameter needs exactly one gradient; parameters "
                    + new TreeMap<>(params).keySet() + ", gradients " + new TreeMap<>(grads).keySet());
        }
        SortedMap<String, INDArray> sorted = new TreeMap<>(params);
        for (Map.Entry<String, INDArray> e : sorted.entrySet()) {
            INDArray g = grads.get(e.getKey());
            if (!Arrays.equals(e.getValue().shape(), g.shape())) {
                throw new IllegalArgumentException("gradient of " + e.getKey() + " has shape " + Arrays.toString(g.shape())
                        + " but the parameter has " + Arrays.toString(e.getValue().shape()));
            }
        }
        steps++;
        double lr = settings.lr();
        double beta1 = settings.beta1();
        double beta2 = settings.beta2();
        double stepSize = lr / (1 - Math.pow(beta1, steps));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, steps));
        for (Map.Entry<String, INDArray> e : sorted.entrySet()) {
            String name = e.getKey();
            INDArray p = e.getValue();
            INDArray g = grads.get(name);
            INDArray m = first.computeIfAbsent(name, k -> Nd4j.zerosLike(p));
            INDArray v = second.computeIfAbsent(name, k -> Nd4j.zerosLike(p));
            p.muli(1 - lr * settings.weightDecay());
            m.muli(beta1).addi(g.mul(1 - beta1));
            v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
            INDArray denominator = Transforms.sqrt(v, true).divi(correction2).addi(settings.epsilon());
            p.subi(m.div(denominator).muli(stepSize));
        }
    }

    /** @return the number of steps taken (t), including those restored */
    public long steps() {
        return steps;
    }

    /** @return copies of the first moments m by parameter name, sorted; changing them changes nothing here */
    public Map<String, INDArray> firstMoments() {
        return copy(first);
    }

    /** @return copies of the second moments v by parameter name, sorted; changing them changes nothing here */
    public Map<String, INDArray> secondMoments() {
        return copy(second);
    }

    /**
     * Replaces the state with one saved from {@link #steps()}, {@link #firstMoments()} and
     * {@link #secondMoments()} (a checkpoint); the arrays are copied.
     *
     * @param steps the step count t
     * @param m     first moments by parameter name
     * @param v     second moments by the same names and shapes
     * @throws IllegalArgumentException if {@code steps} is negative, the names differ or a shape differs
     */
    public void restore(long steps, Map<String, INDArray> m, Map<String, INDArray> v) {
        if (steps < 0) {
            throw new IllegalArgumentException("optimiser step count must be non-negative, found " + steps);
        }
        if (!m.keySet().equals(v.keySet())) {
            throw new IllegalArgumentException("first and second moments must name the same parameters, found "
                    + new TreeMap<>(m).keySet() + " and " + new TreeMap<>(v).keySet());
        }
        for (Map.Entry<String, INDArray> e : m.entrySet()) {
            if (!Arrays.equals(e.getValue().shape(), v.get(e.getKey()).shape())) {
                throw new IllegalArgumentException("moments of " + e.getKey() + " have different shapes "
                        + Arrays.toString(e.getValue().shape()) + " and " + Arrays.toString(v.get(e.getKey()).shape()));
            }
        }
        first.clear();
        second.clear();
        first.putAll(copy(m));
        second.putAll(copy(v));
        this.steps = steps;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> arrays) {
        SortedMap<String, INDArray> out = new TreeMap<>();
        arrays.forEach((k, a) -> out.put(k, a.dup()));
        return Collections.unmodifiableSortedMap(out);
    }
}
