package dev.dgc.core.train;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.data.PatchExtractor;
import dev.dgc.core.model.ModelReader;
import dev.dgc.core.model.ModelWriter;
import dev.dgc.core.model.SavedModel;
import dev.dgc.core.nn.DgcGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains one DGC model (§7 of dgc-algorithm.md). Per step s: plan B patch pairs (pair index
 * {@code (s−1)·B + i}), cut and normalise both views, one backward pass of the weighted total loss,
 * global gradient-norm clipping, AdamW, a second no-gradient forward with the new weights whose losses
 * are reported and whose z and p feed the centroid memory (EMA and kicks), then the centroids are
 * replaced. With {@link CentroidSettings#pruneFraction()} above 0, centroids that keep a low mass for
 * a whole epoch are pruned by masking (rule on {@link CentroidSettings}): K stays fixed in the graph,
 * a pruned centroid gets p = 0 exactly and is frozen, and the model lists it under
 * {@value #PRUNED_CENTROIDS}. Checkpoints go to {@code <runDir>/checkpoints}, the final model to
 * {@code <runDir>/model}.
 *
 * <p>Every random draw comes from a stream derived from the root seed, a component and the step or
 * pair number (never from a shared sequential stream), so two runs with equal settings are equal bit
 * for bit, and a resumed run continues exactly as an uninterrupted one. One instance runs one
 * training; not thread-safe.
 */
public final class Trainer {

    /** Pixels per read when band statistics are streamed (memory: this times the band count floats). */
    private static final int STATISTICS_PIXELS_PER_READ = 1 << 16;

    private final TrainingSettings settings;
    private final List<TrainingCube> cubes;
    private final PairSampler sampler;
    private final Path runDir;
    private final RunStreams streams;
    private final String config;

    /**
     * @param settings the resolved run
     * @param cubes    the training cubes, in config order; every one must have {@code settings.model().bands()} bands
     * @param sampler  plans the patch pairs; its patch size is the graph's
     * @param runDir   where checkpoints and the model go; created if absent
     * @throws IllegalArgumentException when there are no cubes or a cube's band count differs from the model's
     */
    public Trainer(TrainingSettings settings, List<TrainingCube> cubes, PairSampler sampler, Path runDir) {
        this(settings, cubes, sampler, runDir, "");
    }

    /**
     * @param settings the resolved run
     * @param cubes    the training cubes, in config order; every one must have {@code settings.model().bands()} bands
     * @param sampler  plans the patch pairs; its patch size is the graph's
     * @param runDir   where checkpoints and the model go; created if absent
     * @param config   the run's resolved configuration (YAML), stored in the model so that a model
     *                 says how it was made; "" for none
     * @throws IllegalArgumentException when there are no cubes or a cube's band count differs from the model's
     */
    public Trainer(TrainingSettings settings, List<TrainingCube> cubes, PairSampler sampler, Path runDir, String config) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cubes = List.copyOf(cubes);
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        this.streams = new RunStreams(settings.seed());
        if (this.cubes.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one cube, found none");
        }
        for (TrainingCube c : this.cubes) {
            int bands = c.cube().metadata().bands();
            if (bands != settings.model().bands()) {
                throw new IllegalArgumentException("cube '" + c.name() + "' has " + bands + " bands but the model expects "
                        + settings.model().bands() + "; every training cube must have the same bands");
            }
        }
    }

    /**
     * Runs the training to {@code settings.steps()}.
     *
     * @param listener receives progress on this thread
     * @param resume   continue from {@code <runDir>/checkpoints/latest} instead of starting afresh
     * @return the saved model and timings
     * @throws IOException when a cube cannot be read, a checkpoint or the model cannot be written, or
     *                     {@code resume} is set and there is no checkpoint to resume from
     */
    public TrainingResult train(TrainingListener listener, boolean resume) throws IOException {
        return train(listener, resume, CheckpointProbe.NONE);
    }

    /**
     * Runs the training to {@code settings.steps()}, or until the probe asks to stop at a checkpoint.
     *
     * @param listener receives progress on this thread
     * @param resume   continue from {@code <runDir>/checkpoints/latest} instead of starting afresh
     * @param probe    looks at the model after every checkpoint and may end training there
     * @return the saved model and timings
     * @throws IOException when a cube cannot be read, a checkpoint or the model cannot be written, or
     *                     {@code resume} is set and there is no checkpoint to resume from
     */
    public TrainingResult train(TrainingListener listener, boolean resume, CheckpointProbe probe) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(runDir);
        Checkpoints checkpoints = new Checkpoints(runDir);
        Files.createDirectories(checkpoints.dir());

        List<BandStatistics> stats = new ArrayList<>();
        List<Normalizer> normalizers = new ArrayList<>();
        for (TrainingCube c : cubes) {
            BandStatistics s = BandStatistics.compute(c.cube(), STATISTICS_PIXELS_PER_READ);
            stats.add(s);
            try {
                normalizers.add(Normalizer.of(settings.normalization(), s));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("cube '" + c.name() + "': " + ex.getMessage(), ex);
            }
        }

        ModelSpec model = settings.model();
        int rows = sampler.patchRows();
        int cols = sampler.patchCols();
        int batch = settings.batch();
        int dim = model.encoder().embeddingDim(model.encoderParams());
        float[][] initialCentroids = CentroidMemory.initial(model.clusters(), dim, streams.stream(RunStreams.CENTROID_INIT, 0));
        DgcGraph graph = new DgcGraph(model, settings.losses(), settings.centroids().trainable(), batch, rows, cols,
                DataType.FLOAT, streams.stream(RunStreams.ENCODER_INIT, 0), Nd4j.createFromArray(initialCentroids));
        AdamW optimizer = new AdamW(settings.optimizer());
        CentroidPruning pruning = new CentroidPruning(model.clusters(), settings.centroids().pruneFraction());
        LossBalancer balancer = settings.balancing().create(settings.losses().stream().map(LossTerm::id).toList());
        Best best = new Best();

        long firstStep = 1;
        if (resume) {
            SavedModel checkpoint = checkpoints.latest().orElseThrow(() -> new java.nio.file.NoSuchFileException(
                    checkpoints.dir().resolve(Checkpoints.LATEST).toString(), null,
                    "no checkpoint to resume from; start the run without resuming"));
            firstStep = restore(checkpoint, graph, optimizer, pruning) + 1;
            restoreBalancing(checkpoint.manifest(), balancer);
            best.restore(checkpoint.manifest(), checkpoints.dir().resolve(BEST));
        }
        listener.started(firstStep, settings.steps());

        List<CubeExtent> extents = new ArrayList<>();
        for (TrainingCube c : cubes) {
            CubeMetadata m = c.cube().metadata();
            // the extractor reflect-pads cubes smaller than a patch up to the patch size
            extents.add(new CubeExtent(Math.max(m.lines(), rows), Math.max(m.samples(), cols), m.bands()));
        }
        double kick = settings.centroids().kick();
        WeightSchedule kickSchedule = settings.centroids().kickDecay()
                ? new WeightSchedule(kick, kick, 0, 0, settings.epochs())
                : WeightSchedule.constant(kick);
        PatchExtractor extractor = new PatchExtractor(model.bands(), rows, cols);
        float[] buffer = new float[Math.multiplyExact(2 * batch, extractor.patchSize())];

        long lastStep = firstStep - 1;
        for (long step = firstStep; step <= settings.steps(); step++) {
            lastStep = step;
            long stepStart = System.nanoTime();
            List<PatchPair> pairs = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                long index = (step - 1) * batch + i;
                pairs.add(sampler.plan(index, extents, streams.stream(RunStreams.SAMPLER, index)));
            }
            for (int i = 0; i < batch; i++) {
                PatchPair pair = pairs.get(i);
                TrainingCube c = cubes.get(pair.cube());
                Normalizer n = normalizers.get(pair.cube());
                extractor.extract(c.cube(), n, pair.first(), pair.firstAugmentation(), buffer, i * extractor.patchSize());
                extractor.extract(c.cube(), n, pair.second(), pair.secondAugmentation(), buffer,
                        (batch + i) * extractor.patchSize());
            }
            Map<String, Double> weights = new LinkedHashMap<>();
            Map<String, Double> factors = balancer.factors(step);
            for (LossTerm term : settings.losses()) {
                weights.put(term.id(), term.weight().value(step, settings.steps()) * factors.getOrDefault(term.id(), 1.0));
            }
            long s = step;
            Map<String, INDArray> feeds = graph.feeds(Nd4j.create(buffer, new long[] {2L * batch, model.bands(), rows, cols}, 'c'),
                    pairs, weights, name -> streams.stepInput(name, s));

            if (step == 1 && settings.centroids().init() == CentroidSettings.Init.KMEANS) {
                // the first forward's embeddings (random centroids do not change z) seed the memory
                float[][] seeded = CentroidSeeding.seed(graph.forward(feeds).shifted(), 2 * batch, dim, rows, cols,
                        model.clusters(), CentroidSeeding.DEFAULT_MAX_PIXELS, CentroidSeeding.DEFAULT_ITERATIONS,
                        streams.stream(RunStreams.CENTROID_INIT, 1));
                graph.setCentroids(Nd4j.createFromArray(seeded));
            }
            boolean[] frozen = pruning.pruned();
            // a pruned centroid is frozen: undo what the optimiser (weight decay, orthogonality) does to it
            float[][] beforeStep = graph.centroids().toFloatMatrix();
            Map<String, INDArray> gradients = graph.gradients(feeds);
            Map<String, Double> termNorms = balancer.needsGradientNorms(step) ? graph.termGradientNorms(feeds) : Map.of();
            double gradientNorm = GradientClipping.clipGlobalNorm(gradients, settings.gradientClip());
            optimizer.step(parameters(graph), gradients);

            DgcGraph.Forward after = graph.forward(feeds);
            float[][] centroids = graph.centroids().toFloatMatrix();
            CentroidUpdate update = CentroidMemory.update(centroids, after.shifted(), after.probabilities(), 2 * batch, rows,
                    cols, settings.centroids(), kickSchedule.value(step, settings.steps()), streams.stream(RunStreams.KICK, step),
                    frozen);
            for (int k = 0; k < frozen.length; k++) {
                if (frozen[k]) {
                    centroids[k] = beforeStep[k];
                }
            }
            graph.setCentroids(Nd4j.createFromArray(centroids));
            balancer.observe(step, after.losses(), termNorms);

            listener.step(new StepReport(step, settings.steps(), after.losses(), weights, after.total(), gradientNorm,
                    activeClusters(after.probabilities(), model.clusters()), update.kicked(), graph.bandwidth(),
                    (System.nanoTime() - stepStart) / 1e9));
            int[] prunedNow = pruning.record(step, settings.steps(), settings.epochs(), update.mass());
            if (prunedNow.length > 0) {
                graph.setPruned(pruning.pruned());
                listener.pruned(step, prunedNow.clone());
            }
            boolean last = step == settings.steps();
            if (last || settings.checkpointEvery() > 0 && step % settings.checkpointEvery() == 0) {
                CheckpointProbe.Verdict verdict = new CheckpointProbe.Verdict(false, Double.NaN);
                if (probe != CheckpointProbe.NONE) {
                    SavedModel now = new SavedModel(manifest(graph, stats, pruning, step), modelWeights(graph));
                    verdict = probe.judge(step, now);
                    if (settings.selection() == ModelSelection.BEST && best.improvedBy(verdict.score())) {
                        ModelWriter.write(checkpoints.dir().resolve(BEST), now.manifest(), now.weights());
                        best.record(step, verdict.score());
                    }
                }
                Path dir = checkpoints.write(step, checkpointScalars(step, graph, optimizer, stats, pruning, balancer, best),
                        checkpointArrays(graph, optimizer));
                listener.checkpoint(step, dir);
                if (verdict.stop() && !last) {
                    listener.stopped(step);
                    break;
                }
            }
        }
        Path modelDir = runDir.resolve("model");
        long modelStep = lastStep;
        int live = model.clusters() - pruning.prunedIndices().length;
        if (settings.selection() == ModelSelection.BEST && best.step() > 0 && best.step() != lastStep) {
            SavedModel chosen = ModelReader.read(checkpoints.dir().resolve(BEST));
            Map<String, Object> m = new LinkedHashMap<>(chosen.manifest());
            m.put(SELECTION, selectionRecord(best, lastStep));
            ModelWriter.write(modelDir, m, chosen.weights());
            modelStep = best.step();
            live = model.clusters() - chosen.prunedCentroids().length;
        } else {
            Map<String, Object> m = manifest(graph, stats, pruning, lastStep);
            if (settings.selection() == ModelSelection.BEST) {
                m.put(SELECTION, selectionRecord(best, lastStep));
            }
            ModelWriter.write(modelDir, m, modelWeights(graph));
        }
        return new TrainingResult(modelDir, lastStep, (System.nanoTime() - started) / 1e9, firstStep,
                model.clusters(), live, modelStep, best.score());
    }

    private static Map<String, INDArray> parameters(DgcGraph graph) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : graph.parameterNames()) {
            out.put(name, graph.parameter(name));
        }
        return out;
    }

    /** Clusters that win the argmax (ties to the lowest index) of at least one pixel of either view. */
    static int activeClusters(float[] probabilities, int clusters) {
        boolean[] won = new boolean[clusters];
        for (int row = 0; row < probabilities.length / clusters; row++) {
            int best = 0;
            for (int k = 1; k < clusters; k++) {
                if (probabilities[row * clusters + k] > probabilities[row * clusters + best]) {
                    best = k;
                }
            }
            won[best] = true;
        }
        int n = 0;
        for (boolean w : won) {
            n += w ? 1 : 0;
        }
        return n;
    }

    private static final String PARAMETER = "parameter/";
    private static final String FIRST_MOMENT = "optimizer/m/";
    private static final String SECOND_MOMENT = "optimizer/v/";

    /** The manifest key of the pruned centroid indices, in checkpoints and models (absent = none pruned). */
    public static final String PRUNED_CENTROIDS = SavedModel.PRUNED_CENTROIDS;
    /** The checkpoint key of the epoch's pruning bookkeeping. */
    private static final String PRUNING = "pruning";

    private Map<String, Object> checkpointScalars(long step, DgcGraph graph, AdamW optimizer, List<BandStatistics> stats,
                                                  CentroidPruning pruning, LossBalancer balancer, Best best) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "dgc-checkpoint");
        m.put("step", step);
        m.put("steps", settings.steps());
        m.put("seed", settings.seed());
        m.put("theta", graph.theta());
        m.put("optimizerStep", optimizer.steps());
        m.put("normalization", normalization(stats));
        m.put(PRUNED_CENTROIDS, pruning.prunedIndices());
        Map<String, Object> epoch = new LinkedHashMap<>();
        List<Boolean> below = new ArrayList<>();
        for (boolean b : pruning.stayedBelow()) {
            below.add(b);
        }
        epoch.put("stayedBelow", below);
        epoch.put("epochMass", pruning.epochMass());
        m.put(PRUNING, epoch);
        m.put(BALANCING, new LinkedHashMap<>(balancer.state()));
        if (best.step() > 0) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("step", best.step());
            b.put("score", best.score());
            m.put(SELECTION, b);
        }
        return m;
    }

    private static Map<String, INDArray> checkpointArrays(DgcGraph graph, AdamW optimizer) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : graph.parameterNames()) {
            arrays.put(PARAMETER + name, graph.parameter(name));
        }
        arrays.put(DgcGraph.CENTROIDS, graph.centroids());
        optimizer.firstMoments().forEach((name, value) -> arrays.put(FIRST_MOMENT + name, value));
        optimizer.secondMoments().forEach((name, value) -> arrays.put(SECOND_MOMENT + name, value));
        return arrays;
    }

    /** The checkpoint key of the loss balancer's state. */
    private static final String BALANCING = "balancing";
    /** The checkpoint and model key of the model selection: the best checkpoint's step and score. */
    public static final String SELECTION = "selection";
    /** The folder under checkpoints/ holding the best checkpoint's model. */
    static final String BEST = "best";

    /** The best checkpoint so far, by the probe's score. */
    private static final class Best {
        private long step;
        private double score = Double.NaN;

        boolean improvedBy(double candidate) {
            return Double.isFinite(candidate) && (step == 0 || candidate > score);
        }

        void record(long at, double value) {
            step = at;
            score = value;
        }

        long step() {
            return step;
        }

        double score() {
            return score;
        }

        /** A resumed run continues with the best of the run so far, if its model is still on disk. */
        void restore(Map<String, Object> manifest, Path dir) {
            if (manifest.get(SELECTION) instanceof Map<?, ?> b && b.get("step") instanceof Double s
                    && b.get("score") instanceof Double v && Files.isRegularFile(dir.resolve(ModelWriter.MANIFEST))) {
                record(s.longValue(), v);
            }
        }
    }

    private static Map<String, Object> selectionRecord(Best best, long lastStep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", ModelSelection.BEST.id());
        m.put("step", best.step() > 0 ? best.step() : lastStep);
        m.put("score", best.step() > 0 ? best.score() : Double.NaN);
        m.put("trainedSteps", lastStep);
        return m;
    }

    private static void restoreBalancing(Map<String, Object> manifest, LossBalancer balancer) throws IOException {
        if (!(manifest.get(BALANCING) instanceof Map<?, ?> state)) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : state.entrySet()) {
            if (!(e.getValue() instanceof Double v)) {
                throw new IOException("the latest checkpoint's '" + BALANCING + "' has a non-number at " + e.getKey());
            }
            values.put(String.valueOf(e.getKey()), v);
        }
        try {
            balancer.restore(values);
        } catch (IllegalArgumentException ex) {
            throw new IOException("the latest checkpoint's loss balancing does not fit this run's: " + ex.getMessage(), ex);
        }
    }

    /** Loads a checkpoint into the graph and the optimiser. @return the step it holds */
    private long restore(SavedModel checkpoint, DgcGraph graph, AdamW optimizer, CentroidPruning pruning) throws IOException {
        Map<String, Object> m = checkpoint.manifest();
        if (!"dgc-checkpoint".equals(m.get("kind")) || !(m.get("step") instanceof Double step)
                || !(m.get("theta") instanceof Double theta) || !(m.get("optimizerStep") instanceof Double optimizerStep)) {
            throw new IOException("the latest checkpoint under " + runDir.resolve("checkpoints") + " is not a dgc checkpoint"
                    + " (kind, step, theta and optimizerStep are required)");
        }
        if (m.get("seed") instanceof Double seed && seed.longValue() != settings.seed()) {
            throw new IOException("the checkpoint was trained with seed " + seed.longValue() + ", this run has seed "
                    + settings.seed() + "; resume with the same settings");
        }
        Map<String, INDArray> first = new LinkedHashMap<>();
        Map<String, INDArray> second = new LinkedHashMap<>();
        try {
            for (String name : graph.parameterNames()) {
                INDArray value = checkpoint.weights().get(PARAMETER + name);
                if (value == null) {
                    throw new IOException("the latest checkpoint lacks parameter '" + name + "'; was it written with other model settings?");
                }
                graph.setParameter(name, value);
            }
            graph.setTheta(theta);
            graph.setCentroids(required(checkpoint, DgcGraph.CENTROIDS));
            checkpoint.weights().forEach((name, value) -> {
                if (name.startsWith(FIRST_MOMENT)) {
                    first.put(name.substring(FIRST_MOMENT.length()), value);
                } else if (name.startsWith(SECOND_MOMENT)) {
                    second.put(name.substring(SECOND_MOMENT.length()), value);
                }
            });
            optimizer.restore(optimizerStep.longValue(), first, second);
            restorePruning(m, checkpoint.prunedCentroids(), pruning);
            graph.setPruned(pruning.pruned());
        } catch (IllegalArgumentException ex) {
            throw new IOException("the latest checkpoint does not fit this run's model: " + ex.getMessage(), ex);
        }
        return step.longValue();
    }

    /** A checkpoint without pruning state (written before pruning existed) means none pruned and a fresh epoch. */
    private static void restorePruning(Map<String, Object> m, int[] pruned, CentroidPruning pruning) throws IOException {
        int clusters = pruning.pruned().length;
        boolean[] below = new boolean[clusters];
        double[] mass = new double[clusters];
        java.util.Arrays.fill(below, true);
        if (m.get(PRUNING) instanceof Map<?, ?> epoch) {
            if (!(epoch.get("stayedBelow") instanceof List<?> b) || !(epoch.get("epochMass") instanceof List<?> e)
                    || b.size() != clusters || e.size() != clusters) {
                throw new IOException("the latest checkpoint's '" + PRUNING + "' needs stayedBelow and epochMass lists of "
                        + clusters + " values");
            }
            for (int k = 0; k < clusters; k++) {
                if (!(b.get(k) instanceof Boolean bk) || !(e.get(k) instanceof Double ek)) {
                    throw new IOException("the latest checkpoint's '" + PRUNING + "' has a non-boolean or non-number at "
                            + k + ": " + b.get(k) + ", " + e.get(k));
                }
                below[k] = bk;
                mass[k] = ek;
            }
        }
        pruning.restore(pruned, below, mass);
    }

    private static INDArray required(SavedModel checkpoint, String name) throws IOException {
        INDArray v = checkpoint.weights().get(name);
        if (v == null) {
            throw new IOException("the latest checkpoint lacks '" + name + "'");
        }
        return v;
    }

    private Map<String, Object> manifest(DgcGraph graph, List<BandStatistics> stats, CentroidPruning pruning, long steps) {
        ModelSpec model = settings.model();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bands", model.bands());
        Optional<List<Double>> wavelengths = cubes.stream().map(c -> c.cube().metadata().wavelengths())
                .filter(w -> w.known()).map(w -> w.centersNm()).findFirst();
        m.put("wavelengths", wavelengths);
        m.put("clusters", model.clusters());
        m.put(PRUNED_CENTROIDS, pruning.prunedIndices());
        m.put("embeddingDim", graph.embeddingDim());
        Map<String, Object> encoder = new LinkedHashMap<>();
        encoder.put("id", model.encoderId());
        encoder.put("params", model.encoderParams().asMap());
        m.put("encoder", encoder);
        Map<String, Object> meanShift = new LinkedHashMap<>();
        meanShift.put("window", model.meanShift().window());
        meanShift.put("iterations", model.meanShift().iterations());
        meanShift.put("learnBandwidth", model.meanShift().learnBandwidth());
        meanShift.put("theta", graph.theta());
        meanShift.put("bandwidth", graph.bandwidth());
        m.put("meanShift", meanShift);
        m.put("temperature", model.temperature());
        m.put("normalization", normalization(stats));
        m.put("seed", settings.seed());
        m.put("steps", steps);
        if (!config.isEmpty()) {
            m.put("config", config);
        }
        return m;
    }

    private Map<String, Object> normalization(List<BandStatistics> stats) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("method", settings.normalization().name().toLowerCase(java.util.Locale.ROOT));
        List<Object> perCube = new ArrayList<>();
        BandStatistics pooled = null;
        for (int i = 0; i < cubes.size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", cubes.get(i).name());
            c.putAll(statistics(stats.get(i)));
            perCube.add(c);
            pooled = pooled == null ? stats.get(i) : pooled.merge(stats.get(i));
        }
        n.put("perCube", perCube);
        n.put("pooled", statistics(pooled));
        return n;
    }

    private static Map<String, Object> statistics(BandStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.counts());
        m.put("mean", s.means());
        m.put("std", s.stds());
        m.put("min", s.mins());
        m.put("max", s.maxs());
        return m;
    }

    private static Map<String, INDArray> modelWeights(DgcGraph graph) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        for (String name : graph.parameterNames()) {
            if (!name.equals(DgcGraph.CENTROIDS) && !name.equals(DgcGraph.MEAN_SHIFT_PREFIX + "theta")) {
                w.put(name, graph.parameter(name));
            }
        }
        w.put(DgcGraph.CENTROIDS, graph.centroids());
        return w;
    }
}
