package dev.dgc.app.report;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.io.Json;
import dev.dgc.core.plugins.PluginDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of how a run's outputs came about, written as {@value #FILE_NAME} beside them
 * (architecture.md, data flow step 7): the resolved config, the seeds, the plugins used with their
 * versions and jars, every input file with its size and SHA-256, time by phase and memory, the dgc
 * version and the machine (Java, OS, processors), and when the run started and ended. With it, a
 * result can be traced to exactly what produced it. Immutable; collections are copied in order.
 *
 * @param dgcVersion     the dgc version ({@link #currentDgcVersion()})
 * @param started        when the run started
 * @param finished       when it ended, not before {@code started}
 * @param commandLine    the command that ran (may be empty when unknown)
 * @param resolvedConfig the text of {@code config.resolved.yaml}
 * @param seeds          seed by use, e.g. {@code "root" → 42}, {@code "kmeans" → 7}
 * @param plugins        the plugins the run used
 * @param inputs         every file the run read, with its hash
 * @param timings        seconds by phase, in the order they ran
 * @param memory         the process's resident memory at the end, when known
 * @param environment    the machine and Java runtime
 */
public record Provenance(String dgcVersion, Instant started, Instant finished, String commandLine, String resolvedConfig,
                         Map<String, Long> seeds, List<PluginUse> plugins, List<InputFile> inputs, Map<String, Double> timings,
                         Optional<PeakMemory> memory, Environment environment) {

    /** The file name in a run's output folder. */
    public static final String FILE_NAME = "provenance.json";

    /** Checks every field and copies the collections. */
    public Provenance {
        RunReport.requireText(dgcVersion, "dgcVersion");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        if (finished.isBefore(started)) {
            throw new IllegalArgumentException("the run cannot finish (" + finished + ") before it started (" + started + ")");
        }
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(resolvedConfig, "resolvedConfig");
        seeds = RunReport.orderedCopy(seeds, "seeds");
        plugins = List.copyOf(plugins);
        inputs = List.copyOf(inputs);
        timings = RunReport.orderedCopy(timings, "timings");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(environment, "environment");
    }

    /**
     * The version of the dgc application: its jar's {@code Implementation-Version}.
     *
     * @return the version, or "dev" when run from classes rather than a jar
     */
    public static String currentDgcVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * The record as a JSON tree of maps and lists (see {@link Json}), in a fixed key order.
     *
     * @return the tree
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dgcVersion", dgcVersion);
        m.put("started", started.toString());
        m.put("finished", finished.toString());
        m.put("commandLine", commandLine);
        m.put("seeds", seeds);
        List<Object> ps = new ArrayList<>();
        for (PluginUse p : plugins) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("kind", p.kind());
            pm.put("id", p.id());
            pm.put("version", p.version());
            pm.put("origin", p.origin().toString());
            pm.put("builtIn", p.builtIn());
            ps.add(pm);
        }
        m.put("plugins", ps);
        List<Object> is = new ArrayList<>();
        for (InputFile f : inputs) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("path", f.path().toString());
            fm.put("bytes", f.bytes());
            fm.put("sha256", f.sha256());
            is.add(fm);
        }
        m.put("inputs", is);
        m.put("timings", timings);
        m.put("peakResidentBytes", memory.map(PeakMemory::peakResidentBytes));
        m.put("residentBytes", memory.map(PeakMemory::residentBytes));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("javaVersion", environment.javaVersion());
        env.put("javaVendor", environment.javaVendor());
        env.put("javaVm", environment.javaVm());
        env.put("os", environment.os());
        env.put("osVersion", environment.osVersion());
        env.put("arch", environment.arch());
        env.put("availableProcessors", environment.availableProcessors());
        env.put("maxHeapBytes", environment.maxHeapBytes());
        m.put("environment", env);
        m.put("resolvedConfig", resolvedConfig);
        return m;
    }

    /**
     * Writes the record as JSON under a temporary name beside {@code target}, then moves it into
     * place, so that no half-written file is ever seen.
     *
     * @param target the file, normally {@code <run dir>/}{@value #FILE_NAME}
     * @throws IOException when it cannot be written
     */
    public void write(Path target) throws IOException {
        TempSiblings.writeString(target, Json.write(toJson()) + "\n");
    }

    /**
     * A plugin a run used.
     *
     * @param kind    its kind label ("reader", "encoder", …)
     * @param id      its id
     * @param version its jar's version, "dev" when run from classes
     * @param origin  the jar or class folder it was loaded from
     * @param builtIn whether it came with dgc rather than from a plugins directory
     */
    public record PluginUse(String kind, String id, String version, Path origin, boolean builtIn) {

        /** Requires every field. */
        public PluginUse {
            RunReport.requireText(kind, "plugin kind");
            RunReport.requireText(id, "plugin id");
            RunReport.requireText(version, "plugin version");
            Objects.requireNonNull(origin, "origin");
        }

        /**
         * The record of a discovered plugin, as {@code dgc plugins} shows it.
         *
         * @param d from {@link dev.dgc.core.plugins.PluginRegistry#require}
         * @return its kind, id, version and origin
         */
        public static PluginUse of(PluginDescriptor d) {
            return new PluginUse(d.kind().label(), d.id(), d.version(), d.origin(), d.builtIn());
        }
    }

    /**
     * A file a run read.
     *
     * @param path   where it was read
     * @param bytes  its size
     * @param sha256 its SHA-256, 64 lower-case hex digits
     */
    public record InputFile(Path path, long bytes, String sha256) {

        /** Checks the size and the form of the hash. */
        public InputFile {
            Objects.requireNonNull(path, "path");
            if (bytes < 0) {
                throw new IllegalArgumentException("size of " + path + " must be >= 0 bytes, found " + bytes);
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("SHA-256 of " + path + " must be 64 lower-case hex digits, found '" + sha256 + "'");
            }
        }

        /**
         * Measures and hashes a file, streaming it (a cube of many gigabytes is never held in memory).
         * An ENVI cube is two files, header and data: hash both.
         *
         * @param file the file
         * @return its absolute path, size and SHA-256
         * @throws IOException when it cannot be read
         */
        public static InputFile of(Path file) throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime provides SHA-256", e);
            }
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
            }
            return new InputFile(file.toAbsolutePath().normalize(), size, HexFormat.of().formatHex(sha.digest()));
        }
    }

    /**
     * The machine and Java runtime a run used.
     *
     * @param javaVersion         {@code java.version}
     * @param javaVendor          {@code java.vendor}
     * @param javaVm              {@code java.vm.name} and {@code java.vm.version}
     * @param os                  {@code os.name}
     * @param osVersion           {@code os.version}
     * @param arch                {@code os.arch}
     * @param availableProcessors processors the JVM may use
     * @param maxHeapBytes        the heap limit ({@code -Xmx}); ND4J's off-heap memory is outside it
     */
    public record Environment(String javaVersion, String javaVendor, String javaVm, String os, String osVersion, String arch,
                              int availableProcessors, long maxHeapBytes) {

        /** Requires every field. */
        public Environment {
            Objects.requireNonNull(javaVersion, "javaVersion");
            Objects.requireNonNull(javaVendor, "javaVendor");
            Objects.requireNonNull(javaVm, "javaVm");
            Objects.requireNonNull(os, "os");
            Objects.requireNonNull(osVersion, "osVersion");
            Objects.requireNonNull(arch, "arch");
            if (availableProcessors < 1) {
                throw new IllegalArgumentException("available processors must be >= 1, found " + availableProcessors);
            }
        }

        /**
         * This process's machine and runtime.
         *
         * @return them
         */
        public static Environment current() {
            return new Environment(System.getProperty("java.version", ""), System.getProperty("java.vendor", ""),
                    System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.version", ""),
                    System.getProperty("os.name", ""), System.getProperty("os.version", ""), System.getProperty("os.arch", ""),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        }
    }
}
