package dev.dgc.losses;

import dev.dgc.api.nn.LossTermProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Training runs in float32: every term builds, evaluates and differentiates in that type too. */
class Float32Test {

    private final LossInputs in = LossInputs.random(9, 12, 3, 4);

    @ParameterizedTest
    @CsvSource({"balance, p0", "compactness, e1", "consistency, p1", "orthogonality, c", "uniform-assignment, p0"})
    void everyTermGivesTheFloat64ValueWithinFloat32PrecisionAndFloat32Gradients(String id, String input) {
        LossTermProvider term = ServiceLoader.load(LossTermProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        FakeLossContext single = FakeLossContext.ofType(in, DataType.FLOAT);
        FakeLossContext dual = new FakeLossContext(in);
        SDVariable singleLoss = single.build(term, Map.of());
        SDVariable dualLoss = dual.build(term, Map.of());
        // the same stream for both, so that the sampled pseudo-labels agree
        Map<String, INDArray> steps = single.draw(new SplittableRandom(5));

        INDArray value = single.sd.output(steps, singleLoss.name()).get(singleLoss.name());
        INDArray gradient = single.sd.calculateGradients(steps, input).get(input);

        assertThat(value.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(value.getDouble(0)).isCloseTo(dual.evaluate(dualLoss, dual.draw(new SplittableRandom(5))), within(1e-5));
        assertThat(gradient.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(gradient.norm2Number().doubleValue()).isPositive();
    }
}
