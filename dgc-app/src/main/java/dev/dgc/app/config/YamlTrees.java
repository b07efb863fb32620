package dev.dgc.app.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns YAML text into a {@link ConfigNode} tree through SnakeYAML's node API, so that every value
 * keeps its line and column. Duplicate keys are reported (SnakeYAML only checks them when it
 * constructs Java objects, which this loader never asks it to do); anchors, aliases and merge keys
 * ({@code <<: *base}) are resolved.
 */
final class YamlTrees {

    /** Thrown for text that is not YAML; carries the single problem to report. */
    static final class SyntaxError extends Exception {

        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** @return the 1-based line of the error, or 0 when the parser gave none */
        int line() {
            return line;
        }

        /** @return the 1-based column of the error, or 0 when the parser gave none */
        int column() {
            return column;
        }
    }

    private final Function<Node, Location> locate;
    private final List<ConfigProblem> problems;
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTrees(Function<Node, Location> locate, List<ConfigProblem> problems) {
        this.locate = locate;
        this.problems = problems;
    }

    /**
     * Parses a config file's text; values are located by line and column.
     *
     * @param text     the file's content
     * @param source   the file as the user named it
     * @param problems where duplicate keys and recursive aliases are reported
     * @return the tree, or null when the text holds no value (empty, only comments)
     * @throws SyntaxError if the text is not YAML, with the parser's position and short message
     */
    static ConfigNode parseFile(String text, String source, List<ConfigProblem> problems) throws SyntaxError {
        Node root = compose(text);
        if (root == null) {
            return null;
        }
        Function<Node, Location> locate = n -> {
            Mark m = n.getStartMark();
            return m == null ? Location.of(source) : new Location(source, m.getLine() + 1, m.getColumn() + 1);
        };
        return new YamlTrees(locate, problems).convert(root, "");
    }

    /**
     * Parses the value of an override; every value is located at the override itself.
     *
     * @param text     the text after {@code =}
     * @param source   the override as typed, {@code --set key=value}
     * @param keyPath  the key path the value is set at, for problems inside it
     * @param problems where duplicate keys are reported
     * @return the tree; empty text gives a null scalar
     * @throws SyntaxError if the text is not YAML
     */
    static ConfigNode parseFragment(String text, String source, String keyPath, List<ConfigProblem> problems) throws SyntaxError {
        Node root = compose(text);
        if (root == null) {
            return new ConfigNode.Scalar(Location.of(source), null);
        }
        return new YamlTrees(n -> Location.of(source), problems).convert(root, keyPath);
    }

    private static Node compose(String text) throws SyntaxError {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = e.getProblem() != null ? e.getProblem() : e.getContext();
            // the context says what was open when the parser gave up, often where the real mistake is
            Mark c = e.getContextMark();
            if (e.getProblem() != null && e.getContext() != null && c != null) {
                message += " (" + e.getContext() + " at line " + (c.getLine() + 1) + ", column " + (c.getColumn() + 1) + ")";
            }
            if (m == null) {
                throw new SyntaxError(message, 0, 0);
            }
            throw new SyntaxError(message, m.getLine() + 1, m.getColumn() + 1);
        } catch (YAMLException e) {
            throw new SyntaxError(e.getMessage(), 0, 0);
        }
    }

    private ConfigNode convert(Node node, String path) {
        Location here = locate.apply(node);
        if (node instanceof ScalarNode s) {
            return new ConfigNode.Scalar(here, Tag.NULL.equals(s.getTag()) ? null : s.getValue());
        }
        if (!open.add(node)) {
            problems.add(here.problem(path, "an alias refers to a mapping or list that contains it; such a value never ends"));
            return new ConfigNode.Scalar(here, null);
        }
        try {
            if (node instanceof SequenceNode q) {
                List<ConfigNode> items = new ArrayList<>(q.getValue().size());
                for (Node item : q.getValue()) {
                    items.add(convert(item, KeyPaths.element(path, items.size())));
                }
                return new ConfigNode.Sequence(here, items);
            }
            return convertMapping((MappingNode) node, here, path);
        } finally {
            open.remove(node);
        }
    }

    private ConfigNode.Mapping convertMapping(MappingNode node, Location here, String path) {
        Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
        List<ConfigNode> merged = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            Node keyNode = t.getKeyNode();
            Location keyLocation = locate.apply(keyNode);
            if (Tag.MERGE.equals(keyNode.getTag())) {
                merged.add(convert(t.getValueNode(), path));
                continue;
            }
            if (!(keyNode instanceof ScalarNode k)) {
                problems.add(keyLocation.problem(path, "a key must be a single value, found " + convert(keyNode, path).describe()));
                continue;
            }
            String key = k.getValue();
            ConfigNode.Entry first = entries.get(key);
            if (first != null) {
                problems.add(keyLocation.problem(KeyPaths.child(path, key), "duplicate key"
                        + (first.keyLocation().line() > 0 ? "; first given at line " + first.keyLocation().line() : "")
                        + "; give each key once"));
                continue;
            }
            entries.put(key, new ConfigNode.Entry(keyLocation, convert(t.getValueNode(), KeyPaths.child(path, key))));
        }
        // YAML merge keys: explicit keys win, then earlier merged mappings win over later ones
        for (ConfigNode m : merged) {
            List<ConfigNode> sources = m instanceof ConfigNode.Sequence q ? q.items() : List.of(m);
            for (ConfigNode source : sources) {
                if (source instanceof ConfigNode.Mapping sm) {
                    sm.entries().forEach(entries::putIfAbsent);
                } else {
                    problems.add(source.location().problem(path, "'<<' merges mappings, found " + source.describe()));
                }
            }
        }
        return new ConfigNode.Mapping(here, entries);
    }
}
