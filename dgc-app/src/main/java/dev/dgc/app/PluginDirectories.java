package dev.dgc.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where third-party plugin jars are looked for: the {@code --plugins} directories when given,
 * otherwise the directories in {@code DGC_PLUGINS} (separated like {@code PATH}), otherwise
 * {@code ~/.dgc/plugins}.
 */
final class PluginDirectories {

    /** The environment variable naming plugin directories. */
    static final String ENV = "DGC_PLUGINS";

    private PluginDirectories() {
    }

    /**
     * @param explicit directories from {@code --plugins}, possibly empty
     * @param env      the process environment
     * @param userHome the user's home directory
     * @return the directories to search, in order
     */
    static List<Path> resolve(List<Path> explicit, Map<String, String> env, Path userHome) {
        if (!explicit.isEmpty()) {
            return List.copyOf(explicit);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            List<Path> dirs = new ArrayList<>();
            for (String part : fromEnv.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part.trim()));
                }
            }
            return dirs;
        }
        return List.of(defaultDirectory(userHome));
    }

    /**
     * @param userHome the user's home directory
     * @return {@code ~/.dgc/plugins}
     */
    static Path defaultDirectory(Path userHome) {
        return userHome.resolve(".dgc").resolve("plugins");
    }
}
