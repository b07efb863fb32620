package dev.dgc.app;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.PluginKind;
import dev.dgc.core.io.Json;
import dev.dgc.core.plugins.PluginDescriptor;
import dev.dgc.core.plugins.PluginProblem;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dgc plugins}: every provider found, by kind, with its version and the jar it came from. */
@Command(name = "plugins", description = "List every reader, writer, encoder, loss term and sampler found, with its jar.",
        mixinStandardHelpOptions = true)
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        PluginRegistry registry = root.registry();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(asJson(registry)));
            return Main.OK;
        }
        for (PluginKind kind : PluginKind.values()) {
            List<PluginDescriptor> ds = registry.list(kind);
            out.println(kind.plural() + " (" + ds.size() + ")");
            TextTable t = new TextTable("  ");
            for (PluginDescriptor d : ds) {
                t.row(d.id(), d.version(), d.plugin().description(), shorten(d.origin()));
            }
            if (t.isEmpty()) {
                out.println("  none installed");
            }
            t.print(out);
        }
        out.println();
        out.println("plugin directories: " + (registry.directories().isEmpty() ? "none"
                : String.join(", ", registry.directories().stream().map(Path::toString).toList())));
        if (!registry.problems().isEmpty()) {
            out.println("skipped:");
            for (PluginProblem p : registry.problems()) {
                out.println("  " + p);
            }
        }
        out.println("'dgc describe KIND/ID' shows a plugin's parameters.");
        return Main.OK;
    }

    private static Map<String, Object> asJson(PluginRegistry registry) {
        List<Object> plugins = new ArrayList<>();
        for (PluginDescriptor d : registry.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.kind().label());
            m.put("id", d.id());
            m.put("version", d.version());
            m.put("description", d.plugin().description());
            m.put("origin", d.origin().toString());
            m.put("builtIn", d.builtIn());
            List<Object> params = new ArrayList<>();
            for (ParameterSpec s : d.plugin().parameters()) {
                params.add(DescribeCommand.specAsMap(s));
            }
            m.put("parameters", params);
            plugins.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plugins", plugins);
        out.put("directories", registry.directories().stream().map(Path::toString).toList());
        out.put("skipped", registry.problems().stream()
                .map(p -> Map.of("jar", p.jar().toString(), "message", p.message())).toList());
        return out;
    }

    /** Paths inside the working directory are shown relative to it; others in full. */
    private static String shorten(Path origin) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = origin.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
