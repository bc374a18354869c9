package org.sinus.engine.predict;

import java.util.ArrayList;
import java.util.List;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.engine.run.RunModel;
import org.sinus.engine.train.FittedInputs;

/**
 * Scores recordings in the model's format as the evaluation scores test records: each is cut into
 * the model's sliding windows, every window goes through the representations and the network
 * (windows of several records share a batch), and the windows' probabilities are combined into the
 * record's (max or mean, as the run was evaluated).
 */
public final class RecordPredictor {
  private final RunModel model;
  private final int batchWindows;

  /** @param batchWindows windows sent to the network at once */
  public RecordPredictor(RunModel model, int batchWindows) {
    this.model = model;
    this.batchWindows = Math.max(1, batchWindows);
  }

  /**
   * The windows of {@code records} as the network reads them.
   *
   * @param inputs per input (in the model's input order), {@code windows × example size} values
   * @param recordIndex which record each window belongs to
   */
  public record EncodedWindows(float[][] inputs, int[] recordIndex) {
    public int windows() {
      return recordIndex.length;
    }
  }

  /** Every window of {@code records}, encoded at once (for checking an export; predict works in batches). */
  public EncodedWindows encodeAll(List<ConformedRecording> records) {
    List<int[]> windows = windows(records);
    float[][] inputs = allocate(windows.size());
    encode(records, windows, 0, windows.size(), inputs);
    return new EncodedWindows(inputs, windows.stream().mapToInt(w -> w[0]).toArray());
  }

  /**
   * @return per record, its {@code classes} probabilities
   */
  public List<float[]> predict(List<ConformedRecording> records) {
    RecordScoring scoring = model.format().scoring();
    int classes = model.format().classes().size();
    float[][] batch = allocate(batchWindows);
    List<int[]> windows = windows(records);
    float[] windowProbabilities = new float[windows.size() * classes];
    for (int first = 0; first < windows.size(); first += batchWindows) {
      int count = Math.min(batchWindows, windows.size() - first);
      encode(records, windows, first, count, batch);
      float[] probabilities = model.session().predict(batch, count);
      System.arraycopy(probabilities, 0, windowProbabilities, first * classes, count * classes);
    }
    List<float[]> result = new ArrayList<>();
    int w = 0;
    for (ConformedRecording record : records) {
      int n = scoring.starts(record.samples()).length;
      float[] scores = new float[classes];
      double[] perWindow = new double[n];
      for (int c = 0; c < classes; c++) {
        for (int i = 0; i < n; i++) {
          perWindow[i] = windowProbabilities[(w + i) * classes + c];
        }
        scores[c] = (float) scoring.score(perWindow);
      }
      result.add(scores);
      w += n;
    }
    return result;
  }

  /** The windows of all records, in order: (record, start). */
  private List<int[]> windows(List<ConformedRecording> records) {
    List<int[]> windows = new ArrayList<>();
    for (int r = 0; r < records.size(); r++) {
      for (int start : model.format().scoring().starts(records.get(r).samples())) {
        windows.add(new int[] {r, start});
      }
    }
    return windows;
  }

  private float[][] allocate(int windows) {
    List<ExampleShape> shapes = List.copyOf(model.graph().shapes().values());
    float[][] arrays = new float[shapes.size()][];
    for (int k = 0; k < shapes.size(); k++) {
      arrays[k] = new float[windows * shapes.get(k).size()];
    }
    return arrays;
  }

  /** Encodes windows {@code [first, first + count)} as examples 0, 1, … of {@code out}. */
  private void encode(List<ConformedRecording> records, List<int[]> windows, int first, int count, float[][] out) {
    List<ExampleShape> shapes = List.copyOf(model.graph().shapes().values());
    int window = model.format().scoring().windowSamples();
    for (int i = 0; i < count; i++) {
      int[] w = windows.get(first + i);
      ConformedRecording record = records.get(w[0]);
      FittedInputs inputs = model.inputs(record.samples());
      RecordWindow recordWindow = RecordWindow.of(record.signal(), w[1], window);
      for (int k = 0; k < shapes.size(); k++) {
        FittedRepresentation representation = inputs.representations().get(k);
        representation.encode(recordWindow, out[k], i * shapes.get(k).size());
      }
    }
  }
}
