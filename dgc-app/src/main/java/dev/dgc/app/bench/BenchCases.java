package dev.dgc.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed set of cases, in the order they run (docs/performance.md describes each):
 * <ul>
 *   <li>{@code train-c301-k4}, {@code train-c301-k16}, {@code train-c204-k4}, {@code train-c204-k16}: one
 *       training step of the reference profile;</li>
 *   <li>{@code encoder-forward-c204}, {@code encoder-backward-c204}: the encoder alone on one step's patches;</li>
 *   <li>{@code meanshift-forward}, {@code meanshift-backward}: the mean-shift alone on one step's embeddings;</li>
 *   <li>{@code predict-256x256x301}: a cube in memory; {@code predict-512x512x200} and
 *       {@code predict-4096x4096x200}: int16 ENVI files on disk, whose peaks should be close.</li>
 * </ul>
 * Stateless.
 */
final class BenchCases {

    private BenchCases() {
    }

    /**
     * @param profile the reference profile at some scale
     * @return every case by name, in running order
     */
    static Map<String, BenchCase> all(ReferenceProfile profile) {
        Scale s = profile.scale();
        List<BenchCase> cases = new ArrayList<>();
        cases.add(new TrainingCase(profile, 301, 4));
        cases.add(new TrainingCase(profile, 301, 16));
        cases.add(new TrainingCase(profile, 204, 4));
        cases.add(new TrainingCase(profile, 204, 16));
        cases.add(new EncoderCase(profile, 204, false));
        cases.add(new EncoderCase(profile, 204, true));
        cases.add(new MeanShiftCase(profile, false));
        cases.add(new MeanShiftCase(profile, true));
        cases.add(new PredictionCase(profile, 256, s.memoryCube(), 301, false));
        cases.add(new PredictionCase(profile, 512, s.smallDisk(), 200, true));
        cases.add(new PredictionCase(profile, 4096, s.largeDisk(), 200, true));
        Map<String, BenchCase> byName = new LinkedHashMap<>();
        cases.forEach(c -> byName.put(c.name(), c));
        return byName;
    }
}
