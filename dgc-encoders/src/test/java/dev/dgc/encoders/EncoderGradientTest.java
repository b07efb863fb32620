package dev.dgc.encoders;

import dev.dgc.api.nn.EncoderProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** SameDiff's gradients of each encoder against central differences, in double precision. */
class EncoderGradientTest {

    /** Entries checked per weight tensor, spread over it; all of them would take tens of seconds. */
    private static final int ENTRIES_PER_WEIGHT = 5;
    private static final double STEP = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"raster", "pixelwise", "spectral-axis"})
    void everyWeightGetsAGradientThatMatchesCentralDifferences(String id) {
        EncoderProvider provider = ServiceLoader.load(EncoderProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        Map<String, Object> params = new HashMap<>(Map.of("dim", 3, "bias", true));
        if (!id.equals("pixelwise")) {
            params.put("kernel", 3);
        }
        EncoderFixture f = new EncoderFixture(provider, params, 3, 8, DataType.DOUBLE);
        // a weighted sum of the embeddings reaches every output channel and pixel with its own weight
        SDVariable target = f.sd.constant(EncoderFixture.noise(7, 1, 3, 3, 4).castTo(DataType.DOUBLE));
        SDVariable loss = f.sd.sum(f.output.mul(target));
        f.sd.setLossVariables(loss);
        // centred like z-scored patches, so that the ReLUs are neither all open nor all closed
        INDArray x = EncoderFixture.noise(6, 1, 3, 3, 4).castTo(DataType.DOUBLE).subi(0.5);
        Map<String, INDArray> in = Map.of(EncoderFixture.INPUT, x);
        List<String> names = f.sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();

        Map<String, INDArray> grads = f.sd.calculateGradients(in, names);

        assertThat(names).hasSize(10);
        for (String name : names) {
            INDArray w = f.sd.getVariable(name).getArr();
            INDArray g = grads.get(name);
            assertThat(g.norm2Number().doubleValue()).as("gradient norm of %s", name).isPositive();
            long stride = Math.max(1, w.length() / ENTRIES_PER_WEIGHT);
            for (long i = 0; i < w.length(); i += stride) {
                double orig = w.getDouble(i);
                w.putScalar(i, orig + STEP);
                double plus = f.sd.output(in, loss.name()).get(loss.name()).getDouble(0);
                w.putScalar(i, orig - STEP);
                double minus = f.sd.output(in, loss.name()).get(loss.name()).getDouble(0);
                w.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * STEP);
                double analytic = g.getDouble(i);
                assertThat(Math.abs(analytic - numeric)).as("%s[%d]: analytic %s, numeric %s", name, i, analytic, numeric)
                        .isLessThan(1e-5 * Math.max(1e-3, Math.abs(analytic) + Math.abs(numeric)));
            }
        }
    }
}
