package dev.dgc.app.run;

import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossBalancerProvider;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.app.config.CentroidConfig;
import dev.dgc.app.config.DgcConfig;
import dev.dgc.app.config.LossConfig;
import dev.dgc.app.config.MeanShiftConfig;
import dev.dgc.app.config.ModelConfig;
import dev.dgc.app.config.OptimizerConfig;
import dev.dgc.app.config.PluginChoice;
import dev.dgc.app.config.ScheduleConfig;
import dev.dgc.app.config.TrainingConfig;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.CentroidSettings;
import dev.dgc.core.train.LossBalancing;
import dev.dgc.core.train.LossTerm;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.ModelSelection;
import dev.dgc.core.train.ModelSpec;
import dev.dgc.core.train.OptimizerSettings;
import dev.dgc.core.train.TrainingSettings;
import dev.dgc.core.train.WeightSchedule;

import java.util.List;

/**
 * Turns a validated config into the trainer's {@link TrainingSettings}: plugin ids become the
 * registry's providers, sections become the engine's records. The profile and every default were
 * already applied when the config was bound, so this is a one-to-one translation. Stateless.
 */
public final class TrainingSettingsFactory {

    private TrainingSettingsFactory() {
    }

    /**
     * Builds the settings of a run.
     *
     * @param config   a config bound with {@code registry}
     * @param registry the plugins the config's ids name
     * @param bands    the band count of the training cubes (all the same, checked when they were opened)
     * @return the settings of the run
     * @throws IllegalArgumentException when a value the config schema allows is still refused by the
     *                                  engine's records
     */
    public static TrainingSettings create(DgcConfig config, PluginRegistry registry, int bands) {
        ModelConfig m = config.model();
        MeanShiftConfig ms = m.meanShift();
        ModelSpec model = new ModelSpec(bands, m.encoder().id(), registry.get(EncoderProvider.class, m.encoder().id()),
                m.encoder().params(), m.clusters(), m.temperature(),
                new MeanShiftSettings(ms.window(), ms.iterations(), ms.bandwidth(), ms.learnBandwidth()));
        List<LossTerm> losses = config.enabledLosses().stream().map(l -> term(l, registry)).toList();
        CentroidConfig c = config.centroids();
        TrainingConfig t = config.training();
        CentroidSettings centroids = new CentroidSettings(c.trainable(), c.emaDecay(), c.legacyChannelScramble(), c.deadMass(),
                c.kick(), c.kickDecay(), c.pruneFraction(),
                CentroidSettings.Init.valueOf(c.init().toUpperCase(java.util.Locale.ROOT)));
        OptimizerConfig o = t.optimizer();
        OptimizerSettings optimizer = new OptimizerSettings(o.lr(), o.weightDecay(), o.beta1(), o.beta2(), o.epsilon());
        PluginChoice b = config.lossBalancing();
        LossBalancing balancing = new LossBalancing(b.id(), registry.get(LossBalancerProvider.class, b.id()), b.params());
        ModelSelection selection = ModelSelection.valueOf(t.stability().keep().toUpperCase(java.util.Locale.ROOT));
        return new TrainingSettings(model, losses, centroids, optimizer, config.data().normalization(), t.steps(), t.epochs(), t.batch(),
                t.seed(), t.gradientClip(), t.checkpointEvery(), balancing, selection);
    }

    private static LossTerm term(LossConfig l, PluginRegistry registry) {
        WeightSchedule weight = l.schedule().map(TrainingSettingsFactory::schedule).orElse(WeightSchedule.constant(l.weight()));
        return new LossTerm(l.id(), registry.get(LossTermProvider.class, l.id()), l.params(), weight);
    }

    private static WeightSchedule schedule(ScheduleConfig s) {
        return new WeightSchedule(s.initial(), s.peak(), s.last(), s.warmupEpochs(), s.epochs());
    }
}
