package dev.dgc.core.plugins;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.List;

/** A built-in provider for the registry tests, registered through the tests' own application loader. */
public final class FixtureSamplerProvider implements SamplerProvider {

    @Override
    public String id() {
        return "fixture-corner";
    }

    @Override
    public String description() {
        return "always the top-left patch, twice (test fixture)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("patch", 8, "patch size").withMin(1));
    }

    @Override
    public PairSampler create(Parameters params) {
        int n = params.getInt("patch");
        return new PairSampler() {
            @Override
            public int patchRows() {
                return n;
            }

            @Override
            public int patchCols() {
                return n;
            }

            @Override
            public PatchPair plan(long index, List<dev.dgc.api.sampling.CubeExtent> cubes, java.util.SplittableRandom random) {
                Window w = new Window(0, 0, n, n);
                return new PatchPair(0, w, w, Augmentation.NONE, Augmentation.NONE);
            }
        };
    }
}
