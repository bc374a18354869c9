package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.util.Progress;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.RocAuc;

/**
 * The training loop: epochs of AdamW steps on random crops, a validation pass (macro AUC on the
 * validation split, with the sliding-window protocol), a checkpoint after every epoch, early
 * stopping and the choice of the final weights. It owns no data or model code: data come through
 * an {@link ExampleEncoder}, the network through a {@link TrainingSession}.
 */
public final class Trainer {
  private static final Logger LOG = Logger.getLogger(Trainer.class.getName());

  private final TrainingSettings settings;
  private final ExampleEncoder encoder;
  private final SplitPredictor predictor;
  private final Checkpoints checkpoints;
  private final long seed;
  private final Progress progress;
  private final Consumer<TrainerState> epochListener;

  /**
   * @param epochListener told after each epoch's checkpoint (the CLI writes metrics files and curves)
   */
  public Trainer(TrainingSettings settings, ExampleEncoder encoder, Checkpoints checkpoints, long seed,
                 Progress progress, Consumer<TrainerState> epochListener) {
    this.settings = settings;
    this.encoder = encoder;
    this.checkpoints = checkpoints;
    this.seed = seed;
    this.progress = progress;
    this.epochListener = epochListener;
    this.predictor = new SplitPredictor(encoder, settings.scoring(encoder.data().samplingRate(), encoder.data().samples()),
        Math.max(256, settings.batchSize()));
  }

  public SplitPredictor predictor() {
    return predictor;
  }

  /**
   * Trains from {@code start} (a fresh state, or a resumed checkpoint's) to the last epoch or early
   * stop, then leaves the selected weights (last or best) in the session.
   */
  public TrainerState train(TrainingSession session, TrainerState start) {
    EcgDataset data = encoder.data();
    int[] train = data.indices(Split.TRAIN);
    int[] validation = data.indices(Split.VALIDATION);
    int steps = EpochPlan.steps(train.length, settings.batchSize(), settings.dropLast());
    if (steps == 0) {
      throw new IllegalStateException("the training split has " + train.length + " records, fewer than one batch of "
          + settings.batchSize() + " (set training.batch-size lower or training.drop-last = false)");
    }
    long totalSteps = (long) steps * settings.epochs();
    TrainerState state = start;
    if (validation.length > 0) {
      encoder.inputs().precompute(new DatasetRecords(data, validation));
    }
    boolean higherIsBetter = settings.earlyStoppingMetric().equals("val.macro_auc");
    try (BatchLoader loader = new BatchLoader(encoder, data.labels().size(), settings.batchSize(), settings.prefetch(),
        settings.threads().loader())) {
      for (int epoch = state.epoch() + 1; epoch <= settings.epochs() && !state.stoppedEarly(); epoch++) {
        long began = System.nanoTime();
        loader.start(EpochPlan.of(seed, epoch, train, data.samples(), encoder.windowSamples()), steps);
        progress.start(String.format("epoch %d/%d", epoch, settings.epochs()), steps);
        double lossSum = 0;
        double learningRate = 0;
        long step = state.step();
        for (int s = 0; s < steps; s++) {
          learningRate = settings.schedule().learningRate(step, totalSteps, steps);
          double beta1 = settings.schedule().beta1(step, totalSteps, settings.optimizer().beta1());
          float loss;
          try (Batch batch = loader.next()) {
            loss = session.trainStep(epoch, batch.inputs(), batch.targets(), learningRate, beta1,
                settings.optimizer().beta2(), step + 1, seed);
          }
          if (!Float.isFinite(loss)) {
            throw new IllegalStateException("the training loss became " + loss + " at epoch " + epoch + ", step " + (step + 1)
                + " (learning rate " + learningRate + "); lower the learning rate (training.schedule)");
          }
          lossSum += loss;
          step++;
          progress.advance(1);
          progress.status(String.format("loss %.4f lr %.2e", lossSum / (s + 1), learningRate));
        }
        progress.done();
        double valLoss = Double.NaN;
        double valAuc = Double.NaN;
        boolean validate = validation.length > 0
            && (epoch % settings.validateEvery() == 0 || epoch == settings.epochs());
        if (validate) {
          float[] probabilities = predictor.predict(session, validation);
          Predictions predictions = predictions("validation", data, validation, probabilities);
          valAuc = RocAuc.macro(predictions).value().value();
          valLoss = crossEntropy(predictions, data.labels().multiLabel());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        EpochRecord record = new EpochRecord(epoch, step, learningRate, lossSum / steps, valLoss, valAuc, seconds);
        double metric = higherIsBetter ? valAuc : valLoss;
        boolean best = state.finishEpoch(record, metric, higherIsBetter, settings.earlyStoppingPatience());
        LOG.info(String.format("epoch %d/%d: train loss %.4f, val loss %.4f, val macro AUC %.4f%s (%.1f s)", epoch,
            settings.epochs(), record.trainLoss(), valLoss, valAuc, best ? " (best)" : "", seconds));
        checkpoints.save(session, state);
        epochListener.accept(state);
        if (state.stoppedEarly()) {
          LOG.info("early stopping: " + settings.earlyStoppingMetric() + " has not improved for "
              + settings.earlyStoppingPatience() + " epochs; best epoch " + state.bestEpoch());
        }
      }
    }
    if (settings.select() == TrainingSettings.Selection.BEST && state.bestEpoch() > 0
        && state.bestEpoch() != state.epoch()) {
      LOG.info("restoring the weights of the best epoch, " + state.bestEpoch());
      session.restore(checkpoints.load(state.bestEpoch()).variables());
    }
    return state;
  }

  /** The predictions of a split, with the records' targets. */
  public static Predictions predictions(String split, EcgDataset data, int[] records, float[] probabilities) {
    int classes = data.labels().size();
    boolean[] targets = new boolean[records.length * classes];
    for (int r = 0; r < records.length; r++) {
      for (int label : data.record(records[r]).labels()) {
        targets[r * classes + label] = true;
      }
    }
    return Predictions.of(split, data.labels(), probabilities, targets);
  }

  /** Mean binary cross-entropy over records and classes (categorical for single-label tasks). */
  static double crossEntropy(Predictions predictions, boolean multiLabel) {
    double sum = 0;
    int n = predictions.records();
    int k = predictions.classCount();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double p = Math.min(1 - 1e-7, Math.max(1e-7, predictions.score(r, c)));
        if (predictions.target(r, c)) {
          sum -= Math.log(p);
        } else if (multiLabel) {
          sum -= Math.log(1 - p);
        }
      }
    }
    return multiLabel ? sum / ((double) n * k) : sum / n;
  }

  /** The history as rows for metrics files. */
  public static List<Map<String, Object>> rows(TrainerState state) {
    List<Map<String, Object>> rows = new ArrayList<>();
    state.history().forEach(r -> rows.add(r.toMap()));
    return rows;
  }
}
