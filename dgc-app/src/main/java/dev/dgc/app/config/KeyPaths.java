package dev.dgc.app.config;

/** Spelling of key paths as users write them: {@code model.encoder.dim}, {@code losses[2].weight}. */
final class KeyPaths {

    private KeyPaths() {
    }

    /**
     * @param parent the parent's path, "" for the top level
     * @param key    a key of the parent mapping
     * @return the child's path
     */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /**
     * @param list  the list's path
     * @param index a 0-based index
     * @return the element's path
     */
    static String element(String list, int index) {
        return list + "[" + index + "]";
    }
}
