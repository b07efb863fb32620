package dev.dgc.app;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.ParameterType;
import dev.dgc.api.PluginKind;
import dev.dgc.api.Suggestions;
import dev.dgc.app.config.ConfigSchema;
import dev.dgc.core.DgcException;
import dev.dgc.core.plugins.PluginDescriptor;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code dgc describe}: the parameter table and a YAML snippet of a plugin ({@code KIND/ID}), the
 * plugins of a kind ({@code KIND}), or the kinds.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Show a plugin's parameters and a YAML snippet that uses it.",
                "TARGET is KIND/ID (encoder/raster), a KIND (encoders), config or config/SECTION (every config key),",
                "or nothing for the list of kinds."})
final class DescribeCommand implements Callable<Integer> {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./*?,-][A-Za-z0-9_ ./*?,-]*");

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "KIND/ID, KIND, config[/SECTION], or nothing")
    String target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (target == null || target.isBlank()) {
            printKinds(out);
            return Main.OK;
        }
        String[] parts = target.trim().split("/", 2);
        if (parts[0].equalsIgnoreCase("config")) {
            printConfig(out, parts.length > 1 ? parts[1].trim() : "");
            return Main.OK;
        }
        PluginKind kind = PluginKind.fromLabel(parts[0]).orElseThrow(() -> new DgcException(DgcException.Kind.USAGE,
                "describe: unknown kind '" + parts[0] + "'" + Suggestions.hint(parts[0].toLowerCase(Locale.ROOT), kindLabels())
                        + "; kinds: " + PluginKind.labels()));
        PluginRegistry registry = root.registry();
        if (parts.length == 1 || parts[1].isBlank()) {
            printKind(out, registry, kind);
            return Main.OK;
        }
        printPlugin(out, registry.require(kind, parts[1].trim()));
        return Main.OK;
    }

    /** Every config section (or the one named), with its keys as declared in {@link ConfigSchema}. */
    private static void printConfig(PrintWriter out, String section) {
        Map<String, ConfigSchema.Section> sections = ConfigSchema.sections();
        List<ConfigSchema.Section> shown = new ArrayList<>();
        if (section.isEmpty()) {
            shown.addAll(sections.values());
        } else {
            ConfigSchema.Section s = sections.get(section);
            if (s == null) {
                throw new DgcException(DgcException.Kind.USAGE, "describe: no config section '" + section + "'"
                        + Suggestions.hint(section, sections.keySet()) + "; sections: " + String.join(", ", sections.keySet()));
            }
            shown.add(s);
        }
        boolean first = true;
        for (ConfigSchema.Section s : shown) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(s.path() + ": " + s.description());
            if (!s.parameters().isEmpty()) {
                printSpecs(out, s.parameters());
            }
            if (!s.nested().isEmpty()) {
                TextTable t = new TextTable("  ");
                for (Map.Entry<String, String> e : s.nested().entrySet()) {
                    t.row(e.getKey(), e.getValue());
                }
                t.print(out);
            }
            s.plugin().ifPresent(k -> out.println("  plus the parameters of the chosen " + k.label()
                    + " ('dgc describe " + k.label() + "/ID')"));
        }
        if (section.isEmpty()) {
            out.println();
            out.println("Without a losses key the reference terms apply: " + ConfigSchema.defaultLossesText() + ".");
            out.println("Relative paths are resolved against the current working directory.");
        }
    }

    private void printKinds(PrintWriter out) {
        PluginRegistry registry = root.registry();
        out.println("Plugin kinds ('dgc describe KIND' lists the plugins of one):");
        TextTable t = new TextTable("  ");
        for (PluginKind k : PluginKind.values()) {
            t.row(k.label(), registry.list(k).size() + " installed", k.service().getName());
        }
        t.print(out);
    }

    private static void printKind(PrintWriter out, PluginRegistry registry, PluginKind kind) {
        List<PluginDescriptor> ds = registry.list(kind);
        out.println(kind.plural() + " (" + ds.size() + "):");
        TextTable t = new TextTable("  ");
        for (PluginDescriptor d : ds) {
            t.row(d.id(), d.plugin().description());
        }
        if (t.isEmpty()) {
            out.println("  none installed");
        }
        t.print(out);
        if (!ds.isEmpty()) {
            out.println("'dgc describe " + kind.label() + "/" + ds.get(0).id() + "' shows one in full.");
        }
    }

    private static void printPlugin(PrintWriter out, PluginDescriptor d) {
        out.println(d.qualifiedId() + ": " + d.plugin().description());
        out.println("version " + d.version() + ", from " + d.origin());
        out.println();
        List<ParameterSpec> specs = d.plugin().parameters();
        if (specs.isEmpty()) {
            out.println("No parameters.");
        } else {
            out.println("Parameters:");
            printSpecs(out, specs);
        }
        out.println();
        out.println("In a config:");
        out.print(snippet(d.kind(), d.id(), specs));
    }

    /**
     * Prints a parameter table: name, type, default, allowed values, unit, description.
     *
     * @param out   where
     * @param specs the declarations
     */
    static void printSpecs(PrintWriter out, List<ParameterSpec> specs) {
        TextTable t = new TextTable("  ");
        t.row("name", "type", "default", "allowed", "unit", "description");
        for (ParameterSpec s : specs) {
            String def = s.required() ? "(required)" : s.defaultValue() == null ? "(none)" : render(s.defaultValue());
            t.row(s.name(), s.type().label(), def, s.allowed().isEmpty() ? "-" : s.allowed(), s.unit().isEmpty() ? "-" : s.unit(),
                    s.description());
        }
        t.print(out);
    }

    /**
     * A YAML snippet placing the plugin where the config expects that kind, with every parameter at
     * its default (required ones marked).
     */
    static String snippet(PluginKind kind, String id, List<ParameterSpec> specs) {
        StringBuilder sb = new StringBuilder();
        String pad;
        switch (kind) {
            case ENCODER:
                sb.append("model:\n  encoder:\n    id: ").append(id).append('\n');
                pad = "    ";
                break;
            case LOSS:
                sb.append("losses:\n  - id: ").append(id).append("\n    weight: 1.0\n");
                pad = "    ";
                break;
            case SAMPLER:
                sb.append("sampler:\n  id: ").append(id).append('\n');
                pad = "  ";
                break;
            case READER:
                sb.append("data:\n  inputs:\n    - path: cube-file\n      reader: ").append(id).append('\n');
                if (!specs.isEmpty()) {
                    sb.append("      options:\n");
                }
                pad = "        ";
                break;
            default:
                sb.append("id: ").append(id).append('\n');
                pad = "";
        }
        for (ParameterSpec s : specs) {
            sb.append(pad).append(s.name()).append(": ");
            if (s.defaultValue() != null) {
                sb.append(render(s.defaultValue()));
            } else {
                sb.append(s.required() ? "<required " : "<optional ").append(s.type().label()).append('>');
            }
            if (!s.description().isEmpty()) {
                sb.append("   # ").append(s.description());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A value as it would be written in YAML. */
    static String render(Object v) {
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            for (Object o : l) {
                items.add(render(o));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof Double d) {
            // exact, so a snippet pasted into a config gives back the declared default
            return Double.toString(d).replace('E', 'e');
        }
        String s = String.valueOf(v);
        return v instanceof String && !PLAIN.matcher(s).matches() ? "'" + s.replace("'", "''") + "'" : s;
    }

    /**
     * A declaration as a JSON-ready map.
     *
     * @param s the declaration
     * @return name, type, default, required, min/max, choices, unit, description
     */
    static Map<String, Object> specAsMap(ParameterSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("type", s.type().label());
        m.put("default", s.defaultValue());
        m.put("required", s.required());
        if (s.min() != null) {
            m.put("min", s.min());
            m.put("minInclusive", s.minInclusive());
        }
        if (s.max() != null) {
            m.put("max", s.max());
            m.put("maxInclusive", s.maxInclusive());
        }
        if (s.type() == ParameterType.CHOICE) {
            m.put("choices", s.choices());
        }
        m.put("unit", s.unit());
        m.put("description", s.description());
        return m;
    }

    private static List<String> kindLabels() {
        List<String> l = new ArrayList<>();
        for (PluginKind k : PluginKind.values()) {
            l.add(k.label());
        }
        return l;
    }
}
