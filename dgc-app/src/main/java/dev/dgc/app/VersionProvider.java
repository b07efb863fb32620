package dev.dgc.app;

import picocli.CommandLine;

/** The version printed by {@code dgc --version}: the app jar's Implementation-Version and the JVM. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = DgcCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dgc " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
