package org.sinus.engine.explain.faithfulness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sinus.api.data.ClassRegions;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.explain.ExplainRunner;
import org.sinus.engine.explain.RunExplainerContext;
import org.sinus.engine.run.TrainedRun;
import org.sinus.engine.train.TrainingSession;

/**
 * Measures how faithful and sane explainers are on a trained run, against an attribution of
 * random numbers: on test records, each explained for its predicted class,
 * <ul>
 *   <li>deletion curves ({@link DeletionCurves}: AOPC most relevant first, least relevant first,
 *       random order);</li>
 *   <li>the model-randomisation check (Adebayo et al. 2018): the rank correlation of the
 *       attribution's magnitudes with those of the same explainer on the model with its initial,
 *       untrained weights; a method whose attribution hardly changes explains the input, not the
 *       model;</li>
 *   <li>stability: the rank correlation of the attribution with that of the record plus small
 *       Gaussian noise (2% of each lead's standard deviation);</li>
 *   <li>where the dataset knows where each class was put (the synthetic ECG), and for records whose
 *       explained class has a region (the synthetic NORM has none), localisation
 *       ({@link Localisation}).</li>
 * </ul>
 */
public final class ExplainerEvaluation {
  /** The name of the baseline row: uniform random attributions. */
  public static final String RANDOM = "random attribution";

  private ExplainerEvaluation() {}

  /**
   * @param records test records explained (the first ones of the split)
   * @param segmentSeconds length of a deletion feature (one lead over this long)
   * @param steps steps of the deletion curves
   * @param seed seeds the explainers, the random orders and the noise
   */
  public record Settings(int records, double segmentSeconds, int steps, long seed) {}

  /** Means over the explained records (NaN where a measure does not apply). */
  public record Row(String explainer, int explanations, double secondsPerExplanation, double aopcMorf, double aopcLerf,
                    double aopcRandomOrder, double randomisedCorrelation, double stability, double localisationMass,
                    double pointingGame, double regionArea, List<String> notes) {}

  public static List<Row> evaluate(TrainedRun trained, Map<String, Explainer> explainers, Settings settings) {
    EcgDataset data = trained.data();
    int[] test = data.indices(Split.TEST);
    int n = Math.min(settings.records(), test.length);
    int[] records = Arrays.copyOf(test, n);
    trained.inputs().precompute(new DatasetRecords(data, records));
    float[] probabilities = trained.predictor().predict(trained.session(), records);
    int classes = data.labels().size();
    RunExplainerContext context = RunExplainerContext.of(trained, trained.session());
    DeletionCurves curves = new DeletionCurves(Math.max(1, (int) Math.round(settings.segmentSeconds() * data.samplingRate())),
        settings.steps());
    RecordScorer scorer = new RecordScorer(context);
    List<Row> rows = new ArrayList<>();
    try (TrainingSession untrained = trained.untrainedSession()) {
      RunExplainerContext randomised = RunExplainerContext.of(trained, untrained);
      Map<String, Explainer> all = new LinkedHashMap<>(explainers);
      all.put(RANDOM, null);
      for (Map.Entry<String, Explainer> entry : all.entrySet()) {
        rows.add(evaluate(entry.getKey(), entry.getValue(), context, randomised, scorer, curves, data, records,
            probabilities, classes, settings));
      }
    }
    return rows;
  }

