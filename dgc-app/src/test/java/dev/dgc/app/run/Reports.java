package dev.dgc.app.run;

import dev.dgc.core.train.StepReport;

import java.util.LinkedHashMap;
import java.util.Map;

/** Synthetic step reports: two terms whose losses fall with the step, so each row is distinct. */
final class Reports {

    private Reports() {
    }

    static StepReport step(long step, long steps) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("compactness", 1.0 / step);
        losses.put("orthogonality", 0.001 / step);
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("compactness", 1.0);
        weights.put("orthogonality", 0.5);
        return new StepReport(step, steps, losses, weights, 1.5 / step + 0.0005 / step, 0.25 * step, 3, step % 2 == 0 ? 1 : 0,
                0.75, 0.5);
    }
}
