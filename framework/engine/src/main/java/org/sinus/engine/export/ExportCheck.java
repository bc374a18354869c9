package org.sinus.engine.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.representation.ExampleShape;
import org.sinus.engine.predict.ArrayLayout;
import org.sinus.engine.predict.ConformedRecording;
import org.sinus.engine.predict.RecordPredictor;
import org.sinus.engine.predict.RecordingConformer;
import org.sinus.engine.run.RunModel;
import org.sinus.io.RecordingFiles;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Checks an export against the run it came from: loads the SavedModel back, feeds its windows
 * signature the windows of some recordings as the run's representations make them (and, where
 * serving_default reads whole recordings, feeds it those of the model's record length), and
 * compares its record probabilities with what {@code sinus predict} computes from the run's own
 * session.
 */
public final class ExportCheck {
  /** The largest difference of a probability that passes. */
  public static final double TOLERANCE = 1e-5;

  private ExportCheck() {}

  /**
   * The outcome.
   *
   * @param records recordings compared
   * @param windows windows fed to the SavedModel
   * @param recordsAsSignal recordings also fed whole to serving_default (those of the model's record
   *     length, where it reads recordings; else 0)
   * @param largestDifference the largest |SavedModel − predict| over every record, class and signature
   */
  public record Outcome(int records, int windows, int recordsAsSignal, double largestDifference) {
    public boolean passed() {
      return largestDifference <= TOLERANCE;
    }
  }

  /**
   * @param savedModel the SavedModel's directory
   * @param recordings recordings (or directories of them) that the model can read
   * @throws SinusException if a recording cannot be read or the probabilities differ by more than {@link #TOLERANCE}
   */
  public static Outcome check(RunModel model, Path savedModel, List<Path> recordings) {
    RecordingConformer conformer = new RecordingConformer(model.format(), ArrayLayout.assumed());
    List<ConformedRecording> records = new ArrayList<>();
    for (Path file : RecordingFiles.expand(recordings)) {
      records.add(conformer.conform(RecordingFiles.read(file)));
    }
    if (records.isEmpty()) {
      throw new SinusException(ExitCode.USAGE, "no recordings to check the export with in " + recordings);
    }
    RecordPredictor predictor = new RecordPredictor(model, 256);
    List<float[]> expected = predictor.predict(records);
    RecordPredictor.EncodedWindows windows = predictor.encodeAll(records);
    Map<String, Tensor> feed = new LinkedHashMap<>();
    int classes = model.format().classes().size();
    double largest = 0;
    int asSignal = 0;
    try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG)) {
      int k = 0;
      for (Map.Entry<String, ExampleShape> input : model.graph().shapes().entrySet()) {
        feed.put(ServingGraph.inputName(input.getKey()), TFloat32.tensorOf(
            Shape.of(input.getValue().batched(windows.windows())), DataBuffers.of(windows.inputs()[k++])));
      }
      feed.put(ServingGraph.RECORD_INDEX, TInt32.vectorOf(windows.recordIndex()));
      try (Result result = bundle.function(SavedModelExporter.WINDOWS).call(feed)) {
        TFloat32 probabilities = (TFloat32) result.get(ServingGraph.PROBABILITIES).orElseThrow();
        for (int r = 0; r < records.size(); r++) {
          for (int c = 0; c < classes; c++) {
            largest = Math.max(largest, Math.abs(probabilities.getFloat(r, c) - expected.get(r)[c]));
          }
        }
      }
      if (bundle.function(Signature.DEFAULT_KEY).signature().inputNames().contains(ServingGraph.SIGNAL)) {
        List<Integer> whole = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
          if (records.get(r).samples() == model.format().format().samples()) {
            whole.add(r);
          }
        }
        asSignal = whole.size();
        largest = Math.max(largest, checkSignal(model, bundle, records, whole, expected));
      }
    } finally {
      feed.values().forEach(Tensor::close);
    }
    Outcome outcome = new Outcome(records.size(), windows.windows(), asSignal, largest);
    if (!outcome.passed()) {
      throw new SinusException(ExitCode.FAILURE, "the SavedModel in " + savedModel + " differs from the run's model by "
          + largest + " (more than " + TOLERANCE + ") on " + records.size() + " recordings");
    }
    return outcome;
  }

  /** Feeds records {@code chosen} whole to serving_default; the largest difference from {@code expected}. */
  private static double checkSignal(RunModel model, SavedModelBundle bundle, List<ConformedRecording> records,
                                    List<Integer> chosen, List<float[]> expected) {
    if (chosen.isEmpty()) {
      return 0;
    }
    int samples = model.format().format().samples();
    int leads = model.format().format().channels();
    float[] values = new float[chosen.size() * samples * leads];
    for (int i = 0; i < chosen.size(); i++) {
      System.arraycopy(records.get(chosen.get(i)).signal(), 0, values, i * samples * leads, samples * leads);
    }
    double largest = 0;
    try (TFloat32 signal = TFloat32.tensorOf(Shape.of(chosen.size(), samples, leads), DataBuffers.of(values));
         Result result = bundle.function(Signature.DEFAULT_KEY).call(Map.of(ServingGraph.SIGNAL, signal))) {
      TFloat32 probabilities = (TFloat32) result.get(ServingGraph.PROBABILITIES).orElseThrow();
      for (int i = 0; i < chosen.size(); i++) {
        for (int c = 0; c < expected.get(0).length; c++) {
          largest = Math.max(largest, Math.abs(probabilities.getFloat(i, c) - expected.get(chosen.get(i))[c]));
        }
      }
    }
    return largest;
  }
}
