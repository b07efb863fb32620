package dev.dgc.readers.matlab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static dev.dgc.readers.matlab.ExampleData.SALINAS_A;
import static dev.dgc.readers.matlab.ExampleData.SAMSON_END;
import static dev.dgc.readers.matlab.ExampleData.open;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the {@code matlab} reader says when a file or an option is wrong: file, variable, remedy. */
class MatlabErrorsTest {

    @Test
    void aMissingVariableListsTheVariablesPresentWithSizesAndClasses() {
        assertThatThrownBy(() -> open(SALINAS_A, Map.of("variable", "foo")))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("SalinasA_corrected.mat: no variable 'foo'; variables present: salinasA_corrected (83×86×204 int16)");
    }

    @Test
    void aMisspelledVariableGetsASuggestion() {
        assertThatThrownBy(() -> open(SALINAS_A, Map.of("variable", "salinasA_corected")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did you mean 'salinasA_corrected'");
    }

    @Test
    void aTruncatedFileGivesAnIOExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        Path truncated = Files.write(dir.resolve("truncated-salinas.mat"), Arrays.copyOf(Files.readAllBytes(SALINAS_A), 1000));
        assertThatThrownBy(() -> open(truncated, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(truncated + ": ")
                .hasMessageContaining("ends early")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aFileThatIsNotAMatFileIsRejectedByName(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("cube.mat"), "not a MAT-file at all");
        assertThatThrownBy(() -> open(text, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cube.mat: not a MATLAB MAT-file");
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> open(dir.resolve("absent.mat"), Map.of()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.mat");
    }

    @Test
    void aCubeUnderTheBandsPixelsLayoutIsRejectedForItsThreeDimensions() {
        assertThatThrownBy(() -> open(SALINAS_A, Map.of("layout", "bands,pixels", "variable", "salinasA_corrected")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SalinasA_corrected.mat: variable salinasA_corrected (83×86×204 int16) has 3 dimensions")
                .hasMessageContaining("layout bands,pixels needs 2");
    }

    @Test
    void aCellVariableIsNotNumeric() {
        assertThatThrownBy(() -> open(SAMSON_END, Map.of("variable", "cood")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("variable cood (3×1 cell) is not a numeric array");
    }

    @Test
    void severalCandidateArraysMustBeChosenBetweenByName() {
        assertThatThrownBy(() -> open(SAMSON_END, Map.of("layout", "bands,pixels", "rows", 95)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 variables could hold the cube (A, M)")
                .hasMessageContaining("option 'variable'")
                .hasMessageContaining("variables present: cood (3×1 cell), A (3×9025 double), M (156×3 double)");
    }

    @Test
    void rowsAreRefusedForALayoutThatTakesThemFromTheArray() {
        assertThatThrownBy(() -> open(SALINAS_A, Map.of("rows", 83)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SalinasA_corrected.mat: option 'rows' applies only to layout bands,pixels");
    }
}
