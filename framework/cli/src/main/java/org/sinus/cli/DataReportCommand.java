package org.sinus.cli;

import java.nio.file.Path;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.util.AtomicFiles;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.data.DataReport;
import org.sinus.engine.run.ExperimentSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sinus data report}: class balance and label mapping of an experiment's data. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Load an experiment's dataset and print its label mapping and class balance: positives per class "
        + "per fold and per split, records dropped and why, labels per record, co-occurrence of classes.",
        "Also writes data-report.md and data-report.json (into --out, by default inspect/<name>-data-report beside output.dir)."})
final class DataReportCommand extends SinusSubcommand {
  @Mixin
  ExperimentArgs experiment = new ExperimentArgs();

  @Option(names = "--out", paramLabel = "<dir>", description = "Directory for data-report.md and data-report.json.")
  Path out;

  @Override
  public Integer call() {
    Experiment loaded = new ExperimentLoader(registry()).load(experiment.file, experiment.overrides);
    ExperimentSetup setup = ExperimentSetup.create(loaded, registry());
    try (EcgDataset data = setup.dataset().load(dataContext().forUse(DataContext.Use.INSPECTION))) {
      DataReport report = new DataReport(data);
      System.out.println(report.markdown());
      Path dir = out != null ? out : setup.inspectionDir("data-report");
      AtomicFiles.writeString(dir.resolve("data-report.md"), report.markdown());
      AtomicFiles.writeString(dir.resolve("data-report.json"), report.json());
      System.err.println("written: " + dir.resolve("data-report.md") + ", " + dir.resolve("data-report.json"));
    }
    return 0;
  }
}
