package dev.dgc.core.testing;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds real plugin jars in tests: compiles Java sources against the test class path (which holds
 * dgc-api) with the JDK compiler and packs the classes, service files and a manifest, as Maven would
 * for a third-party plugin.
 */
public final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<Path> sourceTrees = new ArrayList<>();
    private String version = "1.2.3";

    /**
     * Adds one compilation unit.
     *
     * @param className fully qualified class name
     * @param code      its source
     * @return this
     */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /**
     * Adds every {@code .java} file below a directory (a Maven {@code src/main/java}), and the files
     * below its sibling {@code resources} directory as jar resources.
     *
     * @param javaRoot the source root
     * @return this
     */
    public PluginJarBuilder sourceTree(Path javaRoot) {
        sourceTrees.add(javaRoot);
        Path res = javaRoot.resolveSibling("resources");
        if (Files.isDirectory(res)) {
            try (Stream<Path> s = Files.walk(res)) {
                s.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        resources.put(res.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /**
     * Registers a provider class under a service interface in {@code META-INF/services}.
     *
     * @param service  the service interface name
     * @param provider the provider class name
     * @return this
     */
    public PluginJarBuilder service(String service, String provider) {
        resources.merge("META-INF/services/" + service, provider + "\n", String::concat);
        return this;
    }

    /**
     * @param v the {@code Implementation-Version} written into the manifest
     * @return this
     */
    public PluginJarBuilder version(String v) {
        version = v;
        return this;
    }

    /**
     * Compiles and writes the jar.
     *
     * @param jar the jar to create
     * @return {@code jar}
     * @throws IOException           if writing fails
     * @throws IllegalStateException if compilation fails, with the compiler's messages
     */
    public Path build(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-jar");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        for (Path tree : sourceTrees) {
            try (Stream<Path> s = Files.walk(tree)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        if (!files.isEmpty()) {
            compile(files, classes);
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            try (Stream<Path> s = Files.walk(classes)) {
                for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, String> e : resources.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void compile(List<Path> files, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("tests need a JDK (javax.tools compiler), not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString());
            boolean ok = javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("plugin sources do not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                    sb.append('\n').append(d);
                }
                throw new IllegalStateException(sb.toString());
            }
        }
    }
}
