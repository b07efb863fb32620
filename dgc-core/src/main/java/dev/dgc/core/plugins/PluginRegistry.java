package dev.dgc.core.plugins;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Plugin;
import dev.dgc.api.PluginKind;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Every plugin dgc knows, by kind and id.
 *
 * <p>Built-in providers are discovered on the application class loader. Each jar in a plugins
 * directory gets its own {@link URLClassLoader} whose parent is the application loader, so a plugin
 * sees the dgc API (and may bring its own libraries) but not other plugin jars. A jar that cannot be
 * loaded is reported in {@link #problems()} with its path and skipped whole; two providers of one
 * kind with the same id stop discovery with a {@link DuplicatePluginException} naming both origins.
 *
 * <p>Immutable once built and safe to share between threads. {@link #close()} releases the plugin
 * jars.
 */
public final class PluginRegistry implements AutoCloseable {

    private static final Pattern ID = Pattern.compile(Plugin.ID_PATTERN);

    private final Map<PluginKind, Map<String, PluginDescriptor>> byKind;
    private final List<PluginProblem> problems;
    private final List<Path> directories;
    private final List<URLClassLoader> loaders;

    private PluginRegistry(Map<PluginKind, Map<String, PluginDescriptor>> byKind, List<PluginProblem> problems,
                           List<Path> directories, List<URLClassLoader> loaders) {
        this.byKind = byKind;
        this.problems = List.copyOf(problems);
        this.directories = List.copyOf(directories);
        this.loaders = List.copyOf(loaders);
    }

    /**
     * Discovers built-in plugins on {@code appLoader} and third-party plugins in the jars of each
     * directory (directories that do not exist contribute nothing).
     *
     * @param appLoader   the application class loader; the parent of every plugin jar's loader
     * @param directories plugin directories, searched in order, jars in name order
     * @return the registry
     * @throws DuplicatePluginException if two providers of one kind share an id
     */
    public static PluginRegistry discover(ClassLoader appLoader, List<Path> directories) {
        Builder b = new Builder();
        for (PluginKind kind : PluginKind.values()) {
            for (Plugin p : load(kind, appLoader, null, b.problems, null)) {
                b.add(kind, p, true, null);
            }
        }
        List<URLClassLoader> loaders = new ArrayList<>();
        for (Path dir : directories) {
            for (Path jar : jarsIn(dir, b.problems)) {
                loadJar(jar, appLoader, b, loaders);
            }
        }
        return new PluginRegistry(b.freeze(), b.problems, directories, loaders);
    }

    /**
     * A registry of the given instances, for embedding dgc in a program or for tests. Each instance
     * is registered under every plugin kind whose interface it implements.
     *
     * @param plugins the plugins
     * @return the registry
     * @throws DuplicatePluginException if two plugins of one kind share an id
     * @throws IllegalArgumentException if an instance is malformed or implements no plugin kind
     */
    public static PluginRegistry of(Plugin... plugins) {
        Builder b = new Builder();
        for (Plugin p : plugins) {
            boolean any = false;
            for (PluginKind kind : PluginKind.values()) {
                if (kind.service().isInstance(p)) {
                    any = true;
                    String bad = malformed(p);
                    if (bad != null) {
                        throw new IllegalArgumentException(p.getClass().getName() + ": " + bad);
                    }
                    b.add(kind, p, true, null);
                }
            }
            if (!any) {
                throw new IllegalArgumentException(p.getClass().getName() + " implements none of the plugin interfaces");
            }
        }
        return new PluginRegistry(b.freeze(), List.of(), List.of(), List.of());
    }

    /**
     * @return every plugin, by kind in {@link PluginKind} order, then by id
     */
    public List<PluginDescriptor> all() {
        List<PluginDescriptor> out = new ArrayList<>();
        for (PluginKind k : PluginKind.values()) {
            out.addAll(list(k));
        }
        return out;
    }

    /**
     * @param kind a kind
     * @return its plugins, by id
     */
    public List<PluginDescriptor> list(PluginKind kind) {
        return List.copyOf(byKind.get(kind).values());
    }

    /**
     * @param kind a kind
     * @return the ids of its plugins, sorted
     */
    public List<String> ids(PluginKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /**
     * @param kind a kind
     * @param id   an id
     * @return the plugin, or empty
     */
    public Optional<PluginDescriptor> find(PluginKind kind, String id) {
        return Optional.ofNullable(byKind.get(kind).get(id));
    }

    /**
     * @param kind a kind
     * @param id   an id
     * @return the plugin
     * @throws UnknownPluginException listing the ids of that kind
     */
    public PluginDescriptor require(PluginKind kind, String id) {
        return find(kind, id).orElseThrow(() -> new UnknownPluginException(kind, id, ids(kind)));
    }

    /**
     * The plugin instance of a kind, typed.
     *
     * @param <T>     the service interface
     * @param service the service interface, e.g. {@code EncoderProvider.class}
     * @param id      the id
     * @return the instance
     * @throws UnknownPluginException listing the ids of that kind
     */
    public <T extends Plugin> T get(Class<T> service, String id) {
        for (PluginKind k : PluginKind.values()) {
            if (k.service().equals(service)) {
                return service.cast(require(k, id).plugin());
            }
        }
        throw new IllegalArgumentException(service.getName() + " is not a plugin interface");
    }

    /**
     * @return the jars (and built-in providers) that could not be loaded, in discovery order
     */
    public List<PluginProblem> problems() {
        return problems;
    }

    /**
     * @return the plugin directories that were searched
     */
    public List<Path> directories() {
        return directories;
    }

    /** Closes the class loaders of plugin jars; plugins from jars must not be used afterwards. */
    @Override
    public void close() {
        for (URLClassLoader l : loaders) {
            try {
                l.close();
            } catch (IOException ignored) {
                // closing a read-only jar cannot lose anything; nothing to report
            }
        }
    }

    private static List<Path> jarsIn(Path dir, List<PluginProblem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    jars.add(p.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            problems.add(new PluginProblem(dir, "cannot list the plugins directory: " + e.getMessage()));
        }
        Collections.sort(jars);
        return jars;
    }

    private static void loadJar(Path jar, ClassLoader appLoader, Builder b, List<URLClassLoader> loaders) {
        // open it once first, so a file that is not a jar is rejected before a class loader is made
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.size() == 0) {
                b.problems.add(new PluginProblem(jar, "is an empty jar; skipped"));
                return;
            }
        } catch (ZipException e) {
            b.problems.add(new PluginProblem(jar, "not a valid jar (" + e.getMessage() + "); skipped"));
            return;
        } catch (IOException e) {
            b.problems.add(new PluginProblem(jar, "cannot be read (" + e.getMessage() + "); skipped"));
            return;
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("dgc-plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, appLoader);
        } catch (MalformedURLException e) {
            b.problems.add(new PluginProblem(jar, "cannot be loaded (" + e.getMessage() + "); skipped"));
            return;
        }
        List<PluginProblem> jarProblems = new ArrayList<>();
        Map<PluginKind, List<Plugin>> found = new EnumMap<>(PluginKind.class);
        int count = 0;
        for (PluginKind kind : PluginKind.values()) {
            List<Plugin> ps = load(kind, loader, loader, jarProblems, jar);
            found.put(kind, ps);
            count += ps.size();
        }
        if (!jarProblems.isEmpty()) {
            // one broken provider makes the whole jar suspect: use none of it
            b.problems.addAll(jarProblems);
            closeQuietly(loader);
            return;
        }
        if (count == 0) {
            b.problems.add(new PluginProblem(jar, "contains no dgc plugin (no META-INF/services entry for any of "
                    + String.join(", ", serviceNames()) + "); skipped"));
            closeQuietly(loader);
            return;
        }
        for (Map.Entry<PluginKind, List<Plugin>> e : found.entrySet()) {
            for (Plugin p : e.getValue()) {
                b.add(e.getKey(), p, false, jar);
            }
        }
        loaders.add(loader);
    }

    /**
     * Instantiates the providers of one kind visible to {@code loader}; with {@code onlyFrom} set,
     * only those whose class that loader defined (a plugin jar's loader also sees the built-ins
     * through its parent).
     */
    private static List<Plugin> load(PluginKind kind, ClassLoader loader, ClassLoader onlyFrom,
                                     List<PluginProblem> problems, Path jar) {
        List<Plugin> out = new ArrayList<>();
        Iterator<? extends ServiceLoader.Provider<? extends Plugin>> it =
                ServiceLoader.load(kind.service(), loader).stream().iterator();
        Set<String> failures = new HashSet<>();
        while (true) {
            ServiceLoader.Provider<? extends Plugin> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // the iterator goes on past a bad entry; stop if it keeps failing on the same one
                if (!failures.add(String.valueOf(e.getMessage()))) {
                    break;
                }
                problems.add(new PluginProblem(jar != null ? jar : Path.of("(class path)"),
                        kind.label() + " provider cannot be loaded: " + rootMessage(e)));
                continue;
            }
            Class<? extends Plugin> type;
            try {
                type = provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(jar != null ? jar : Path.of("(class path)"),
                        kind.label() + " provider cannot be loaded: " + rootMessage(e)));
                continue;
            }
            if (onlyFrom != null && type.getClassLoader() != onlyFrom) {
                continue;
            }
            Path origin = jar != null ? jar : originOf(type);
            try {
                Plugin p = provider.get();
                String bad = malformed(p);
                if (bad != null) {
                    problems.add(new PluginProblem(origin, type.getName() + ": " + bad));
                    continue;
                }
                out.add(p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(origin, type.getName() + " cannot be created: " + rootMessage(e)));
            }
        }
        return out;
    }

    /** Checks what the contract asks of every plugin; returns what is wrong, or null. */
    private static String malformed(Plugin p) {
        String id;
        try {
            id = p.id();
            if (id == null || !ID.matcher(id).matches()) {
                return "id '" + id + "' is not valid (lower-case words joined by '-', like 'overlapping-pair')";
            }
            if (p.description() == null || p.description().isBlank()) {
                return "plugin '" + id + "' has no description";
            }
            List<ParameterSpec> specs = p.parameters();
            Set<String> names = new HashSet<>();
            for (ParameterSpec s : specs) {
                if (!names.add(s.name())) {
                    return "plugin '" + id + "' declares parameter '" + s.name() + "' twice";
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return "plugin declaration fails: " + rootMessage(e);
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t == e ? String.valueOf(m) : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + m + ")";
    }

    private static Path originOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return Path.of("(unknown)");
        }
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(cs.getLocation().getPath());
        }
    }

    private static String versionOf(Class<?> type) {
        Package pkg = type.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        for (PluginKind k : PluginKind.values()) {
            names.add(k.service().getName());
        }
        return names;
    }

    private static void closeQuietly(URLClassLoader l) {
        try {
            l.close();
        } catch (IOException ignored) {
            // nothing was loaded from it that could be lost
        }
    }

    /** Collects descriptors, rejecting duplicate ids as they arrive. */
    private static final class Builder {
        private final Map<PluginKind, Map<String, PluginDescriptor>> byKind = new EnumMap<>(PluginKind.class);
        private final List<PluginProblem> problems = new ArrayList<>();

        Builder() {
            for (PluginKind k : PluginKind.values()) {
                byKind.put(k, new TreeMap<>());
            }
        }

        void add(PluginKind kind, Plugin p, boolean builtIn, Path jar) {
            Path origin = jar != null ? jar : originOf(p.getClass());
            PluginDescriptor d = new PluginDescriptor(kind, p, versionOf(p.getClass()), origin, builtIn);
            PluginDescriptor previous = byKind.get(kind).putIfAbsent(p.id(), d);
            if (previous != null) {
                throw new DuplicatePluginException(previous, d);
            }
        }

        Map<PluginKind, Map<String, PluginDescriptor>> freeze() {
            Map<PluginKind, Map<String, PluginDescriptor>> out = new EnumMap<>(PluginKind.class);
            for (Map.Entry<PluginKind, Map<String, PluginDescriptor>> e : byKind.entrySet()) {
                out.put(e.getKey(), Collections.unmodifiableMap(e.getValue()));
            }
            return Collections.unmodifiableMap(out);
        }
    }
}
