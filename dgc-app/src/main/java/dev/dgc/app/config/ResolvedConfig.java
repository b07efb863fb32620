package dev.dgc.app.config;

import dev.dgc.api.Parameters;

import dev.dgc.api.io.TempSiblings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The configuration that was actually used, as YAML: every key of every section with its value,
 * defaults filled in, every plugin parameter with its value, and the files each input resolved to
 * (as comments, since they depend on the working directory and the disk at the time).
 *
 * <p>The text loads back, with {@link ConfigLoader} in the same working directory and with the
 * same plugins, to a config equal to the one written (apart from its source and overrides). It is
 * written next to every output so that a run can be repeated and compared.
 */
public final class ResolvedConfig {

    /** The name of the file {@link #write} creates. */
    public static final String FILE_NAME = "config.resolved.yaml";

    private static final String INDENT = "  ";

    /** Text that reads back as the same text when written without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.][A-Za-z0-9_./+-]*");

    /** Words other YAML readers take for booleans or null; quoted so the file means the same to them. */
    private static final Set<String> AMBIGUOUS = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private ResolvedConfig() {
    }

    /**
     * Renders the config as YAML with a header naming its source and overrides.
     *
     * @param config the config
     * @return the YAML text, ending with a newline
     */
    public static String toYaml(DgcConfig config) {
        List<String> out = new ArrayList<>();
        out.add("# dgc configuration as used: every key with its value, defaults filled in.");
        out.add("# source: " + oneLine(config.source().toString()));
        out.add("# overrides: " + (config.overrides().isEmpty() ? "none"
                : config.overrides().stream().map(o -> oneLine(Overrides.source(o))).collect(Collectors.joining(" "))));
        out.add("# Input paths are as written, relative to the working directory; the files they matched are listed below them.");
        out.add("profile: " + config.profile().id());
        if (config.profileValues().isEmpty()) {
            out.add("# the profile set no value: every default is the schema's or the plugin's own");
        } else {
            out.add("# values the profile set because the config wrote none:");
            config.profileValues().forEach((k, v) -> out.add("#   " + oneLine(k) + " = " + value(v)));
        }
        out.add("data:");
        out.addAll(indent(data(config.data())));
        out.add("model:");
        out.addAll(indent(model(config.model())));
        out.add("losses:");
        for (LossConfig l : config.losses()) {
            List<String> item = new ArrayList<>();
            item.add("id: " + text(l.id()));
            item.add("weight: " + l.weight());
            item.add("enabled: " + l.enabled());
            l.schedule().ifPresent(sc -> {
                item.add("schedule:");
                item.addAll(indent(List.of(
                        "initial: " + sc.initial(),
                        "peak: " + sc.peak(),
                        "final: " + sc.last(),
                        "warmupEpochs: " + sc.warmupEpochs(),
                        "epochs: " + sc.epochs())));
            });
            item.addAll(parameters(l.params()));
            out.addAll(indent(listItem(item)));
        }
        out.add("sampler:");
        out.addAll(indent(plugin(config.sampler())));
        out.add("lossBalancing:");
        out.addAll(indent(plugin(config.lossBalancing())));
        CentroidConfig c = config.centroids();
        out.add("centroids:");
        out.addAll(indent(List.of(
                "trainable: " + c.trainable(),
                "emaDecay: " + c.emaDecay(),
                "legacyChannelScramble: " + c.legacyChannelScramble(),
                "deadMass: " + c.deadMass(),
                "kick: " + c.kick(),
                "kickDecay: " + c.kickDecay(),
                "pruneFraction: " + c.pruneFraction(),
                "init: " + text(c.init()))));
        out.add("training:");
        out.addAll(indent(training(config.training())));
        out.add("output:");
        out.add(INDENT + "dir: " + text(config.output().dir().toString()));
        PredictConfig p = config.predict();
        out.add("predict:");
        out.addAll(indent(List.of(
                "tile: " + p.tile(),
                "halo: " + p.halo(),
                "statistics: " + text(p.statistics()),
                "probabilities: " + p.probabilities(),
                "writers: " + value(p.writers()))));
        out.add("evaluation:");
        out.addAll(indent(List.of(
                "mapping: " + text(config.evaluation().mapping()),
                "baseline: " + text(config.evaluation().baseline()))));
        out.add("kmeans:");
        out.addAll(indent(List.of(
                "maxIterations: " + config.kmeans().maxIterations(),
                "samplePixels: " + config.kmeans().samplePixels())));
        out.add("merge:");
        out.add(INDENT + "levels: " + value(config.merge().levels()));
        return String.join("\n", out) + "\n";
    }

