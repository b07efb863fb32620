package dev.dgc.core.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InformationMeasuresTest {

    @Test
    void logFactorialIsContinuousAcrossTheTableAndStirlingAndMatchesLogGamma() {
        double sum = 0;
        for (int k = 2; k <= 1024; k++) {
            sum += Math.log(k);
        }
        assertThat(InformationMeasures.logFactorial(1024)).isCloseTo(sum, within(1e-9));
        assertThat(InformationMeasures.logFactorial(1023)).isCloseTo(sum - Math.log(1024), within(1e-9));
        // SciPy gammaln(k + 1)
        assertThat(InformationMeasures.logFactorial(5000)).isCloseTo(37591.14350887677, within(1e-8));
        assertThat(InformationMeasures.logFactorial(1_000_000)).isCloseTo(12815518.384658169, within(1e-6));
        assertThat(InformationMeasures.logFactorial(0)).isZero();
        assertThat(InformationMeasures.logFactorial(1)).isZero();
    }

    @Test
    void expectedMutualInformationOfAMillionPixelsMatchesTheExactSum() {
        // exact hypergeometric sum over every cell count in NumPy/SciPy: 5.311706091591079e-07,
        // close to the large-sample (r − 1)(c − 1)/(2n) = 1/(2·941319). The sum is ill-conditioned (terms
        // near 1e-3 cancel to 5e-7), so both computations agree to about 1e-7 relative, far below what AMI needs.
        double emi = InformationMeasures.expectedMutualInformation(new long[] {400_000, 541_319}, new long[] {300_000, 641_319}, 941_319);
        assertThat(emi).isCloseTo(5.311706091591079e-07, within(1e-13));
    }

    @Test
    void expectedMutualInformationOfASinglePartIsZero() {
        assertThat(InformationMeasures.expectedMutualInformation(new long[] {10}, new long[] {4, 6}, 10)).isCloseTo(0.0, within(1e-15));
    }
}
