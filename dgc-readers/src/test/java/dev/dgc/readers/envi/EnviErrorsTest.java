package dev.dgc.readers.envi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static dev.dgc.readers.envi.EnviFixture.header;
import static dev.dgc.readers.envi.EnviFixture.write;
import static dev.dgc.readers.envi.EnviSamples.open;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is refused with a message naming the file and the key or value at fault, and saying what is expected. */
class EnviErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aTruncatedDataFileIsNamedWithTheBytesTheHeaderRequires() throws Exception {
        Path data = write(dir, "short", header(2, 3, 2, 2, "bil", 0, ""), new byte[20]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining(data.toString())
                .hasMessageContaining("(20 bytes) is truncated")
                .hasMessageContaining("need 24 bytes")
                .hasMessageContaining(dir.resolve("short.hdr").toString());
    }

    @Test
    void aHeaderWithoutBandsNamesTheMissingKey() throws Exception {
        Path data = write(dir, "nobands", header(1, 1, 1, 1, "bsq", 0, "").replace("bands = 1\n", ""), new byte[1]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("nobands.hdr") + ": the header has no 'bands'; an ENVI header must give it");
    }

    @Test
    void anUnknownDataTypeListsTheSupportedOnes() throws Exception {
        Path data = write(dir, "dt7", header(1, 1, 1, 7, "bsq", 0, ""), new byte[8]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("dt7.hdr") + ": data type 7 is not an ENVI data type; expected one of 1 (uint8)");
    }

    @Test
    void complexDataIsRefusedByName() throws Exception {
        Path data = write(dir, "cx", header(1, 1, 1, 6, "bsq", 0, ""), new byte[8]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("cx.hdr") + ": complex float32 samples (data type 6) are not supported");
        Path data9 = write(dir, "cx9", header(1, 1, 1, 9, "bsq", 0, ""), new byte[16]);
        assertThatThrownBy(() -> open(data9)).hasMessageContaining("complex float64 samples (data type 9)");
    }

    @Test
    void anUnmatchedBraceNamesTheKeyAndTheLineItOpensOn() throws Exception {
        Path data = write(dir, "brace", header(1, 1, 1, 1, "bsq", 0, "band names = {\nBand 1,\n"), new byte[1]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("brace.hdr") + ": the value of 'band names' opens a brace '{' on line 10 that is never closed; "
                        + "add the matching '}'");
    }

    @Test
    void aHeaderOffsetPastTheEndOfTheDataIsNamedWithItsValue() throws Exception {
        Path data = write(dir, "off", header(1, 1, 1, 1, "bsq", 0, "").replace("header offset = 0", "header offset = 4096"), new byte[10]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(data + " (10 bytes)")
                .hasMessageContaining("'header offset = 4096'")
                .hasMessageContaining("lies past the end of the data file");
    }

    @Test
    void aMalformedValueIsQuotedWithItsLine() throws Exception {
        Path data = write(dir, "il", header(1, 1, 2, 1, "bsq", 0, "").replace("interleave = bsq", "interleave = bsx"), new byte[2]);
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("il.hdr") + ": 'interleave' on line 8 is 'bsx'; expected bsq, bil or bip");
        Path lines = write(dir, "ln", header(1, 1, 1, 1, "bsq", 0, "").replace("lines = 1", "lines = many"), new byte[1]);
        assertThatThrownBy(() -> open(lines))
                .hasMessage(dir.resolve("ln.hdr") + ": 'lines' on line 3 is 'many'; expected a whole number");
    }

    @Test
    void aListOfTheWrongLengthSaysHowManyItemsWereExpected() throws Exception {
        Path data = write(dir, "wl", header(1, 1, 3, 1, "bsq", 0, "wavelength = {400, 500}\n"), new byte[3]);
        assertThatThrownBy(() -> open(data))
                .hasMessageContaining(dir.resolve("wl.hdr") + ": 'wavelength' on line 10 is '400, 500'; expected 3 wavelengths, one per band, but it has 2");
    }

    @Test
    void aMissingByteOrderForMultiByteSamplesIsNamed() throws Exception {
        Path data = write(dir, "bo", header(1, 1, 1, 2, "bsq", 0, "").replace("byte order = 0\n", ""), new byte[2]);
        assertThatThrownBy(() -> open(data))
                .hasMessage(dir.resolve("bo.hdr") + ": the header has no 'byte order'; expected 0 (little-endian) or 1 (big-endian)");
    }

    @Test
    void gzipDeclaredButAbsentIsReportedAsSuch() throws Exception {
        Path data = write(dir, "gz", header(1, 1, 1, 1, "bsq", 0, "file compression = 1\n"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> open(data))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(data + ": 'file compression = 1' says gzip, but the data is not valid gzip");
    }

    @Test
    void aHeaderWithoutItsDataFileSaysWhichNamesWereTried() throws Exception {
        Path hdr = Files.writeString(dir.resolve("alone.hdr"), header(1, 1, 1, 1, "bsq", 0, ""));
        assertThatThrownBy(() -> open(hdr))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(hdr.toString())
                .hasMessageContaining("no data file beside this ENVI header; looked for alone, alone.img, alone.IMG, alone.dat");
    }

    @Test
    void aFileThatIsNotAnEnviHeaderIsRefusedWithItsFirstLine() throws Exception {
        Path data = write(dir, "notenvi", "samples = 1\n", new byte[1]);
        assertThatThrownBy(() -> open(data))
                .hasMessage(dir.resolve("notenvi.hdr") + ": not an ENVI header: the first line must be 'ENVI', found 'samples = 1'");
    }
}
