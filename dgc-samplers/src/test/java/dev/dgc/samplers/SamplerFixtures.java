package dev.dgc.samplers;

import dev.dgc.api.Parameters;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds samplers from their providers, as the engine does, and runs them the way the engine will. */
final class SamplerFixtures {

    static final String OVERLAPPING = OverlappingPairSamplerProvider.ID;
    static final String QUASI = QuasiRandomPairSamplerProvider.ID;

    private SamplerFixtures() {
    }

    static SamplerProvider provider(String id) {
        return switch (id) {
            case OVERLAPPING -> new OverlappingPairSamplerProvider();
            case QUASI -> new QuasiRandomPairSamplerProvider();
            default -> throw new IllegalArgumentException("no sampler " + id);
        };
    }

    static PairSampler sampler(String id, Map<String, ?> settings) {
        SamplerProvider provider = provider(id);
        return provider.create(Parameters.of(provider.parameters(), settings));
    }

    static PairSampler sampler(String id) {
        return sampler(id, Map.of());
    }

    /** Pairs 0 … n−1, each with its own stream split from one seeded root, as the engine splits them. */
    static List<PatchPair> plans(PairSampler sampler, List<CubeExtent> cubes, long seed, int n) {
        SplittableRandom root = new SplittableRandom(seed);
        List<PatchPair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(sampler.plan(i, cubes, root.split()));
        }
        return pairs;
    }

    static CubeExtent cube(int lines, int samples) {
        return new CubeExtent(lines, samples, 30);
    }

    /** Pearson's statistic of observed counts against expected counts. */
    static double chiSquare(long[] observed, double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            sum += d * d / expected[i];
        }
        return sum;
    }
}
