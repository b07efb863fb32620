package dev.dgc.core.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeightScheduleTest {

    private static final double[] TV8 = {0.05, 0.05, 0.045, 0.04, 0.035, 0.03, 0.025, 0.02, 0.015, 0.01};

    @Test
    void decaysTheKickAsTv8OverTenEpochsOfSteps() {
        WeightSchedule kick = new WeightSchedule(0.05, 0.05, 0, 0, 10);
        int perEpoch = 7;
        for (long s = 1; s <= 10L * perEpoch; s++) {
            int epoch = (int) ((s - 1) / perEpoch) + 1;
            assertThat(kick.value(s, 10L * perEpoch)).as("step %d", s).isCloseTo(TV8[epoch - 1], within(1e-15));
        }
        for (int e = 1; e <= 10; e++) {
            assertThat(kick.atEpoch(e)).isCloseTo(TV8[e - 1], within(1e-15));
        }
    }

    @Test
    void cutsStepsIntoEqualEpochsWithTheRemainderInTheLast() {
        assertThat(WeightSchedule.epochOf(1, 25, 10)).isEqualTo(1);
        assertThat(WeightSchedule.epochOf(3, 25, 10)).isEqualTo(1);
        assertThat(WeightSchedule.epochOf(4, 25, 10)).isEqualTo(2);
        assertThat(WeightSchedule.epochOf(25, 25, 10)).isEqualTo(10);
        assertThat(WeightSchedule.epochOf(3, 3, 10)).isEqualTo(7);
        assertThat(WeightSchedule.epochOf(40, 25, 10)).isEqualTo(10);
    }

    @Test
    void followsTheSchedulersFormulaWithAWarmUp() {
        WeightSchedule s = new WeightSchedule(0, 1, 0, 2, 6);
        assertThat(s.atSchedulerStep(0)).isZero();
        assertThat(s.atSchedulerStep(1)).isCloseTo(0.5, within(1e-15));
        assertThat(s.atSchedulerStep(2)).isCloseTo(1, within(1e-15));
        assertThat(s.atSchedulerStep(3)).isCloseTo(0.75, within(1e-15));
        assertThat(s.atSchedulerStep(6)).isZero();
        assertThat(s.atSchedulerStep(9)).isZero();
        assertThat(s.atEpoch(1)).isZero();
        assertThat(s.atEpoch(3)).isCloseTo(0.5, within(1e-15));
        assertThat(s.atEpoch(5)).isCloseTo(0.75, within(1e-15));
        assertThat(s.value(60, 60, 6)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void keepsAConstantConstant() {
        WeightSchedule c = WeightSchedule.constant(2.0);
        for (long s = 1; s <= 30; s++) {
            assertThat(c.value(s, 30, 10)).isEqualTo(2.0);
        }
    }

    @Test
    void refusesStepsAndEpochsBelowOne() {
        WeightSchedule c = WeightSchedule.constant(1);
        assertThatThrownBy(() -> c.value(0, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> c.atEpoch(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
