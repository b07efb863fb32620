package dev.dgc.core.infer;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.nn.ReceptiveField;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Predicts whole cubes tile by tile (§8.3 of dgc-algorithm.md). The cube is cut into cores of
 * {@code tile × tile} pixels; each core is read with a halo of at least the model's receptive field
 * (clamped at the image border, where the network zero-pads exactly as it does on the whole image),
 * the network runs on core + halo, and only the core's pixels are kept. Because no output pixel of a
 * core sees past its halo, the map equals whole-image inference: nothing is blended, so no labels
 * (or probabilities) are ever averaged; the argmax is taken per pixel at the end. The exception is
 * the {@code raster} encoder's row wrap (§3.2): a pixel within its reach of the image's left or
 * right edge sees the start of the next row of whatever it is run on, which differs between a tile
 * and the whole image.
 *
 * <p>Memory is bounded by the tile: one band-sequential tile with its halo, its embeddings, and the
 * output map (4 bytes per pixel, plus K floats per pixel when probabilities are kept). Every tile is
 * read in the same shape (windows at the bottom and right are shifted inward to end at the image's
 * edge), so the network's native memory, which it keeps per tile shape, is that of one tile. The cube's
 * own statistics, when used, are streamed in one pass first. One instance serves one thread.
 */
public final class Predictor {

    private static final int STATISTICS_PIXELS_PER_READ = 1 << 16;

    private final TrainedModel model;
    private final PredictionSettings settings;
    private final DgcNetwork network;
    private final int haloRows;
    private final int haloCols;

    /** Receives progress while a cube is predicted. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  tiles finished
         * @param total tiles of the cube
         */
        void tiles(int done, int total);