    /**
     * The config as a model stores it (how it was made): {@link #toYaml} without the comments and
     * the {@code output} section, so that where a run was written and how the command was typed do
     * not make two equal models differ.
     *
     * @param config the config
     * @return YAML text
     */
    public static String toModelYaml(DgcConfig config) {
        List<String> out = new ArrayList<>();
        boolean inOutput = false;
        for (String line : toYaml(config).split("\n")) {
            if (!line.startsWith(" ")) {
                inOutput = line.equals("output:");
            }
            if (!line.strip().startsWith("#") && !inOutput) {
                out.add(line);
            }
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * Writes {@link #toYaml} to {@value #FILE_NAME} in a folder, creating the folder if needed. The
     * file is written under a temporary name and then moved into place, so a reader never sees half
     * a file and an interrupted write leaves the previous one intact.
     *
     * @param config the config
     * @param dir    the folder, usually the run's output folder
     * @return the file written
     * @throws IOException if the folder cannot be created or the file written
     */
    public static Path write(DgcConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        TempSiblings.writeString(target, toYaml(config));
        return target;
    }

    private static List<String> data(DataConfig d) {
        List<String> out = new ArrayList<>();
        out.add("inputs:");
        for (InputSpec in : d.inputs()) {
            out.addAll(indent(listItem(input(in, false))));
        }
        if (d.truth().isEmpty()) {
            out.add("truth: []");
        } else {
            out.add("truth:");
            for (InputSpec t : d.truth()) {
                out.addAll(indent(listItem(input(t, true))));
            }
        }
        out.add("normalize: " + text(d.normalize()));
        return out;
    }

    private static List<String> input(InputSpec in, boolean truth) {
        List<String> out = new ArrayList<>();
        out.add("path: " + text(in.path()));
        out.add("reader: " + text(in.reader()));
        if (truth) {
            out.add("unlabeled: " + in.unlabeled());
            out.add("abundances: " + in.abundances());
            if (!in.classes().isEmpty()) {
                out.add("classes:");
                in.classes().forEach((v, n) -> out.add(INDENT + v + ": " + text(n)));
            }
        }
        out.add("# read by '" + in.chosenReader() + "'; " + in.files().size() + (in.files().size() == 1 ? " file:" : " files:"));
        for (Path f : in.files()) {
            out.add("#   " + oneLine(f.toString()));
        }
        List<String> options = parameters(in.options());
        if (options.isEmpty()) {
            out.add("options: {}");
        } else {
            out.add("options:");
            out.addAll(indent(options));
        }
        return out;
    }

    private static List<String> model(ModelConfig m) {
        List<String> out = new ArrayList<>();
        out.add("id: " + text(m.id()));
        out.add("clusters: " + m.clusters());
        out.add("temperature: " + m.temperature());
        out.add("encoder:");
        out.addAll(indent(plugin(m.encoder())));
        MeanShiftConfig ms = m.meanShift();
        out.add("meanShift:");
        out.addAll(indent(List.of(
                "window: " + ms.window(),
                "iterations: " + ms.iterations(),
                "bandwidth: " + ms.bandwidth(),
                "learnBandwidth: " + ms.learnBandwidth())));
        return out;
    }

    private static List<String> training(TrainingConfig t) {
        List<String> out = new ArrayList<>(List.of(
                "steps: " + t.steps(),
                "batch: " + t.batch(),
                "seed: " + t.seed(),
                "gradientClip: " + t.gradientClip(),
                "checkpointEvery: " + t.checkpointEvery(),
                "epochs: " + t.epochs(),
                "stability:"));
        out.addAll(indent(List.of(
                "enabled: " + t.stability().enabled(),
                "stopAbove: " + t.stability().stopAbove(),
                "patience: " + t.stability().patience(),
                "keep: " + text(t.stability().keep()),
                "stall: " + t.stability().stall())));
        out.add("optimizer:");
        OptimizerConfig o = t.optimizer();
        out.addAll(indent(List.of(
                "id: " + text(o.id()),
                "lr: " + o.lr(),
                "weightDecay: " + o.weightDecay(),
                "beta1: " + o.beta1(),
                "beta2: " + o.beta2(),
                "epsilon: " + o.epsilon())));
        return out;
    }

    private static List<String> plugin(PluginChoice p) {
        List<String> out = new ArrayList<>();
        out.add("id: " + text(p.id()));
        out.addAll(parameters(p.params()));
        return out;
    }

    /** Every parameter with a value; an optional parameter left unset stays unset when read back. */
    private static List<String> parameters(Parameters params) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) {
            out.add(e.getKey() + ": " + value(e.getValue()));
        }
        return out;
    }

    /**
     * What a resumed run would change: every key path whose value differs between the config file a
     * run was started with and {@code config}, except {@code training.steps}, which may grow to
     * extend a run, {@code output.dir}, since a run folder may be moved, and the sections that act
     * after training or only observe it ({@code predict}, {@code evaluation}, {@code merge},
     * {@code training.stability}). Comments (the files an
     * input matched, the profile's notes) are not compared.
     *
     * @param saved  the {@value #FILE_NAME} the run wrote when it started
     * @param config the config of the resuming command
     * @return one {@code key: was → now} per difference, in key order; empty when none
     * @throws IOException if the saved file cannot be read or is not YAML
     */
    public static List<String> changesSince(Path saved, DgcConfig config) throws IOException {
        Map<String, Object> before = new TreeMap<>();
        Map<String, Object> now = new TreeMap<>();
        try {
            flatten("", new Yaml().load(Files.readString(saved, StandardCharsets.UTF_8)), before);
        } catch (YAMLException e) {
            throw new IOException(saved + " is not YAML: " + e.getMessage(), e);
        }
        flatten("", new Yaml().load(toYaml(config)), now);
        for (String free : List.of("training.steps", "output.dir")) {
            before.remove(free);
            now.remove(free);
        }
        // what happens after training may change between attempts
        for (Map<String, Object> m : List.of(before, now)) {
            m.keySet().removeIf(k -> k.startsWith("predict.") || k.startsWith("evaluation.") || k.startsWith("merge.")
                    || k.startsWith("training.stability."));
        }
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        List<String> changes = new ArrayList<>();
        for (String k : keys) {
            Object a = before.get(k);
            Object b = now.get(k);
            if (!Objects.equals(a, b)) {
                changes.add(k + ": " + (a == null ? "(absent)" : a) + " → " + (b == null ? "(absent)" : b));
            }
        }
        return changes;
    }

    private static void flatten(String path, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(path + "[" + i + "]", l.get(i), out);
            }
        } else {
            out.put(path, node);
        }
    }

    private static String value(Object v) {
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ResolvedConfig::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }

    /** Plain when that reads back as the same text, double-quoted with escapes otherwise. */
    private static String text(String s) {
        if (PLAIN.matcher(s).matches() && !AMBIGUOUS.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static List<String> listItem(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        out.add("- " + lines.get(0));
        lines.subList(1, lines.size()).forEach(l -> out.add(INDENT + l));
        return out;
    }

    private static List<String> indent(List<String> lines) {
        return lines.stream().map(l -> INDENT + l).toList();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
