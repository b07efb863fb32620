package dev.dgc.core.baseline;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.train.TrainingCube;
import dev.dgc.core.data.RowBlocks;
import dev.dgc.core.tribuo.BandFeatures;
import dev.dgc.core.tribuo.TrainingCubesProvenance;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The k-means baseline: Oracle Tribuo's {@link KMeansTrainer} (k-means++ start, Euclidean distance)
 * fitted on the valid pixels of the training cubes, each cube normalised with its own statistics
 * exactly as DGC training normalises it (§2.3), so a report can set DGC and k-means side by side on
 * the same pixels. A pixel where any band is no-data is skipped. When the cubes have more valid
 * pixels than {@link KMeansSettings#samplePixels()}, a uniform sample of that many is drawn with a
 * {@link SplittableRandom} from the seed (Floyd's algorithm over the valid pixels in cube, row, column
 * order), so the same settings give the same sample and, with one thread, the same centroids.
 *
 * <p>Pixels are read by row blocks of at most {@value #PIXELS_PER_READ} pixels (whole rows; one row
 * when a row is longer), never a whole large cube at once. The result is Tribuo's {@link KMeansModel}
 * (a {@code Model<ClusterID>} over the features of {@link BandFeatures}, with Tribuo's provenance of
 * the trainer, the seed and the training cubes) and a fast raster prediction that assigns each pixel
 * to the nearest Tribuo centroid in plain Java, with the same arithmetic as Tribuo's own
 * {@code predict} (and so the same labels).
 *
 * <p>An instance is immutable; {@link #predict} may be called from several threads. Fitting mutes
 * Tribuo's per-iteration INFO log lines for its duration.
 */
public final class KMeansBaseline {

    /** The most pixels one read covers (memory per read: this times the band count floats). */
    static final int PIXELS_PER_READ = 1 << 16;

    private final KMeansSettings settings;
    private final KMeansModel model;
    private final int bands;
    private final double[][] centroids;
    private final long validPixels;
    private final int fittedPixels;

    private KMeansBaseline(KMeansSettings settings, KMeansModel model, int bands, long validPixels, int fittedPixels) {
        this.settings = settings;
        this.model = model;
        this.bands = bands;
        this.validPixels = validPixels;
        this.fittedPixels = fittedPixels;
        this.centroids = centroidsByBand(model, bands);
    }

    /**
     * Fits k-means on the training cubes.
     *
     * @param cubes    the training cubes, in config order, all with the same band count; read, never closed
     * @param settings K, seed, iterations, sample size, threads and normalisation
     * @return the fitted baseline
     * @throws IOException              when a cube cannot be read
     * @throws IllegalArgumentException when there is no cube, the band counts differ, a band of a cube has
     *                                  no valid pixel (it cannot be normalised), or there are fewer valid
     *                                  pixels than clusters; the message names the cube
     */
    public static KMeansBaseline fit(List<TrainingCube> cubes, KMeansSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        if (cubes.isEmpty()) {
            throw new IllegalArgumentException("k-means needs at least one cube, found none");
        }
        int bands = cubes.get(0).cube().metadata().bands();
        for (TrainingCube c : cubes) {
            if (c.cube().metadata().bands() != bands) {
                throw new IllegalArgumentException("cube '" + c.name() + "' has " + c.cube().metadata().bands() + " bands but cube '"
                        + cubes.get(0).name() + "' has " + bands + "; k-means needs every cube to have the same bands");
            }
        }
        List<Normalizer> normalizers = new ArrayList<>();
        long valid = 0;
        for (TrainingCube c : cubes) {
            BandStatistics stats = BandStatistics.compute(c.cube(), PIXELS_PER_READ);
            normalizers.add(normalizer(settings, stats, "cube '" + c.name() + "'"));
            // readers flag a pixel as no-data in every band at once, so each band counts the valid pixels
            valid += Arrays.stream(stats.counts()).min().orElse(0);
        }
        if (valid < settings.clusters()) {
            throw new IllegalArgumentException("k-means with " + settings.clusters() + " clusters needs at least as many valid pixels;"
                    + " the cubes have " + valid + "; lower model.clusters or add data");
        }
        long[] chosen = valid > settings.samplePixels() ? sample(valid, settings.samplePixels(), new SplittableRandom(settings.seed()))
                : null;

        List<String> names = cubes.stream().map(TrainingCube::name).toList();
        String preparation = String.format(Locale.ROOT, "valid pixels (no-data skipped), each cube normalised with its own"
                + " statistics (%s); %s", settings.normalization().name().toLowerCase(Locale.ROOT), chosen == null
                ? "all " + valid + " pixels"
                : "a uniform sample of " + chosen.length + " of " + valid + " pixels drawn with seed " + settings.seed());
        MutableDataset<ClusterID> data = new MutableDataset<>(new TrainingCubesProvenance(names, preparation), new ClusteringFactory());
        String[] features = BandFeatures.names(bands);
        PixelCursor cursor = new PixelCursor(chosen);
        for (int i = 0; i < cubes.size(); i++) {
            addPixels(cubes.get(i).cube(), normalizers.get(i), features, cursor, data);
        }

        KMeansTrainer trainer = new KMeansTrainer(settings.clusters(), settings.maxIterations(), new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, settings.threads(), settings.seed());
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("valid-pixels", new LongProvenance("valid-pixels", valid));
        run.put("fitted-pixels", new LongProvenance("fitted-pixels", data.size()));
        Logger tribuoLog = Logger.getLogger(KMeansTrainer.class.getName());
        Level before = tribuoLog.getLevel();
        tribuoLog.setLevel(Level.WARNING);
        KMeansModel model;
        try {
            model = trainer.train(data, run);
        } finally {
            tribuoLog.setLevel(before);
        }
        return new KMeansBaseline(settings, model, bands, valid, data.size());
    }

    private static Normalizer normalizer(KMeansSettings settings, BandStatistics stats, String what) {
        try {
            return Normalizer.of(settings.normalization(), stats);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(what + ": " + ex.getMessage(), ex);
        }
    }

    /** Floyd's algorithm: {@code size} distinct indices of {@code [0, population)}, uniformly, ascending. */
    static long[] sample(long population, int size, SplittableRandom random) {
        Set<Long> chosen = new HashSet<>(2 * size);
        for (long j = population - size; j < population; j++) {
            long t = random.nextLong(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        return chosen.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Walks the valid pixels of all cubes in order and says which ones the sample takes. */
    private static final class PixelCursor {
        private final long[] chosen;
        private long index;
        private int next;

        PixelCursor(long[] chosen) {
            this.chosen = chosen;
        }

        /** Advances past one valid pixel; true if it is sampled. */
        boolean take() {
            long i = index++;
            if (chosen == null) {
                return true;
            }
            if (next < chosen.length && chosen[next] == i) {
                next++;
                return true;
            }
            return false;
        }
    }

    private static void addPixels(HyperspectralCube cube, Normalizer normalizer, String[] features, PixelCursor cursor,
                                  MutableDataset<ClusterID> data) throws IOException {
        int bands = features.length;
        new RowBlocks(cube, PIXELS_PER_READ).forEach((window, values, valid) -> {
            normalizer.apply(values, cube.metadata().allBands(), window.pixels());
            int pixels = window.pixels();
            for (int i = 0; i < pixels; i++) {
                if (valid[i] && cursor.take()) {
                    double[] x = new double[bands];
                    for (int b = 0; b < bands; b++) {
                        x[b] = values[b * pixels + i];
                    }
                    data.add(BandFeatures.pixel(ClusteringFactory.UNASSIGNED_CLUSTER_ID, features, x));
                }
            }
        });
    }

    /**
     * Maps a whole cube, normalised with its own statistics (as the training cubes were).
     *
     * @param cube the cube, with the fitted band count; read, never closed
     * @return the label map: each valid pixel's nearest centroid (Tribuo's cluster id), {@link Prediction#NO_DATA}
     *         where any band is no-data; no probabilities
     * @throws IOException              when the cube cannot be read
     * @throws IllegalArgumentException when the band count differs, or a band has no valid pixel
     */
    public Prediction predict(HyperspectralCube cube) throws IOException {
        requireBands(cube);
        return predict(cube, normalizer(settings, BandStatistics.compute(cube, PIXELS_PER_READ),
                cube.metadata().source().toString()));
    }

    /**
     * Maps a whole cube, normalised as given.
     *
     * @param cube       the cube, with the fitted band count; read, never closed
     * @param normalizer how to scale its bands
     * @return the label map, as {@link #predict(HyperspectralCube)}
     * @throws IOException              when the cube cannot be read
     * @throws IllegalArgumentException when the cube's or the normaliser's band count differs from the model's
     */
    public Prediction predict(HyperspectralCube cube, Normalizer normalizer) throws IOException {
        requireBands(cube);
        if (normalizer.bands() != bands) {
            throw new IllegalArgumentException("the normaliser covers " + normalizer.bands() + " bands, k-means was fitted on " + bands);
        }
        int lines = cube.metadata().lines();
        int samples = cube.metadata().samples();
        int[] labels = new int[Math.multiplyExact(lines, samples)];
        new RowBlocks(cube, PIXELS_PER_READ).forEach((window, values, valid) -> {
            normalizer.apply(values, cube.metadata().allBands(), window.pixels());
            int pixels = window.pixels();
            int offset = window.row() * samples;
            IntStream.range(0, pixels).parallel().forEach(i ->
                    labels[offset + i] = valid[i] ? nearest(values, pixels, i) : Prediction.NO_DATA);
        });
        return new Prediction(lines, samples, settings.clusters(), labels, Optional.empty());
    }

    private void requireBands(HyperspectralCube cube) {
        if (cube.metadata().bands() != bands) {
            throw new IllegalArgumentException(cube.metadata().source() + " has " + cube.metadata().bands()
                    + " bands but k-means was fitted on " + bands + "; map only cubes with the training bands");
        }
    }

    /**
     * The nearest centroid as Tribuo's {@code KMeansModel.predict} finds it: the Euclidean distance summed
     * over bands in feature order (which is band order), its square root, the first strict minimum.
     */
    private int nearest(float[] values, int pixels, int pixel) {
        double best = Double.POSITIVE_INFINITY;
        int label = -1;
        for (int k = 0; k < centroids.length; k++) {
            double[] c = centroids[k];
            double sum = 0;
            for (int b = 0; b < bands; b++) {
                double d = c[b] - values[b * pixels + pixel];
                sum += d * d;
            }
            double distance = Math.sqrt(sum);
            if (distance < best) {
                best = distance;
                label = k;
            }
        }
        return label;
    }

    private static double[][] centroidsByBand(KMeansModel model, int bands) {
        String[] names = BandFeatures.names(bands);
        List<List<Feature>> byName = model.getCentroids();
        double[][] out = new double[byName.size()][bands];
        for (int k = 0; k < out.length; k++) {
            boolean[] seen = new boolean[bands];
            for (Feature f : byName.get(k)) {
                int b = Arrays.binarySearch(names, f.getName());
                if (b < 0) {
                    throw new IllegalStateException("k-means centroid " + k + " has feature '" + f.getName()
                            + "', which is not one of " + names[0] + " … " + names[bands - 1]);
                }
                out[k][b] = f.getValue();
                seen[b] = true;
            }
            for (int b = 0; b < bands; b++) {
                if (!seen[b]) {
                    throw new IllegalStateException("k-means centroid " + k + " lacks feature " + names[b]);
                }
            }
        }
        return out;
    }

    /** @return Tribuo's model: centroids over the band features, with provenance */
    public KMeansModel model() {
        return model;
    }

    /** @return the settings it was fitted with */
    public KMeansSettings settings() {
        return settings;
    }

    /** @return the band count */
    public int bands() {
        return bands;
    }

    /** @return K */
    public int clusters() {
        return centroids.length;
    }

    /** @return the valid pixels of the training cubes */
    public long validPixels() {
        return validPixels;
    }

    /** @return the pixels k-means was fitted on: all valid pixels, or the sample */
    public int fittedPixels() {
        return fittedPixels;
    }

    /** @return the centroids {@code [K][bands]} in normalised units, band order, a copy */
    public double[][] centroids() {
        double[][] out = new double[centroids.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = centroids[k].clone();
        }
        return out;
    }
}
