package dev.dgc.api.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class TempSiblingsTest {

    @Test
    void aTempFileIsHiddenBesideItsTargetWithTheUsersDefaultPermissionsNotOwnerOnly(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("labels.tif");
        Path plain = Files.createFile(dir.resolve("plain"));
        assumeThat(Files.getFileStore(plain).supportsFileAttributeView("posix")).isTrue();

        Path temp = TempSiblings.file(target);

        assertThat(temp.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(temp.getFileName().toString()).startsWith(".labels.tif.").endsWith(".tmp");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(temp)).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(Files.createTempFile(dir, "x", ".tmp")))
                .as("what Files.createTempFile would have given").containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aTempFolderGetsTheDefaultFolderPermissionsAndEachCallANewName(@TempDir Path dir) throws IOException {
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assumeThat(Files.getFileStore(plain).supportsFileAttributeView("posix")).isTrue();

        Path a = TempSiblings.directory(dir.resolve("model"));
        Path b = TempSiblings.directory(dir.resolve("model"));

        assertThat(a).isDirectory().isNotEqualTo(b);
        assertThat(Files.getPosixFilePermissions(a)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFinishedTempFileReplacesTheOutputAndIsGone(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("losses.csv"), "old\n");
        Path temp = Files.writeString(TempSiblings.file(target), "new\n");

        TempSiblings.moveIntoPlace(temp, target);

        assertThat(target).hasContent("new");
        assertThat(temp).doesNotExist();
    }
}
