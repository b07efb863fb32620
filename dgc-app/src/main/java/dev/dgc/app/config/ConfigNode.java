package dev.dgc.app.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of the config as written, with its {@link Location}. The tree is built from SnakeYAML's
 * nodes, edited in place by overrides, then read once by the binder; it never leaves the package.
 */
sealed interface ConfigNode {

    /**
     * @return where the value was written
     */
    Location location();

    /**
     * How the value is named in messages ("a mapping", "a list", "'many'", "nothing").
     *
     * @return the phrase
     */
    String describe();

    /**
     * The value as plain Java (text, lists, maps), the form {@code ParameterSpec.coerce} takes.
     *
     * @return the value; a null scalar inside a list or mapping becomes the empty text
     */
    Object raw();

    /**
     * A mapping; its keys keep the order they were written in.
     *
     * @param location where the mapping starts
     * @param entries  the entries by key
     */
    record Mapping(Location location, Map<String, Entry> entries) implements ConfigNode {

        /**
         * An empty mapping, standing for a section that was not written (its location is that of
         * the mapping that should have held it).
         *
         * @param location the place to report missing keys at
         * @return the mapping
         */
        static Mapping empty(Location location) {
            return new Mapping(location, new LinkedHashMap<>());
        }

        /**
         * @param key a key
         * @return its value, or null when absent
         */
        ConfigNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        @Override
        public Object raw() {
            Map<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, e) -> m.put(k, e.value().raw()));
            return m;
        }
    }

    /**
     * One entry of a mapping.
     *
     * @param keyLocation where the key was written; unknown keys are reported there
     * @param value       the value
     */
    record Entry(Location keyLocation, ConfigNode value) {
    }

    /**
     * A list.
     *
     * @param location where the list starts
     * @param items    the elements
     */
    record Sequence(Location location, List<ConfigNode> items) implements ConfigNode {

        @Override
        public String describe() {
            return "a list";
        }

        @Override
        public Object raw() {
            List<Object> l = new ArrayList<>(items.size());
            items.forEach(i -> l.add(i.raw()));
            return l;
        }
    }

    /**
     * A single value, kept as the text written: the declarations decide how to read it, so
     * {@code 08} for a string stays {@code 08}.
     *
     * @param location where the value was written
     * @param text     the text, or null for YAML's null ({@code ~}, {@code null} or nothing)
     */
    record Scalar(Location location, String text) implements ConfigNode {

        /**
         * @return whether the value is YAML's null
         */
        boolean isNull() {
            return text == null;
        }

        @Override
        public String describe() {
            return text == null ? "nothing" : "'" + text + "'";
        }

        @Override
        public Object raw() {
            return text == null ? "" : text;
        }
    }
}
