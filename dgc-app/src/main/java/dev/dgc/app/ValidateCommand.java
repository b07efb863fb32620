package dev.dgc.app;

import dev.dgc.app.config.DgcConfig;
import dev.dgc.app.config.LossConfig;
import dev.dgc.app.config.PluginChoice;
import dev.dgc.app.config.ResolvedConfig;
import dev.dgc.app.config.TrainingConfig;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code dgc validate}: binds and checks a config completely (every key, value and plugin id, every
 * input file opened for its metadata) and reports all problems at once.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a config completely: every key, value and plugin id, and every input file (opened for its metadata).",
                "All problems are reported at once, each with file, line, column and key path; exit code 2 if there are any."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigArguments arguments;

    @Option(names = "--print", description = "Print the resolved config (every key, defaults filled in) after the summary.")
    boolean print;

    @Override
    public Integer call() {
        PluginRegistry registry = root.registry();
        DgcConfig c = arguments.load(registry);
        InputSurvey.Survey survey = InputSurvey.survey(c, registry);
        PrintWriter out = spec.commandLine().getOut();
        out.println(arguments.config + ": valid");
        TextTable t = new TextTable("  ");
        for (InputSurvey.Entry e : survey.inputs()) {
            t.row("input", e.file() + "  " + e.metadata().lines() + "×" + e.metadata().samples() + "×" + e.metadata().bands()
                    + " " + e.metadata().dataType().name().toLowerCase(java.util.Locale.ROOT) + ", reader " + e.reader());
        }
        for (InputSurvey.Entry e : survey.truth()) {
            t.row("truth", e.file() + "  " + e.metadata().lines() + "×" + e.metadata().samples() + ", reader " + e.reader());
        }
        t.row("profile", c.profile().id() + (c.profileValues().isEmpty() ? ""
                : " (set " + c.profileValues().entrySet().stream().map(e -> e.getKey() + " " + DescribeCommand.render(e.getValue()))
                        .collect(Collectors.joining(", ")) + ")"));
        t.row("model", c.model().clusters() + " clusters, encoder " + plugin(c.model().encoder())
                + ", temperature " + DescribeCommand.render(c.model().temperature()));
        t.row("losses", c.enabledLosses().stream().map(ValidateCommand::loss).collect(Collectors.joining(", ")));
        t.row("sampler", plugin(c.sampler()));
        TrainingConfig tr = c.training();
        t.row("training", tr.steps() + " steps, batch " + tr.batch() + ", seed " + tr.seed() + ", " + tr.optimizer().id()
                + " lr " + DescribeCommand.render(tr.optimizer().lr()));
        t.row("output", c.output().dir().toString());
        t.print(out);
        if (print) {
            out.println();
            out.print(ResolvedConfig.toYaml(c));
        }
        return Main.OK;
    }

    private static String plugin(PluginChoice p) {
        Map<String, Object> params = p.params().asMap();
        if (params.isEmpty()) {
            return p.id();
        }
        return p.id() + " (" + params.entrySet().stream().map(e -> e.getKey() + " " + DescribeCommand.render(e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String loss(LossConfig l) {
        return l.id() + " " + DescribeCommand.render(l.weight());
    }
}
