package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.SparseModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.LARSLassoTrainer;

/**
 * LIME's surrogate (Ribeiro et al. 2016): a sparse linear model {@code g(z) = b + Σ β_k z_k} of the
 * output in the coalition ({@code z_k = 1} when feature k is present), fitted to the perturbed
 * samples weighted by their proximity. The fit is Tribuo's LARS-lasso
 * ({@link LARSLassoTrainer}): features enter along the lasso path until {@code maxFeatures} are
 * active, and the last step is least squares on them (LIME's {@code lasso_path} selection).
 *
 * <p>Tribuo takes the weights ({@code WeightedExamples}: each row scaled by √w), but it centres
 * the scaled columns by their unweighted means, which would not be the weighted fit with an
 * intercept. So the rows are centred by the weighted means here, and each row is given twice, as
 * it is and negated: the unweighted means are then exactly zero, Tribuo's centring does nothing,
 * and the doubled sum of squares has the same minimum. The coefficients are read back from the
 * model's predictions (it is linear), not from its internal standardized weights.
 */
final class LimeSurrogate {
  /** Tribuo logs every LARS step at INFO; kept referenced so the level holds. */
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  static {
    TRIBUO.setLevel(Level.WARNING);
  }

  private LimeSurrogate() {}

  /**
   * @param coefficients β per feature, 0 for a feature that was not selected
   * @param intercept b
   * @param r2 the weighted R² of the surrogate on the samples (1 when the output never changed)
   * @param selected features with a nonzero coefficient
   */
  record Fit(double[] coefficients, double intercept, double r2, int selected) {}

  /**
   * @param masks the perturbed coalitions
   * @param outputs the model's output for each
   * @param weights each sample's proximity weight (positive)
   * @param maxFeatures most features with a nonzero coefficient
   */
  static Fit fit(boolean[][] masks, double[] outputs, double[] weights, int maxFeatures) {
    int m = masks[0].length;
    double total = 0;
    double meanOutput = 0;
    double[] meanMask = new double[m];
    for (int i = 0; i < masks.length; i++) {
      total += weights[i];
      meanOutput += weights[i] * outputs[i];
      for (int k = 0; k < m; k++) {
        meanMask[k] += masks[i][k] ? weights[i] : 0;
      }
    }
    meanOutput /= total;
    for (int k = 0; k < m; k++) {
      meanMask[k] /= total;
    }
    double spread = 0;
    for (int i = 0; i < masks.length; i++) {
      spread += weights[i] * (outputs[i] - meanOutput) * (outputs[i] - meanOutput);
    }
    double[] coefficients = new double[m];
    List<Integer> varied = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      if (meanMask[k] > 0 && meanMask[k] < 1) {
        varied.add(k);
      }
    }
    if (spread > 1e-24 * total && !varied.isEmpty()) {
      fitCentred(masks, outputs, weights, meanOutput, meanMask, varied, Math.min(maxFeatures, varied.size()),
          coefficients);
    }
    double intercept = meanOutput;
    int selected = 0;
    for (int k = 0; k < m; k++) {
      intercept -= coefficients[k] * meanMask[k];
      selected += coefficients[k] != 0 ? 1 : 0;
    }
    double residual = 0;
    for (int i = 0; i < masks.length; i++) {
      double fitted = intercept;
      for (int k = 0; k < m; k++) {
        fitted += masks[i][k] ? coefficients[k] : 0;
      }
      residual += weights[i] * (outputs[i] - fitted) * (outputs[i] - fitted);
    }
    double r2 = spread > 1e-24 * total ? 1 - residual / spread : 1;
    return new Fit(coefficients, intercept, r2, selected);
  }

  /** Fits the centred rows of the {@code varied} features and writes their coefficients. */
  private static void fitCentred(boolean[][] masks, double[] outputs, double[] weights, double meanOutput,
                                 double[] meanMask, List<Integer> varied, int maxFeatures, double[] coefficients) {
    if (varied.size() == 1) {
      int k = varied.get(0);
      double covariance = 0;
      double variance = 0;
      for (int i = 0; i < masks.length; i++) {
        double z = (masks[i][k] ? 1 : 0) - meanMask[k];
        covariance += weights[i] * z * (outputs[i] - meanOutput);
        variance += weights[i] * z * z;
      }
      coefficients[k] = covariance / variance;
      return;
    }
    String[] names = new String[varied.size()];
    for (int j = 0; j < names.length; j++) {
      names[j] = name(varied.get(j));
    }
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("LIME samples", factory),
        factory);
    for (int i = 0; i < masks.length; i++) {
      for (int sign = 1; sign >= -1; sign -= 2) {
        double[] values = new double[names.length];
        for (int j = 0; j < names.length; j++) {
          int k = varied.get(j);
          values[j] = sign * ((masks[i][k] ? 1 : 0) - meanMask[k]);
        }
        Example<Regressor> example = new ArrayExample<>(new Regressor("output", sign * (outputs[i] - meanOutput)),
            names, values);
        example.setWeight((float) weights[i]);
        data.add(example);
      }
    }
    SparseModel<Regressor> model = new LARSLassoTrainer(maxFeatures).train(data);
    for (String feature : model.getActiveFeatures().values().iterator().next()) {
      if (!feature.startsWith("f")) {
        continue;
      }
      int k = Integer.parseInt(feature.substring(1));
      coefficients[k] = predict(model, feature, 2) - predict(model, feature, 1);
    }
  }

  private static String name(int k) {
    return String.format(Locale.ROOT, "f%06d", k);
  }

  private static double predict(SparseModel<Regressor> model, String feature, double value) {
    Example<Regressor> probe = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, new String[] {feature},
        new double[] {value});
    return model.predict(probe).getOutput().getValues()[0];
  }
}