        /** Progress that is ignored. */
        Progress NONE = (done, total) -> { };
    }

    /**
     * @param model    the trained model
     * @param settings tile, halo, probabilities and statistics
     */
    public Predictor(TrainedModel model, PredictionSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.network = new DgcNetwork(model);
        ReceptiveField field = model.receptiveField();
        this.haloRows = settings.halo() < 0 ? field.rows() : settings.halo();
        this.haloCols = settings.halo() < 0 ? field.cols() : settings.halo();
    }

    /** @return the margin read above and below each core, in pixels */
    public int haloRows() {
        return haloRows;
    }

    /** @return the margin read left and right of each core, in pixels */
    public int haloCols() {
        return haloCols;
    }

    /**
     * Predicts a cube.
     *
     * @param cube the cube, with the model's bands
     * @param name how messages name the cube
     * @return the map
     * @throws IOException              when the cube cannot be read
     * @throws IllegalArgumentException when the cube's bands differ from the model's, or a band has
     *                                  no valid pixel for the cube's own statistics
     */
    public Prediction predict(HyperspectralCube cube, String name) throws IOException {
        return predict(cube, name, Progress.NONE);
    }

    /**
     * Predicts a cube, reporting progress per tile.
     *
     * @param cube     the cube, with the model's bands
     * @param name     how messages name the cube
     * @param progress called after every tile, on this thread
     * @return the map
     * @throws IOException              when the cube cannot be read
     * @throws IllegalArgumentException when the cube's bands differ from the model's, or a band has
     *                                  no valid pixel for the cube's own statistics
     */
    public Prediction predict(HyperspectralCube cube, String name, Progress progress) throws IOException {
        model.requireBands(cube.metadata(), name);
        return predict(cube, name, normalizer(cube, name), progress);
    }

    /**
     * Predicts a cube normalised by given statistics instead of those the settings name (a caller that
     * predicts one cube many times computes its statistics once).
     *
     * @param cube       the cube, with the model's bands
     * @param name       how messages name the cube
     * @param normalizer scales the cube's bands
     * @param progress   called after every tile, on this thread
     * @return the map
     * @throws IOException              when the cube cannot be read
     * @throws IllegalArgumentException when the cube's bands differ from the model's
     */
    public Prediction predict(HyperspectralCube cube, String name, Normalizer normalizer, Progress progress) throws IOException {
        CubeMetadata meta = cube.metadata();
        model.requireBands(meta, name);
        int lines = meta.lines();
        int samples = meta.samples();
        int k = model.clusters();
        int[] bands = meta.allBands();
        int[] labels = new int[Math.multiplyExact(lines, samples)];
        float[] probabilities = settings.probabilities() ? new float[Math.multiplyExact(labels.length, k)] : null;
        int tile = settings.tile();
        int tileRows = (lines + tile - 1) / tile;
        int tileCols = (samples + tile - 1) / tile;
        int total = tileRows * tileCols;
        int readRows = Math.min(lines, tile + 2 * haloRows);
        int readCols = Math.min(samples, tile + 2 * haloCols);
        float[] values = new float[Math.multiplyExact(Math.multiplyExact(readRows, readCols), bands.length)];
        boolean[] noData = new boolean[readRows * readCols];
        int done = 0;
        for (int tr = 0; tr < tileRows; tr++) {
            for (int tc = 0; tc < tileCols; tc++) {
                Window core = new Window(tr * tile, tc * tile, Math.min(tile, lines - tr * tile), Math.min(tile, samples - tc * tile));
                Window read = readWindow(core, readRows, readCols, lines, samples);
                cube.read(read, bands, values, noData);
                normalizer.apply(values, bands, read.pixels());
                float[] p = network.probabilities(values, readRows, readCols);
                keepCore(core, read, p, noData, k, labels, probabilities, samples, lines);
                progress.tiles(++done, total);
            }
        }
        return new Prediction(lines, samples, k, labels, Optional.ofNullable(probabilities));
    }

    /**
     * The normaliser the settings call for: the cube's own statistics (one streaming pass) or the
     * training statistics.
     *
     * @param cube the cube
     * @param name how messages name the cube
     * @return the normaliser
     * @throws IOException              when the cube cannot be read
     * @throws IllegalArgumentException when a band has no valid pixel for the cube's own statistics
     */
    public Normalizer normalizer(HyperspectralCube cube, String name) throws IOException {
        if (settings.statistics() == InferenceStatistics.TRAINING) {
            return model.trainingNormalizer();
        }
        BandStatistics stats = BandStatistics.compute(cube, STATISTICS_PIXELS_PER_READ);
        try {
            return Normalizer.of(model.normalization(), stats);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(name + ": " + ex.getMessage()
                    + " (or predict with the training statistics)", ex);
        }
    }

    /**
     * The window read for a core: the core with its halo, always {@code readRows × readCols}. At the
     * image's bottom and right the window is shifted inward to end at the image's edge rather than cut
     * short, so that every tile of a cube has one shape: the network then builds one graph, and the
     * native primitive caches hold one set of primitives, however large the cube. The shifted window
     * still reaches the halo's distance past the core (or the image's edge), so nothing changes for
     * the core's pixels; it only reads more pixels above or left of the core.
     */
    static Window readWindow(Window core, int readRows, int readCols, int lines, int samples) {
        int row = Math.max(0, Math.min(core.row() - (readRows - core.rows()) / 2, lines - readRows));
        int col = Math.max(0, Math.min(core.col() - (readCols - core.cols()) / 2, samples - readCols));
        return new Window(row, col, readRows, readCols);
    }

    /** Copies the core's pixels out of a tile's p: argmax (ties to the lower cluster), no-data, probabilities. */
    private static void keepCore(Window core, Window read, float[] p, boolean[] noData, int k, int[] labels,
                                 float[] probabilities, int samples, int lines) {
        int plane = lines * samples;
        for (int r = core.row(); r < core.endRow(); r++) {
            for (int c = core.col(); c < core.endCol(); c++) {
                int local = (r - read.row()) * read.cols() + (c - read.col());
                int global = r * samples + c;
                if (noData[local]) {
                    labels[global] = Prediction.NO_DATA;
                    if (probabilities != null) {
                        for (int j = 0; j < k; j++) {
                            probabilities[j * plane + global] = Float.NaN;
                        }
                    }
                    continue;
                }
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (p[local * k + j] > p[local * k + best]) {
                        best = j;
                    }
                }
                labels[global] = best;
                if (probabilities != null) {
                    for (int j = 0; j < k; j++) {
                        probabilities[j * plane + global] = p[local * k + j];
                    }
                }
            }
        }
    }
}
