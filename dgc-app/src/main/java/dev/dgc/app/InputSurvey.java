package dev.dgc.app;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.SamplerProvider;
import dev.dgc.app.config.DgcConfig;
import dev.dgc.app.config.InputSpec;
import dev.dgc.core.DgcException;
import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Opens every input and truth file of a bound config with its chosen reader and reads the metadata,
 * so that "valid" means the cubes really open, every cube has the same bands (one model serves them
 * all), every truth map has the size of its cube, and the sampler's patch fits every cube.
 */
final class InputSurvey {

    /**
     * One opened file.
     *
     * @param file     the file
     * @param reader   the reader that opened it
     * @param metadata what it holds
     */
    record Entry(Path file, String reader, CubeMetadata metadata) {
    }

    /**
     * The inputs and truth maps, in config order.
     *
     * @param inputs the cubes
     * @param truth  the truth maps, empty when none are configured
     */
    record Survey(List<Entry> inputs, List<Entry> truth) {
    }

    private InputSurvey() {
    }

    /**
     * @param config   a bound config
     * @param registry the plugins the config was bound with
     * @return the metadata of every file
     * @throws DgcException (usage) listing every file that does not open or does not fit
     */
    static Survey survey(DgcConfig config, PluginRegistry registry) {
        return survey(config, registry, null);
    }

    /**
     * Surveys as {@link #survey(DgcConfig, PluginRegistry)} does, but keeps the input cubes open for
     * a caller that goes on to read them, so no file is opened (a MAT variable loaded, a gzip ENVI
     * file decompressed) twice.
     *
     * @param config     a bound config
     * @param registry   the plugins the config was bound with
     * @param keptInputs receives every input cube that opened, in the order of the survey's inputs; the
     *                   caller closes them, also when this method throws; null closes them here
     * @return the metadata of every file
     * @throws DgcException (usage) listing every file that does not open or does not fit
     */
    static Survey survey(DgcConfig config, PluginRegistry registry, List<HyperspectralCube> keptInputs) {
        List<String> problems = new ArrayList<>();
        List<Entry> inputs = open(config.data().inputs(), registry, problems, keptInputs);
        List<Entry> truth = open(config.data().truth(), registry, problems, null);
        if (!inputs.isEmpty()) {
            Entry first = inputs.get(0);
            for (Entry e : inputs) {
                if (e.metadata().bands() != first.metadata().bands()) {
                    problems.add(e.file() + ": " + e.metadata().bands() + " bands, but " + first.file() + " has "
                            + first.metadata().bands() + "; every input cube must have the same bands");
                }
            }
        }
        if (!truth.isEmpty() && truth.size() != inputs.size()) {
            problems.add(config.source() + ": data.truth names " + truth.size() + " file(s) for " + inputs.size()
                    + " input cube(s); give one truth map per cube, in the same order");
        } else {
            List<Boolean> abundances = new ArrayList<>();
            config.data().truth().forEach(spec -> spec.files().forEach(f -> abundances.add(spec.abundances())));
            for (int i = 0; i < truth.size(); i++) {
                CubeMetadata t = truth.get(i).metadata();
                CubeMetadata c = inputs.get(i).metadata();
                if (t.lines() != c.lines() || t.samples() != c.samples()) {
                    problems.add(truth.get(i).file() + ": truth map is " + t.lines() + "×" + t.samples() + " but its cube "
                            + inputs.get(i).file() + " is " + c.lines() + "×" + c.samples());
                } else if (i < abundances.size() && abundances.get(i) && t.bands() < 2) {
                    problems.add(truth.get(i).file() + ": abundance ground truth has one band per class, found " + t.bands()
                            + " band; for a label map drop 'abundances: true'");
                } else if ((i >= abundances.size() || !abundances.get(i)) && t.bands() != 1) {
                    problems.add(truth.get(i).file() + ": a truth map has one band of labels, found " + t.bands()
                            + " bands; choose the label variable in the reader options, or set 'abundances: true' if the"
                            + " bands are per-class abundances");
                }
            }
        }
        if (problems.isEmpty()) {
            checkSamplerFits(config, registry, inputs, problems);
        }
        if (!problems.isEmpty()) {
            throw new DgcException(DgcException.Kind.USAGE, String.join("\n", problems));
        }
        return new Survey(inputs, truth);
    }

    /** Plans one pair, which is where a sampler refuses cubes smaller than its patch. */
    private static void checkSamplerFits(DgcConfig config, PluginRegistry registry, List<Entry> inputs, List<String> problems) {
        List<CubeExtent> extents = new ArrayList<>();
        for (Entry e : inputs) {
            extents.add(new CubeExtent(e.metadata().lines(), e.metadata().samples(), e.metadata().bands()));
        }
        SamplerProvider sampler = registry.get(SamplerProvider.class, config.sampler().id());
        try {
            sampler.create(config.sampler().params()).plan(0, extents, new SplittableRandom(0));
        } catch (IllegalArgumentException e) {
            String cube = inputs.size() == 1 ? " (" + inputs.get(0).file() + ")" : "";
            problems.add(config.source() + ": sampler" + cube + ": " + e.getMessage());
        }
    }

    /** Opens every file of the specs for its metadata; closes each cube unless {@code kept} takes it. */
    private static List<Entry> open(List<InputSpec> specs, PluginRegistry registry, List<String> problems,
                                    List<HyperspectralCube> kept) {
        List<Entry> out = new ArrayList<>();
        for (InputSpec spec : specs) {
            ReaderProvider reader = registry.get(ReaderProvider.class, spec.chosenReader());
            for (Path f : spec.files()) {
                try {
                    HyperspectralCube cube = reader.open(f, spec.options());
                    if (kept != null) {
                        kept.add(cube);
                        out.add(new Entry(f, reader.id(), cube.metadata()));
                    } else {
                        try (cube) {
                            out.add(new Entry(f, reader.id(), cube.metadata()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    String m = String.valueOf(e.getMessage());
                    problems.add(m.contains(f.toString()) || m.contains(String.valueOf(f.getFileName())) ? m : f + ": " + m);
                }
            }
        }
        return out;
    }
}
