package org.sinus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sinus.engine.export.ExportCheck;
import org.sinus.engine.export.SavedModelExporter;
import org.sinus.engine.run.RunModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus export}: a run's model as a TensorFlow SavedModel with a model card. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export a run's trained model for use without Sinus: a TensorFlow SavedModel (signature "
        + "serving_default: the windows' representations and record_index in, window and record probabilities out), "
        + "preprocessing.json (the representations with their fitted values) and a model card (model-card.md and "
        + ".json: data and task, classes, training, metrics with CIs, thresholds, provenance, intended use and "
        + "limitations).",
        "Load it in Python with tf.saved_model.load(\"<dir>/saved_model\"), in Java with SavedModelBundle.load."})
final class ExportCommand extends SinusSubcommand {
  @Parameters(index = "0", paramLabel = "<run-dir>", description = "A run directory made by sinus train.")
  Path run;

  @Option(names = {"-o", "--output"}, paramLabel = "<dir>", description = "The export directory, which must not "
      + "exist yet (default: <run-dir>/export).")
  Path output;

  @Option(names = "--check", arity = "1..*", paramLabel = "<recording>", description = "After exporting, load the "
      + "SavedModel back and check that it gives the probabilities of sinus predict (to 1e-5) on these recordings "
      + "(files or directories, as sinus predict reads them).")
  List<Path> check = new ArrayList<>();

  @Mixin
  MachineLocalSettings settings = new MachineLocalSettings();

  @Override
  public Integer call() {
    Path target = output != null ? output : run.resolve("export");
    try (RunModel model = RunModel.open(run, registry(), dataContext(), settings.overrides)) {
      SavedModelExporter.export(model, target);
      System.out.println("SavedModel: " + target.resolve(SavedModelExporter.SAVED_MODEL));
      System.out.println("model card: " + target.resolve("model-card.md"));
      if (!check.isEmpty()) {
        ExportCheck.Outcome outcome = ExportCheck.check(model, target.resolve(SavedModelExporter.SAVED_MODEL), check);
        System.out.printf(Locale.ROOT, "checked: the SavedModel gives the probabilities of sinus predict on %d "
            + "recordings (%d windows; %d also fed whole to serving_default), largest difference %.2g%n",
            outcome.records(), outcome.windows(), outcome.recordsAsSignal(), outcome.largestDifference());
      }
    }
    return 0;
  }
}
