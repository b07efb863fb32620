package dev.dgc.core.nn;

import dev.dgc.api.cube.Window;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.StepInput;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.core.train.LossTerm;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.ModelSpec;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The whole DGC training network for a fixed batch of B patch pairs of h×w pixels: the encoder plugin,
 * the mean-shift (§4.1), the soft assignment (§4.2) and every loss term (§5), each term's scalar
 * times its weight, and their sum. Both views pass through the encoder as ONE batch of 2B patches
 * (view 0's B patches, then view 1's), so the encoder exists once and both views share its weights.
 * Loss weights are placeholders, so schedules need no rebuild; the graphs are built once per run.
 * Pruning (§6.3) keeps K too: a {@link #CENTROID_MASK} placeholder added to the assignment's logits
 * gives a {@linkplain #setPruned pruned} centroid p = 0 exactly; with none pruned the mask is all
 * zeros and every value is the same as without it. A term that reads the centroids directly (the
 * orthogonality) still sees the pruned rows.
 *
 * <p>It is three stages, because the mean-shift's k²·T small ops made SameDiff's backward dominate a
 * step: a SameDiff graph for the encoder (input → e), the {@link LocalMeanShift} in plain Java
 * (e → z, with its exact backward), and a SameDiff graph for the assignment and the loss terms, in
 * which e and z are variables whose values are set each step. A backward pass chains them: the loss
 * graph gives dL/de (direct) and dL/dz, the mean-shift turns dL/dz into more dL/de and dL/dσ, and the
 * encoder graph back-propagates the total dL/de as the gradient of {@code sum(e ⊙ G)} with G fed.
 *
 * <p>Parameter names are stable (checkpoints rely on them): the encoder's under {@code encoder/},
 * θ (a Java-side scalar) as {@code meanShift/theta}, the centroids as {@code centroids}. Not thread-safe.
 */
public final class DgcGraph {

    /** The patch batch placeholder, {@code [2B, C, h, w]}. */
    public static final String INPUT = "input";
    /** The centroid matrix {@code [K, D]}: a variable when trained by gradient, else a placeholder. */
    public static final String CENTROIDS = "centroids";
    /** Prefix of the encoder's variables. */
    public static final String ENCODER_PREFIX = "encoder/";
    /** Prefix of the mean-shift's variables; θ is {@code meanShift/theta}. */
    public static final String MEAN_SHIFT_PREFIX = "meanShift/";
    /**
     * The per-centroid logit offset {@code [K]}, fed by {@link #feeds} from {@link #pruned()}: 0 for
     * a live centroid, {@link SoftAssignment#MASKED} for a pruned one, whose p is then exactly 0.
     */
    public static final String CENTROID_MASK = "centroidMask";
    /** The weighted total loss. */
    public static final String TOTAL = "loss/total";

    private static final String LOSS_PREFIX = "loss/";
    private static final String WEIGHT_PREFIX = "weight/";
    private static final String OVERLAP_PREFIX = "overlap/";
    private static final String OVERLAP_WEIGHTS = OVERLAP_PREFIX + "weights";
    private static final String PROBABILITIES = "probabilities";
    private static final String THETA = MEAN_SHIFT_PREFIX + "theta";
    /** The encoder graph's upstream gradient placeholder G and its scalar {@code sum(e ⊙ G)}. */
    private static final String EMBEDDING_GRADIENT = "embeddingGradient";
    private static final String ENCODER_OBJECTIVE = "encoderObjective";
    /** The loss graph's variables holding e and z of the step. */
    private static final String EMBEDDINGS = "embeddings";
    private static final String SHIFTED = "shifted";

    private final SameDiff encoderGraph = SameDiff.create();
    private final SameDiff sd = SameDiff.create();
    private final ModelSpec model;
    private final List<LossTerm> terms;
    private final boolean centroidsTrainable;
    private final int batch;
    private final int rows;
    private final int cols;
    private final DataType type;
    private final int dim;
    private final Map<String, StepInputSpec> stepInputs = new LinkedHashMap<>();
    private final SDVariable encoderOutput;
    private final SDVariable embeddingVariable;
    private final SDVariable shiftedVariable;
    private final LocalMeanShift meanShift;
    private final INDArray theta;
    private final boolean thetaTrainable;
    private final SDVariable centroidVariable;
    private final List<String> encoderParameters;
    private final List<String> lossGraphGradients;
    private final List<String> trainable;
    private boolean overlapUsed;
    private INDArray centroidValue;
    private boolean[] pruned;
    private INDArray maskValue;
    /** The last mean-shift pass, whose buffers the next one reuses. */
    private LocalMeanShift.Pass pass;
    private final StepBuffers buffers;

    /** Arrays of one step's size, reused by every step so that a step allocates no map-sized Java array. */
    private static final class StepBuffers {
        final double[] embeddings;
        final double[] shifted;
        final double[] upstream;
        final double[] direct;
        final double[] embeddingGradient;
        final INDArray encoderUpstream;

        StepBuffers(DataType type, long[] shape) {
            int n = Math.toIntExact(shape[0] * shape[1] * shape[2] * shape[3]);
            embeddings = new double[n];
            shifted = new double[n];
            upstream = new double[n];
            direct = new double[n];
            embeddingGradient = new double[n];
            encoderUpstream = Nd4j.zeros(type, shape);
        }
    }

    private record StepInputSpec(DataType type, long[] shape, StepInput values) {
    }

    /**
     * Builds the graph.
     *
     * @param model              encoder, K, τ and mean-shift
     * @param terms              the loss terms, in config order, with distinct ids
     * @param centroidsTrainable whether the centroids are a trainable variable (reference) or a constant fed each step
     * @param batch              B, patch pairs per step
     * @param rows               h
     * @param cols               w
     * @param type               the floating-point type of every tensor (FLOAT for training, DOUBLE for checks)
     * @param init               the encoder's initialisation stream
     * @param centroids          the initial centroids {@code [K, D]}
     * @throws IllegalArgumentException when the centroid shape or the term ids do not fit
     */
    public DgcGraph(ModelSpec model, List<LossTerm> terms, boolean centroidsTrainable, int batch, int rows, int cols,
                    DataType type, SplittableRandom init, INDArray centroids) {
        this.model = Objects.requireNonNull(model, "model");
        this.terms = List.copyOf(terms);
        this.centroidsTrainable = centroidsTrainable;
        this.batch = batch;
        this.rows = rows;
        this.cols = cols;
        this.type = type;
        this.dim = model.encoder().embeddingDim(model.encoderParams());
        if (batch < 1 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("invalid graph size: batch " + batch + ", patch " + rows + "×" + cols);
        }
        requireCentroidShape(centroids);
        if (this.terms.stream().map(LossTerm::id).distinct().count() != this.terms.size()) {
            throw new IllegalArgumentException("loss term ids must be distinct, found " + this.terms.stream().map(LossTerm::id).toList());
        }
        this.centroidValue = centroids.castTo(type).dup('c');

        long[] mapShape = {2L * batch, dim, rows, cols};
        this.buffers = new StepBuffers(type, mapShape);
        SDVariable input = encoderGraph.placeHolder(INPUT, type, 2L * batch, model.bands(), rows, cols);
        this.encoderOutput = model.encoder().build(
                new EncoderGraph(encoderGraph, input, model.bands(), init, ENCODER_PREFIX), model.encoderParams());
        TreeSet<String> encoderNames = new TreeSet<>();
        encoderGraph.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).forEach(v -> encoderNames.add(v.name()));
        this.encoderParameters = List.copyOf(encoderNames);
        if (!encoderParameters.isEmpty()) {
            encoderGraph.sum(ENCODER_OBJECTIVE, encoderOutput.mul(encoderGraph.placeHolder(EMBEDDING_GRADIENT, type, mapShape)))
                    .markAsLoss();
            createGradientFunctionQuietly(encoderGraph);
        }

        MeanShiftSettings shiftSettings = model.meanShift();
        this.meanShift = new LocalMeanShift(2 * batch, dim, rows, cols, shiftSettings.window(), shiftSettings.iterations());
        this.theta = Nd4j.scalar(LocalMeanShift.thetaFor(shiftSettings.bandwidth())).castTo(type);
        // with no iteration σ reaches nothing, and a parameter without gradient would stall the optimiser
        this.thetaTrainable = shiftSettings.learnBandwidth() && shiftSettings.iterations() > 0;

        this.embeddingVariable = sd.var(EMBEDDINGS, Nd4j.zeros(type, mapShape));
        this.shiftedVariable = sd.var(SHIFTED, Nd4j.zeros(type, mapShape));
        this.centroidVariable = centroidsTrainable
                ? sd.var(CENTROIDS, centroidValue.dup())
                : sd.placeHolder(CENTROIDS, type, model.clusters(), dim);
        long m = (long) batch * rows * cols;
        SDVariable allEmbeddings = pixelRows(embeddingVariable);
        SDVariable allShifted = pixelRows(shiftedVariable);
        SDVariable probabilities = SoftAssignment.build(sd, PROBABILITIES, allShifted, centroidVariable, model.temperature(),
                sd.placeHolder(CENTROID_MASK, type, model.clusters()));
        setPruned(new boolean[model.clusters()]);
        SDVariable[] e = {viewRows(allEmbeddings, 0, m), viewRows(allEmbeddings, 1, m)};
        SDVariable[] z = {viewRows(allShifted, 0, m), viewRows(allShifted, 1, m)};
        SDVariable[] p = {viewRows(probabilities, 0, m), viewRows(probabilities, 1, m)};

        SDVariable total = null;
        for (LossTerm term : this.terms) {
            SDVariable value = term.provider().build(new Context(term.id(), e, z, p, m), term.params());
            SDVariable named = sd.identity(LOSS_PREFIX + term.id(), value);
            SDVariable weighted = named.mul(sd.placeHolder(WEIGHT_PREFIX + term.id(), type));
            total = total == null ? weighted : total.add(weighted);
        }
        if (total == null) {
            throw new IllegalArgumentException("training needs at least one loss term, found none");
        }
        sd.identity(TOTAL, total).markAsLoss();
        createGradientFunctionQuietly(sd);
        this.lossGraphGradients = centroidsTrainable ? List.of(EMBEDDINGS, SHIFTED, CENTROIDS) : List.of(EMBEDDINGS, SHIFTED);
        TreeSet<String> names = new TreeSet<>(encoderParameters);
        if (centroidsTrainable) {
            names.add(CENTROIDS);
        }
        if (thetaTrainable) {
            names.add(THETA);
        }
        this.trainable = List.copyOf(names);
    }

    /**
     * Builds a backward graph now rather than at the first step. ND4J 1.0.0-M2.1 prints one line per
     * differentiated op to {@code System.out} while doing so, which would bury the run's progress
     * output; the stream is muted for that call only.
     */
    private static void createGradientFunctionQuietly(SameDiff sd) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }

    /** {@code [N, D, h, w]} to {@code [N·h·w, D]} in (n, y, x) order. */
    private SDVariable pixelRows(SDVariable map) {
        return sd.reshape(sd.permute(map, 0, 2, 3, 1), -1, dim);
    }

    private SDVariable viewRows(SDVariable all, int view, long m) {
        return all.get(SDIndex.interval(view * m, (view + 1) * m));
    }

    /**
     * The placeholder values of one step.
     *
     * @param patches  {@code [2B, C, h, w]}: view 0's patches of the pairs in order, then view 1's
     * @param pairs    the B pairs the patches came from (their overlap feeds the overlap indices)
     * @param weights  each term's weight at this step, by term id
     * @param streams  the random stream of a step input, by its namespaced name ({@code <termId>/<name>})
     * @return the feeds for {@link #gradients} and {@link #forward}
     * @throws IllegalStateException when a term needs the overlap and a pair warps its views
     */
    public Map<String, INDArray> feeds(INDArray patches, List<PatchPair> pairs, Map<String, Double> weights,
                                       Function<String, SplittableRandom> streams) {
        if (pairs.size() != batch) {
            throw new IllegalArgumentException("the graph takes " + batch + " pairs per step, found " + pairs.size());
        }
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(INPUT, patches.castTo(type));
        for (LossTerm term : terms) {
            Double weight = weights.get(term.id());
            if (weight == null) {
                throw new IllegalArgumentException("no weight given for loss term '" + term.id() + "'");
            }
            feeds.put(WEIGHT_PREFIX + term.id(), Nd4j.scalar(weight).castTo(type));
        }
        stepInputs.forEach((name, spec) -> feeds.put(name, spec.values().next(streams.apply(name))));
        if (!centroidsTrainable) {
            feeds.put(CENTROIDS, centroidValue);
        }
        feeds.put(CENTROID_MASK, maskValue);
        if (overlapUsed) {
            putOverlap(feeds, pairs);
        }
        return feeds;
    }

    private void putOverlap(Map<String, INDArray> feeds, List<PatchPair> pairs) {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        long pixels = (long) rows * cols;
        for (int b = 0; b < pairs.size(); b++) {
            PatchPair pair = pairs.get(b);
            if (pair.firstAugmentation().warps() || pair.secondAugmentation().warps()) {
                throw new IllegalStateException("a loss term compares the overlap of the two views, but pair " + b
                        + " is spatially warped, so its pixels do not correspond; configure the sampler with 'affine: false'");
            }
            Optional<PatchPair.Overlap> overlap = pair.overlap();
            if (overlap.isEmpty()) {
                continue;
            }
            addIndices(first, b * pixels, overlap.get().inFirst());
            addIndices(second, b * pixels, overlap.get().inSecond());
        }
        int shared = first.size();
        long total = (long) pairs.size() * pixels;
        feeds.put(OVERLAP_PREFIX + 0, Nd4j.createFromArray(permutation(first, total)));
        feeds.put(OVERLAP_PREFIX + 1, Nd4j.createFromArray(permutation(second, total)));
        double[] w = new double[Math.toIntExact(total)];
        java.util.Arrays.fill(w, 0, shared, 1.0);
        feeds.put(OVERLAP_WEIGHTS, Nd4j.createFromArray(w).castTo(type));
    }

    /** The shared rows in order, then every other row of the view in ascending order: a permutation of 0…total−1. */
    private static long[] permutation(List<Long> shared, long total) {
        long[] out = new long[Math.toIntExact(total)];
        boolean[] taken = new boolean[out.length];
        int n = 0;
        for (long r : shared) {
            out[n++] = r;
            taken[(int) r] = true;
        }
        for (int r = 0; r < out.length; r++) {
            if (!taken[r]) {
                out[n++] = r;
            }
        }
        return out;
    }

    private void addIndices(List<Long> out, long base, Window w) {
        for (int y = w.row(); y < w.endRow(); y++) {
            for (int x = w.col(); x < w.endCol(); x++) {
                out.add(base + (long) y * cols + x);
            }
        }
    }

    /**
     * One backward pass of the weighted total loss.
     *
     * @param feeds from {@link #feeds}
     * @return the gradient of every {@linkplain #parameterNames() parameter}, by name (zeros where the loss does not depend on it)
     */
    public Map<String, INDArray> gradients(Map<String, INDArray> feeds) {
        INDArray input = input(feeds);
        LocalMeanShift.Pass pass = shift(input);
        Map<String, INDArray> lossGradients = sd.calculateGradients(lossFeeds(feeds), lossGraphGradients);
        double[] embeddingGradient = buffers.embeddingGradient;
        copy(orZeros(lossGradients.get(SHIFTED), shiftedVariable), buffers.upstream);
        double bandwidthGradient = pass.backward(buffers.upstream, embeddingGradient);
        copy(orZeros(lossGradients.get(EMBEDDINGS), embeddingVariable), buffers.direct);
        double[] direct = buffers.direct;
        for (int i = 0; i < embeddingGradient.length; i++) {
            embeddingGradient[i] += direct[i];
        }
        Map<String, INDArray> encoderGradients = Map.of();
        if (!encoderParameters.isEmpty()) {
            INDArray upstream = buffers.encoderUpstream;
            copy(embeddingGradient, upstream);
            encoderGradients = encoderGraph.calculateGradients(Map.of(INPUT, input, EMBEDDING_GRADIENT, upstream), encoderParameters);
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : trainable) {
            INDArray g;
            if (name.equals(THETA)) {
                g = Nd4j.scalar(bandwidthGradient * LocalMeanShift.sigmoid(theta())).castTo(type);
            } else if (name.equals(CENTROIDS)) {
                g = lossGradients.get(CENTROIDS);
            } else {
                g = encoderGradients.get(name);
            }
            out.put(name, g != null ? g : Nd4j.zeros(type, parameter(name).shape()));
        }
        return out;
    }

    /**
     * Each loss term's unweighted gradient norm with respect to the embeddings the loss stage reads,
     * e and z jointly: {@code ‖(∂L_t/∂e, ∂L_t/∂z)‖₂}, one backward pass of the loss stage per term
     * (the encoder and the mean-shift are not run again). A term that reads only the centroids has
     * norm 0. Valid right after {@link #gradients} or {@link #forward} with the same feeds, whose
     * e and z it reuses; dynamic loss balancing uses it.
     *
     * @param feeds the step's feeds, as given to {@link #gradients}
     * @return term id → norm, in term order
     */
    public Map<String, Double> termGradientNorms(Map<String, INDArray> feeds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LossTerm term : terms) {
            Map<String, INDArray> one = lossFeeds(feeds);
            for (LossTerm other : terms) {
                one.put(WEIGHT_PREFIX + other.id(), Nd4j.scalar(other == term ? 1.0 : 0.0).castTo(type));
            }
            Map<String, INDArray> g = sd.calculateGradients(one, List.of(EMBEDDINGS, SHIFTED));
            double sq = 0;
            for (String name : List.of(EMBEDDINGS, SHIFTED)) {
                INDArray a = g.get(name);
                if (a != null) {
                    double n = a.norm2Number().doubleValue();
                    sq += n * n;
                }
            }
            out.put(term.id(), Math.sqrt(sq));
        }
        return out;
    }

    private static INDArray input(Map<String, INDArray> feeds) {
        INDArray input = feeds.get(INPUT);
        if (input == null) {
            throw new IllegalArgumentException("the feeds lack '" + INPUT + "'; build them with feeds(...)");
        }
        return input;
    }

    /** Runs the encoder and the mean-shift and puts e and z into the loss graph's variables. */
    private LocalMeanShift.Pass shift(INDArray input) {
        INDArray e = encoderGraph.output(Map.of(INPUT, input), encoderOutput.name()).get(encoderOutput.name());
        copy(e, buffers.embeddings);
        pass = meanShift.forward(buffers.embeddings, bandwidth(), pass);
        embeddingVariable.getArr().assign(e);
        pass.shifted(buffers.shifted);
        copy(buffers.shifted, shiftedVariable.getArr());
        return pass;
    }

    /**
     * Copies a map into a Java array, without the intermediate copies a cast and {@code data().asDouble()} make.
     *
     * @param from a {@code [2B, D, h, w]} array of the graph's type
     * @param to   as many values, row-major
     */
    private void copy(INDArray from, double[] to) {
        INDArray c = from.isView() || from.ordering() != 'c' || from.dataType() != type ? from.castTo(type).dup('c') : from;
        if (type == DataType.DOUBLE) {
            c.data().asNioDouble().get(0, to, 0, to.length);
        } else {
            java.nio.FloatBuffer values = c.data().asNioFloat();
            for (int i = 0; i < to.length; i++) {
                to[i] = values.get(i);
            }
        }
    }

    /**
     * Writes a Java array into a map of the graph's type in place.
     *
     * @param from the values, row-major
     * @param to   a {@code [2B, D, h, w]} array of the graph's type that owns its buffer (not a view)
     */
    private void copy(double[] from, INDArray to) {
        if (type == DataType.DOUBLE) {
            to.data().asNioDouble().put(0, from, 0, from.length);
        } else {
            java.nio.FloatBuffer values = to.data().asNioFloat();
            for (int i = 0; i < from.length; i++) {
                values.put(i, (float) from[i]);
            }
        }
    }

    /** The feeds without the encoder's input, which the loss graph does not hold. */
    private static Map<String, INDArray> lossFeeds(Map<String, INDArray> feeds) {
        Map<String, INDArray> out = new HashMap<>(feeds);
        out.remove(INPUT);
        return out;
    }

    private INDArray orZeros(INDArray gradient, SDVariable of) {
        return gradient != null ? gradient : Nd4j.zeros(type, of.getShape());
    }

    /**
     * What a no-gradient forward pass computed.
     *
     * @param losses        each term's unweighted value, by term id in config order
     * @param total         the weighted total
     * @param shifted       z as {@code [2B, D, h, w]}, row-major
     * @param probabilities p as {@code [2B·h·w, K]}, row-major, rows in (patch, y, x) order
     */
    public record Forward(Map<String, Double> losses, double total, float[] shifted, float[] probabilities) {
    }

    /**
     * A forward pass without gradients.
     *
     * @param feeds from {@link #feeds}
     * @return losses, z and p
     */
    public Forward forward(Map<String, INDArray> feeds) {
        shift(input(feeds));
        List<String> outputs = new ArrayList<>();
        terms.forEach(t -> outputs.add(LOSS_PREFIX + t.id()));
        outputs.add(TOTAL);
        outputs.add(PROBABILITIES);
        Map<String, INDArray> out = sd.output(lossFeeds(feeds), outputs.toArray(String[]::new));
        Map<String, Double> losses = new LinkedHashMap<>();
        terms.forEach(t -> losses.put(t.id(), out.get(LOSS_PREFIX + t.id()).getDouble(0)));
        return new Forward(losses, out.get(TOTAL).getDouble(0), floats(shiftedVariable.getArr()), floats(out.get(PROBABILITIES)));
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** @return the names of the parameters the optimiser updates, sorted */
    public List<String> parameterNames() {
        return trainable;
    }

    /**
     * The live value of a trainable parameter or of θ; writes to it change the graph.
     *
     * @param name a name from {@link #parameterNames()} or {@code meanShift/theta}
     * @return the array
     */
    public INDArray parameter(String name) {
        if (name.equals(THETA)) {
            return theta;
        }
        if (encoderParameters.contains(name)) {
            return encoderGraph.getVariable(name).getArr();
        }
        if (name.equals(CENTROIDS) && centroidsTrainable) {
            return centroidVariable.getArr();
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in the graph; known: " + trainable);
    }

    /**
     * Replaces a parameter's value (used when a checkpoint is loaded).
     *
     * @param name  a name from {@link #parameterNames()} or {@code meanShift/theta}
     * @param value the new value, of the parameter's shape
     */
    public void setParameter(String name, INDArray value) {
        INDArray target = parameter(name);
        if (!java.util.Arrays.equals(target.shape(), value.shape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + java.util.Arrays.toString(target.shape())
                    + ", the new value " + java.util.Arrays.toString(value.shape()));
        }
        target.assign(value.castTo(type));
    }

    /** @return θ, the bandwidth's softplus argument */
    public double theta() {
        return theta.getDouble(0);
    }

    /**
     * Replaces θ, whether it is trained or constant.
     *
     * @param value θ
     */
    public void setTheta(double value) {
        theta.assign(value);
    }

    /** @return σ = softplus(θ) */
    public double bandwidth() {
        return LocalMeanShift.softplus(theta());
    }

    /** @return a copy of the centroids {@code [K, D]} */
    public INDArray centroids() {
        return centroidsTrainable ? centroidVariable.getArr().dup() : centroidValue.dup();
    }

    /**
     * Replaces the centroids (after the EMA of §6, or from a checkpoint).
     *
     * @param centroids {@code [K, D]}
     */
    public void setCentroids(INDArray centroids) {
        requireCentroidShape(centroids);
        if (centroidsTrainable) {
            centroidVariable.getArr().assign(centroids.castTo(type));
        } else {
            centroidValue = centroids.castTo(type).dup('c');
        }
    }

    /** @return a copy of which centroids are pruned, by index; none after construction */
    public boolean[] pruned() {
        return pruned.clone();
    }

    /**
     * Sets which centroids are pruned (§6.3): from the next {@link #feeds} on their assignment p is
     * exactly 0, and so is every gradient through it. The graph keeps its K; a pruned centroid stays
     * in {@link #centroids()}.
     *
     * @param flags per centroid, whether it is pruned
     * @throws IllegalArgumentException when there are not K flags, or fewer than one centroid would stay live
     */
    public void setPruned(boolean[] flags) {
        if (flags.length != model.clusters()) {
            throw new IllegalArgumentException("expected " + model.clusters() + " pruned flags, found " + flags.length);
        }
        double[] mask = new double[flags.length];
        int live = 0;
        for (int k = 0; k < flags.length; k++) {
            mask[k] = flags[k] ? SoftAssignment.MASKED : 0;
            live += flags[k] ? 0 : 1;
        }
        if (live < 1) {
            throw new IllegalArgumentException("at least one centroid must stay live, but all " + flags.length + " are pruned");
        }
        this.pruned = flags.clone();
        this.maskValue = Nd4j.createFromArray(mask).castTo(type);
    }

    private void requireCentroidShape(INDArray centroids) {
        if (centroids.rank() != 2 || centroids.size(0) != model.clusters() || centroids.size(1) != dim) {
            throw new IllegalArgumentException("centroids must be [" + model.clusters() + ", " + dim + "], found "
                    + java.util.Arrays.toString(centroids.shape()));
        }
    }

    /** @return the embedding dimension D */
    public int embeddingDim() {
        return dim;
    }

    /** @return the loss graph (assignment and loss terms), for inspection in tests */
    SameDiff sameDiff() {
        return sd;
    }

    /** The tensors of the step as one term sees them; step-input names are namespaced by the term's id. */
    private final class Context implements LossContext {
        private final String termId;
        private final SDVariable[] e;
        private final SDVariable[] z;
        private final SDVariable[] p;
        private final long m;

        Context(String termId, SDVariable[] e, SDVariable[] z, SDVariable[] p, long m) {
            this.termId = termId;
            this.e = e;
            this.z = z;
            this.p = p;
            this.m = m;
        }

        @Override
        public SameDiff sameDiff() {
            return sd;
        }

        @Override
        public SDVariable embeddings(int view) {
            return e[view];
        }

        @Override
        public SDVariable shifted(int view) {
            return z[view];
        }

        @Override
        public SDVariable probabilities(int view) {
            return p[view];
        }

        @Override
        public SDVariable centroids() {
            return centroidVariable;
        }

        @Override
        public Optional<SDVariable> overlapIndices(int view) {
            declareOverlap();
            return Optional.of(sd.getVariable(OVERLAP_PREFIX + view));
        }

        @Override
        public Optional<SDVariable> overlapWeights() {
            declareOverlap();
            return Optional.of(sd.getVariable(OVERLAP_WEIGHTS));
        }

        /** Fixed shapes: a shape that changed every step made native caches grow without bound. */
        private void declareOverlap() {
            if (!overlapUsed) {
                sd.placeHolder(OVERLAP_PREFIX + 0, DataType.INT64, m);
                sd.placeHolder(OVERLAP_PREFIX + 1, DataType.INT64, m);
                sd.placeHolder(OVERLAP_WEIGHTS, type, m);
                overlapUsed = true;
            }
        }

        @Override
        public int clusters() {
            return model.clusters();
        }

        @Override
        public long pixelsPerView() {
            return m;
        }

        @Override
        public SDVariable stepInput(String name, DataType inputType, long[] shape, StepInput values) {
            String full = termId + "/" + name;
            if (stepInputs.containsKey(full)) {
                throw new IllegalArgumentException("loss term '" + termId + "' declared step input '" + name + "' twice");
            }
            stepInputs.put(full, new StepInputSpec(inputType, shape.clone(), values));
            return sd.placeHolder(full, inputType, shape);
        }
    }
}
