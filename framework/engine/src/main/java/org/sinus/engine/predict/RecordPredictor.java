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
   * @return per record, its {@code classes} probabilities
   */
  public List<float[]> predict(List<ConformedRecording> records) {
    RecordScoring scoring = model.format().scoring();
    int classes = model.format().classes().size();
    int window = scoring.windowSamples();
    List<ExampleShape> shapes = List.copyOf(model.graph().shapes().values());
    float[][] batch = new float[shapes.size()][];
    for (int k = 0; k < shapes.size(); k++) {
      batch[k] = new float[batchWindows * shapes.get(k).size()];
    }
    // the windows of all records, in order: (record, start)
    List<int[]> windows = new ArrayList<>();
    for (int r = 0; r < records.size(); r++) {
      for (int start : scoring.starts(records.get(r).samples())) {
        windows.add(new int[] {r, start});
      }
    }
    float[] windowProbabilities = new float[windows.size() * classes];
    for (int first = 0; first < windows.size(); first += batchWindows) {
      int count = Math.min(batchWindows, windows.size() - first);
      for (int i = 0; i < count; i++) {
        int[] w = windows.get(first + i);
        ConformedRecording record = records.get(w[0]);
        FittedInputs inputs = model.inputs(record.samples());
        RecordWindow recordWindow = RecordWindow.of(record.signal(), w[1], window);
        for (int k = 0; k < shapes.size(); k++) {
          FittedRepresentation representation = inputs.representations().get(k);
          representation.encode(recordWindow, batch[k], i * shapes.get(k).size());
        }
      }
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
}
