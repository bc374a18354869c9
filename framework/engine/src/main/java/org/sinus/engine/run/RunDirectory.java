package org.sinus.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.util.TimestampedDirectory;

/**
 * The directory of one run: the resolved experiment, provenance, data report, logs, metrics,
 * checkpoints and evaluation. A new run never reuses an existing directory, and every file is
 * written atomically, so a crash leaves the earlier files intact; only TensorBoard's event files grow
 * record by record, as TensorBoard follows them ({@link org.sinus.engine.run.tensorboard.TensorBoardLog}).
 */
public final class RunDirectory {
  /** The resolved experiment, which {@code sinus train} accepts to redo the run. */
  public static final String EXPERIMENT = "experiment.conf";
  public static final String PROVENANCE = "provenance.json";
  public static final String STATUS = "status.json";
  /** One line of provenance per resumption of a killed run ({@link Provenance#resumption}). */
  public static final String RESUMES = "resumes.jsonl";
  public static final String LOG = "run.log";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String MODEL = "model";
  public static final String EVALUATION = "evaluation";
  /** Per-epoch metrics, one line per epoch (also {@code metrics.jsonl}). */
  public static final String METRICS_CSV = "metrics.csv";
  /** The per-epoch metrics drawn. */
  public static final String TRAINING_CURVES = "training-curves.png";
  /** Labels and class balance of the data, as {@code data-report.md} and {@code data-report.json}. */
  public static final String DATA_REPORT = "data-report";
  /** Everything above in one page for a browser ({@code org.sinus.engine.report.RunReport}). */
  public static final String REPORT = "report.html";

  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /** Creates {@code <outputDir>/<name>-<yyyyMMdd-HHmmss>}, with a suffix if that exists already. */
  public static RunDirectory create(Path outputDir, String name) {
    try {
      return new RunDirectory(TimestampedDirectory.create(outputDir, name.replaceAll("[^A-Za-z0-9._-]", "_")));
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot create a run directory under " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /** An existing run directory (for resume and evaluate). */
  public static RunDirectory open(Path dir) {
    if (!Files.isRegularFile(dir.resolve(EXPERIMENT))) {
      throw new SinusException(ExitCode.RUN, dir + " is not a Sinus run directory: " + EXPERIMENT + " is missing");
    }
    return new RunDirectory(dir);
  }

  public Path path() {
    return path;
  }

  public Path resolve(String name) {
    return path.resolve(name);
  }

  public Path checkpoints() {
    return path.resolve(CHECKPOINTS);
  }

  public Path evaluation() {
    return path.resolve(EVALUATION);
  }

  public void writeString(String name, String text) {
    AtomicFiles.writeString(path.resolve(name), text);
  }

  public void writeJson(String name, Object value) {
    writeString(name, Json.pretty(value));
  }

  public String readString(String name) {
    try {
      return Files.readString(path.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.resolve(name), e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
