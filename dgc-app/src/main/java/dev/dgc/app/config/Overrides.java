package dev.dgc.app.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set key.path=value} overrides to a config tree, in order, so a later override of
 * the same key wins.
 *
 * <p>Path segments are separated by {@code .}; list elements are addressed as {@code name[i]},
 * 0-based. The value is a YAML fragment, so {@code model.clusters=8} sets a number and
 * {@code data.inputs[0].options={variable: x}} a mapping. Missing mapping keys along the path are
 * created; an index must address an existing element. Without a {@code losses} key, an index into
 * {@code losses} addresses the reference terms the config would otherwise get by default. A scalar
 * where the path continues is expanded when the schema allows it as shorthand
 * ({@code encoder: raster} is {@code {id: raster}}).
 */
final class Overrides {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)((?:\\[[0-9]+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

    /** One step of a key path. */
    private sealed interface Step permits Key, Index {
    }

    private record Key(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    /** A place in the tree that can be read and replaced. */
    private interface Slot {
        ConfigNode get();

        void set(ConfigNode value);
    }

    private Overrides() {
    }

    /**
     * Applies the overrides to the tree.
     *
     * @param root      the config's top-level mapping, edited in place
     * @param overrides the overrides as typed after {@code --set}
     * @param problems  where malformed overrides and impossible paths are reported, each naming the
     *                  override as its source
     */
    static void apply(ConfigNode.Mapping root, List<String> overrides, List<ConfigProblem> problems) {
        for (String override : overrides) {
            applyOne(root, override, problems);
        }
    }

    /**
     * How problems caused by an override name their source: the override as it was typed.
     *
     * @param override the text after {@code --set}
     * @return {@code --set key.path=value}
     */
    static String source(String override) {
        return "--set " + override;
    }

    private static void applyOne(ConfigNode.Mapping root, String override, List<ConfigProblem> problems) {
        Location here = Location.of(source(override));
        int eq = override.indexOf('=');
        if (eq < 0) {
            problems.add(here.problem("", "an override is key.path=value, such as model.clusters=8 or losses[2].weight=0.5;"
                    + " found no '='"));
            return;
        }
        String pathText = override.substring(0, eq).trim();
        List<Step> steps = parsePath(pathText, here, problems);
        if (steps.isEmpty()) {
            return;
        }
        ConfigNode value;
        try {
            value = YamlTrees.parseFragment(override.substring(eq + 1), here.source(), pathText, problems);
        } catch (YamlTrees.SyntaxError e) {
            problems.add(here.problem(pathText, "the value is not valid YAML: " + e.getMessage()));
            return;
        }
        String first = ((Key) steps.get(0)).name();
        Slot slot = keySlot(root, first, here);
        String concrete = first;
        String generic = first;
        for (Step step : steps.subList(1, steps.size())) {
            ConfigNode node = slot.get();
            if (step instanceof Key k) {
                ConfigNode.Mapping m = asMapping(node, generic, here);
                if (m == null) {
                    problems.add(here.problem(concrete, "is " + node.describe() + ", not a mapping, so it has no key '"
                            + k.name() + "'"));
                    return;
                }
                if (m != node) {
                    slot.set(m);
                }
                slot = keySlot(m, k.name(), here);
                concrete = KeyPaths.child(concrete, k.name());
                generic = KeyPaths.child(generic, k.name());
            } else {
                int i = ((Index) step).index();
                if (node == null && generic.equals("losses")) {
                    node = referenceLosses(here);
                    slot.set(node);
                }
                if (!(node instanceof ConfigNode.Sequence q)) {
                    problems.add(here.problem(concrete, (node == null ? "is not set" : "is " + node.describe())
                            + ", not a list, so it has no element [" + i + "]"
                            + (node == null ? "; set the whole list instead, such as " + concrete + "=[…]" : "")));
                    return;
                }
                int n = q.items().size();
                if (i >= n) {
                    problems.add(here.problem(KeyPaths.element(concrete, i), "index " + i + " is past the end of " + concrete
                            + ", which has " + n + (n == 1 ? " element" : " elements")
                            + (n > 0 ? " (indices 0 to " + (n - 1) + ")" : "")));
                    return;
                }
                slot = indexSlot(q, i);
                concrete = KeyPaths.element(concrete, i);
                generic = generic + "[]";
            }
        }
        slot.set(value);
    }

    /** Parses {@code a.b[1].c} into steps, or reports why it is malformed and returns no steps. */
    private static List<Step> parsePath(String pathText, Location here, List<ConfigProblem> problems) {
        if (pathText.isEmpty()) {
            problems.add(here.problem("", "the key path before '=' is empty; an override is key.path=value, such as model.clusters=8"));
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (String part : pathText.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                problems.add(here.problem("", "'" + part + "' in '" + pathText + "' is not a key or key[index]; keys are letters,"
                        + " digits, '-' and '_', and indices are whole numbers from 0, such as losses[2].weight"));
                return List.of();
            }
            steps.add(new Key(m.group(1)));
            Matcher ix = INDEX.matcher(m.group(2));
            while (ix.find()) {
                try {
                    steps.add(new Index(Integer.parseInt(ix.group(1))));
                } catch (NumberFormatException e) {
                    problems.add(here.problem("", "index " + ix.group(1) + " in '" + pathText + "' is too large"));
                    return List.of();
                }
            }
        }
        return steps;
    }

    /** The mapping a path continues into: the node itself, a new one for nothing, or an expanded shorthand. */
    private static ConfigNode.Mapping asMapping(ConfigNode node, String genericPath, Location here) {
        if (node instanceof ConfigNode.Mapping m) {
            return m;
        }
        if (node == null || node instanceof ConfigNode.Scalar s && s.isNull()) {
            return ConfigNode.Mapping.empty(here);
        }
        if (node instanceof ConfigNode.Scalar s) {
            return ConfigSchema.shorthandKey(genericPath).map(key -> {
                Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
                entries.put(key, new ConfigNode.Entry(s.location(), s));
                return new ConfigNode.Mapping(s.location(), entries);
            }).orElse(null);
        }
        return null;
    }

    /** The loss list a config without {@code losses} gets, written out so an override can edit it. */
    private static ConfigNode.Sequence referenceLosses(Location here) {
        List<ConfigNode> items = new ArrayList<>();
        for (ConfigSchema.DefaultLoss l : ConfigSchema.defaultLosses()) {
            Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
            entries.put("id", new ConfigNode.Entry(here, new ConfigNode.Scalar(here, l.id())));
            entries.put("weight", new ConfigNode.Entry(here, new ConfigNode.Scalar(here, Double.toString(l.weight()))));
            items.add(new ConfigNode.Mapping(here, entries));
        }
        return new ConfigNode.Sequence(here, items);
    }

    private static Slot keySlot(ConfigNode.Mapping m, String key, Location here) {
        return new Slot() {
            @Override
            public ConfigNode get() {
                return m.get(key);
            }

            @Override
            public void set(ConfigNode value) {
                ConfigNode.Entry old = m.entries().get(key);
                m.entries().put(key, new ConfigNode.Entry(old != null ? old.keyLocation() : here, value));
            }
        };
    }

    private static Slot indexSlot(ConfigNode.Sequence q, int i) {
        return new Slot() {
            @Override
            public ConfigNode get() {
                return q.items().get(i);
            }

            @Override
            public void set(ConfigNode value) {
                q.items().set(i, value);
            }
        };
    }
}
