package org.sinus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.run.InputFitting;
import org.sinus.engine.train.FittedInputs;
import org.sinus.plot.EcgPaperPlot;
import org.sinus.plot.EcgSignal;
import org.sinus.plot.PreviewRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sinus data show}: a record on ECG paper and as the experiment's representation sees it. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Draw one record: <id>-ecg.png (all leads on ECG paper, 25 mm/s, 10 mm/mV; ground-truth class "
        + "regions shaded when the dataset knows them) and <id>-<representation>.png (the window the model reads, as "
        + "the experiment's representation computes it, fitted on the training split or restored from --run)."})
final class DataShowCommand extends SinusSubcommand {
  @Mixin
  ExperimentArgs experiment = new ExperimentArgs();

  @Parameters(index = "1", paramLabel = "<record-id>", description = "The record's id (PTB-XL: its ecg_id).")
  String recordId;

  @Option(names = "--out", paramLabel = "<dir>", description = "Where the PNGs go (default: inspect/<name>-records beside output.dir).")
  Path out;

  @Option(names = "--start", paramLabel = "<seconds>", description = "Start of the representation's window (default 0).")
  double startSeconds;

  @Option(names = "--run", paramLabel = "<run-dir>",
      description = "Use the representation state fitted in this run instead of fitting it on the training split.")
  Path run;

  @Override
  public Integer call() {
    Experiment loaded = new ExperimentLoader(registry()).load(experiment.file, experiment.overrides);
    ExperimentSetup setup = ExperimentSetup.create(loaded, registry());
    try (EcgDataset data = setup.dataset().load(dataContext().forUse(DataContext.Use.INSPECTION))) {
      OptionalInt found = data.indexOf(recordId);
      if (found.isEmpty()) {
        throw new SinusException(ExitCode.DATA, "record '" + recordId + "' is not in " + data.name()
            + " as this experiment loads it (" + data.size() + " records, e.g. " + data.record(0).id()
            + "); records dropped while loading are listed by sinus data report");
      }
      int index = found.getAsInt();
      RecordInfo record = data.record(index);
      Path dir = out != null ? out : setup.inspectionDir("records");
      List<String> labels = Arrays.stream(record.labels()).mapToObj(l -> data.labels().classes().get(l)).toList();
      float[] signal = data.signals().read(index);

      EcgSignal ecg = new EcgSignal(record.id(), labels, signal, data.samplingRate(), data.leads());
      Path ecgFile = dir.resolve(fileName(record.id()) + "-ecg.png");
      AtomicFiles.writePng(ecgFile, regions(data, index, record)
          .map(h -> EcgPaperPlot.standard().render(ecg, h))
          .orElseGet(() -> EcgPaperPlot.standard().render(ecg)));

      FitContext context = InputFitting.context(setup, data, dataContext());
      FittedInputs inputs = run != null ? InputFitting.restore(setup, Json.parse(readState(run)), context)
          : InputFitting.fit(setup, data, context);
      int window = context.windowSamples();
      int start = (int) Math.round(startSeconds * data.samplingRate());
      if (start < 0 || start + window > data.samples()) {
        throw new SinusException(ExitCode.USAGE, "--start " + startSeconds + " s puts the " + window
            + "-sample window outside the record (" + data.samples() + " samples)");
      }
      List<String> written = new ArrayList<>();
      for (String input : inputs.names()) {
        FittedRepresentation representation = inputs.get(input);
        String type = setup.type(setup.inputBlock(input)).orElse("representation");
        if (!(representation instanceof Previewable previewable)) {
          written.add("(no picture: the " + type + " representation of input '" + input + "' cannot draw its examples)");
          continue;
        }
        float[] example = new float[representation.shape().size()];
        representation.encode(new RecordWindow(index, signal, start, window), example, 0);
        String name = inputs.count() == 1 ? type : input + "-" + type;
        Path file = dir.resolve(fileName(record.id()) + "-" + name + ".png");
        AtomicFiles.writePng(file, PreviewRenderer.render(previewable.preview(example, startSeconds)));
        written.add(file + " (" + type + " " + representation.shape() + ", window at " + startSeconds + " s)");
      }
      System.out.println("record " + record.id() + " (" + String.join(", ", labels) + ", fold " + record.fold() + ")");
      System.out.println("written: " + ecgFile);
      written.forEach(line -> System.out.println(line.startsWith("(") ? line : "written: " + line));
    }
    return 0;
  }

  private static Optional<EcgPaperPlot.Highlight> regions(EcgDataset data, int index, RecordInfo record) {
    if (data.regions().isEmpty() || record.labels().length == 0) {
      return Optional.empty();
    }
    float[] union = new float[data.samples() * data.leads().size()];
    List<String> names = new ArrayList<>();
    for (int label : record.labels()) {
      float[] mask = data.regions().get().region(index, label);
      boolean any = false;
      for (int i = 0; i < mask.length; i++) {
        if (mask[i] > 0) {
          union[i] = 1;
          any = true;
        }
      }
      if (any) {
        names.add(data.labels().classes().get(label));
      }
    }
    return names.isEmpty() ? Optional.empty()
        : Optional.of(new EcgPaperPlot.Highlight(union, "ground truth: " + String.join(", ", names)));
  }

  private static String readState(Path runDir) {
    Path state = runDir.resolve("representation-state.json");
    try {
      return Files.readString(state);
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot read " + state + ": " + e.getMessage());
    }
  }

  private static String fileName(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