  private static Row evaluate(String name, Explainer explainer, ExplainerContext context, ExplainerContext randomised,
                              RecordScorer scorer, DeletionCurves curves, EcgDataset data, int[] records,
                              float[] probabilities, int classes, Settings settings) {
    Mean seconds = new Mean();
    Mean morf = new Mean();
    Mean lerf = new Mean();
    Mean randomOrder = new Mean();
    Mean randomisedCorrelation = new Mean();
    Mean stability = new Mean();
    Mean mass = new Mean();
    Mean hits = new Mean();
    Mean area = new Mean();
    List<String> notes = new ArrayList<>();
    int leads = data.leads().size();
    int[] starts = context.scoring().starts(data.samples());
    for (int r = 0; r < records.length; r++) {
      int label = ExplainRunner.predictedClass(probabilities, r * classes, classes);
      float[] signal = data.signals().read(records[r]);
      long seed = settings.seed() + r;
      long began = System.nanoTime();
      float[] relevance = relevance(explainer, context, data.record(records[r]).id(), signal, starts, label, seed,
          notes);
      if (relevance == null) {
        continue;
      }
      seconds.add((System.nanoTime() - began) / 1e9);
      DeletionCurves.Aopc aopc = curves.measure(scorer, signal, relevance, leads, label, seed);
      morf.add(aopc.morf());
      lerf.add(aopc.lerf());
      randomOrder.add(aopc.random());
      if (explainer != null) {                                   // random numbers depend on the seed alone
        float[] untrained = relevance(explainer, randomised, data.record(records[r]).id(), signal, starts, label, seed,
            notes);
        randomisedCorrelation.add(Math.abs(RankCorrelation.spearman(RankCorrelation.magnitudes(relevance),
            RankCorrelation.magnitudes(untrained))));
        float[] noisy = relevance(explainer, context, data.record(records[r]).id(), noisy(signal, leads, seed), starts,
            label, seed, notes);
        stability.add(RankCorrelation.spearman(relevance, noisy));
      }
      ClassRegions regions = data.regions().orElse(null);
      float[] region = regions != null && data.record(records[r]).has(label) ? regions.region(records[r], label) : null;
      if (region != null && Localisation.covers(region)) {         // a class without a region (NORM) has nothing to find
        Localisation.Score score = Localisation.of(relevance, region);
        mass.add(score.mass());
        hits.add(score.hit() ? 1 : 0);
        area.add(score.area());
      }
    }
    return new Row(name, morf.count, seconds.mean(), morf.mean(), lerf.mean(), randomOrder.mean(),
        randomisedCorrelation.mean(), stability.mean(), mass.mean(), hits.mean(), area.mean(),
        notes.stream().distinct().toList());
  }

  /** The attribution per sample and lead, or null (with a note) when the explainer cannot map to the signal. */
  private static float[] relevance(Explainer explainer, ExplainerContext context, String id, float[] signal, int[] starts,
                                   int label, long seed, List<String> notes) {
    if (explainer == null) {
      SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
      float[] relevance = new float[signal.length];
      for (int i = 0; i < relevance.length; i++) {
        relevance[i] = (float) random.nextDouble();
      }
      return relevance;
    }
    Explanation explanation = explainer.explain(context, new ExplainTarget(id, signal, starts, label, seed));
    if (explanation.signal() == null) {
      notes.add("no relevance per sample and lead: " + String.join("; ", explanation.notes()));
    }
    return explanation.signal();
  }

  /** The record plus Gaussian noise of 2% of each lead's standard deviation. */
  private static float[] noisy(float[] signal, int leads, long seed) {
    int samples = signal.length / leads;
    double[] sd = new double[leads];
    for (int l = 0; l < leads; l++) {
      double mean = 0;
      for (int s = 0; s < samples; s++) {
        mean += signal[s * leads + l] / samples;
      }
      for (int s = 0; s < samples; s++) {
        double d = signal[s * leads + l] - mean;
        sd[l] += d * d / samples;
      }
      sd[l] = Math.sqrt(sd[l]);
    }
    SplittableRandom random = new SplittableRandom(seed * 31 + 7);
    float[] out = signal.clone();
    for (int i = 0; i < out.length; i++) {
      double u = 1 - random.nextDouble();
      out[i] += (float) (0.02 * sd[i % leads] * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return out;
  }

  /** A running mean that is NaN when nothing was added. */
  private static final class Mean {
    double sum;
    int count;

    void add(double value) {
      sum += value;
      count++;
    }

    double mean() {
      return count == 0 ? Double.NaN : sum / count;
    }
  }
}
