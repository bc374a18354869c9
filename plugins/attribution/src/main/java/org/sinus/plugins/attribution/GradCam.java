package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.FeatureMapGradients;
import org.sinus.api.explain.InputView;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;

/**
 * Grad-CAM (Selvaraju et al. 2017) on a feature map the model exposes
 * ({@link ModelHandle#featureMaps()}, e.g. a CNN's last convolutional stage): each channel
 * {@code c} of the map's activations {@code A} is weighted by the mean over the map's positions of
 * the gradient of the class output, {@code α_c = mean ∂y/∂A_c}, and the map is
 * {@code ReLU(Σ_c α_c A_c)}, one value per position of the layer (its time steps, and scales for a
 * 2D model). It is upsampled linearly (bilinearly in two dimensions, centres aligned as PyTorch's
 * {@code align_corners = False}) to the height and width of the input the layer belongs to, and
 * repeated on every channel of that input: Grad-CAM says nothing about the input's channels, so
 * for a 1D model of leads as channels, or a scalogram of leads as channels, every lead gets the
 * same relevance over time (a note says so). The representation then maps it to leads × time
 * ({@link RelevanceMaps}).
 *
 * <p>With several model inputs, the layer belongs to the input named by the first part of its
 * name ({@code time/stage2} to input {@code time}, as a model of branches builds each in a scope of
 * its input's name); the other inputs get no relevance.
 *
 * @param layer the feature map's name, or "last" for the last the model exposes
 * @param output the differentiated output (the paper's class score is the logit)
 * @param layerKey where {@code layer} was set, for the error when the model has no such map
 */
public record GradCam(String layer, ModelHandle.Output output, ConfigKey layerKey) implements Explainer {
  public static final String TYPE = "grad-cam";
  public static final String LAST = "last";

  /** Builds the explainer from {@code explain { type = "grad-cam", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "Grad-CAM: a CNN feature map's channels weighted by their mean gradient, upsampled to the input";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      String layer = config.getString("layer");
      if (layer.isBlank()) {
        config.problem("layer", "name a feature map of the model, or \"last\"");
      }
      return new GradCam(layer, Attributions.output(config), config.key("layer"));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    ModelHandle model = context.model();
    String name = chosenLayer(model.featureMaps());
    String input = inputOf(name, context);
    int windows = target.windows();
    Examples examples = Attributions.windows(context, target);
    double[] scores = RelevanceMaps.scores(model.predict(examples), model.classes().size(), target.label(), windows);
    FeatureMapGradients maps = model.featureMapGradients(examples, Attributions.labels(windows, target.label()),
        output, name);
    Map<String, float[][]> relevance = new LinkedHashMap<>();
    List<float[]> layerMaps = new ArrayList<>();
    for (Map.Entry<String, ExampleShape> entry : examples.shapes().entrySet()) {
      ExampleShape shape = entry.getValue();
      float[][] perWindow = new float[windows][];
      for (int w = 0; w < windows; w++) {
        if (entry.getKey().equals(input)) {
          float[] map = map(maps, w);
          layerMaps.add(map);
          perWindow[w] = onEveryChannel(upsample(map, maps.height(), maps.width(), shape.height(), shape.width()),
              shape.channels());
        } else {
          perWindow[w] = new float[shape.size()];
        }
      }
      relevance.put(entry.getKey(), perWindow);
    }
    ExampleShape shape = examples.shapes().get(input);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "Grad-CAM of feature map '%s' ([%d, %d, %d] per window) of input '%s' %s: "
            + "the map has the layer's resolution (%d × %d positions), upsampled linearly to %d × %d", name,
        maps.height(), maps.width(), maps.channels(), input, shape, maps.height(), maps.width(), shape.height(),
        shape.width()));
    if (shape.channels() > 1) {
      notes.add("Grad-CAM has no resolution across the " + shape.channels() + " channels of input '" + input
          + "' (the leads, for a 1D model or a scalogram of leads as channels): its map is repeated on every channel, "
          + "so every lead gets the same relevance over time");
    }
    if (examples.shapes().size() > 1) {
      notes.add("feature map '" + name + "' belongs to input '" + input + "': the other inputs get no relevance");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("layer", name);
    details.put("output", Attributions.name(output));
    details.put("layer_shape", List.of(maps.height(), maps.width(), maps.channels()));
    details.put("layer_maps", layerMaps);
    if (examples.shapes().size() > 1) {
      details.put(Explanation.NO_INPUT_SHARES, "Grad-CAM explains one feature map, of input '" + input
          + "': the other inputs get no relevance by construction");
    }
    return RelevanceMaps.explanation(context, target, describe(name), scores, relevance, details, notes);
  }

  /** The feature map to explain through, of those the model exposes. */
  private String chosenLayer(List<String> exposed) {
    if (exposed.isEmpty()) {
      throw layerKey.problem("grad-cam needs a feature map of the model (the output of a convolutional layer that "
          + "the model names with Network.featureMap), and this model exposes none; use another explainer, such as "
          + "integrated-gradients");
    }
    if (layer.equals(LAST)) {
      return exposed.get(exposed.size() - 1);
    }
    if (!exposed.contains(layer)) {
      throw layerKey.problem("the model has no feature map '" + layer + "'; it exposes " + exposed + " (or use \""
          + LAST + "\")");
    }
    return layer;
  }

  /** The input a feature map belongs to: the only one, or the one its name starts with. */
  private static String inputOf(String layer, ExplainerContext context) {
    List<String> inputs = context.inputs().stream().map(InputView::name).toList();
    if (inputs.size() == 1) {
      return inputs.get(0);
    }
    String scope = layer.contains("/") ? layer.substring(0, layer.indexOf('/')) : layer;
    if (!inputs.contains(scope)) {
      throw new IllegalArgumentException("grad-cam cannot tell which of the inputs " + inputs + " feature map '" + layer
          + "' belongs to: its name does not start with an input's name and '/'");
    }
    return scope;
  }

  /** {@code ReLU(Σ_c α_c A_c)} of window {@code w}, {@code height × width} row-major. */
  static float[] map(FeatureMapGradients maps, int w) {
    int positions = maps.height() * maps.width();
    int channels = maps.channels();
    int offset = w * maps.size();
    double[] alpha = new double[channels];
    for (int p = 0; p < positions; p++) {
      for (int c = 0; c < channels; c++) {
        alpha[c] += maps.gradients()[offset + p * channels + c] / (double) positions;
      }
    }
    float[] map = new float[positions];
    for (int p = 0; p < positions; p++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += alpha[c] * maps.activations()[offset + p * channels + c];
      }
      map[p] = (float) Math.max(0, sum);
    }
    return map;
  }

  /**
   * Bilinear resampling of a {@code height × width} map (row-major) to {@code toHeight × toWidth},
   * with the centres of the cells aligned (PyTorch's {@code interpolate(..., align_corners=False)});
   * positions beyond the outermost centres take the edge values.
   */
  static float[] upsample(float[] map, int height, int width, int toHeight, int toWidth) {
    float[] out = new float[toHeight * toWidth];
    for (int y = 0; y < toHeight; y++) {
      double sy = source(y, height, toHeight);
      int y0 = (int) Math.floor(sy);
      int y1 = Math.min(y0 + 1, height - 1);
      double fy = sy - y0;
      for (int x = 0; x < toWidth; x++) {
        double sx = source(x, width, toWidth);
        int x0 = (int) Math.floor(sx);
        int x1 = Math.min(x0 + 1, width - 1);
        double fx = sx - x0;
        double top = map[y0 * width + x0] * (1 - fx) + map[y0 * width + x1] * fx;
        double bottom = map[y1 * width + x0] * (1 - fx) + map[y1 * width + x1] * fx;
        out[y * toWidth + x] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return out;
  }

  /** Where output cell {@code i} of {@code to} lies on the axis of {@code from} cells, clamped to its centres. */
  private static double source(int i, int from, int to) {
    double position = (i + 0.5) * from / to - 0.5;
    return Math.min(Math.max(position, 0), from - 1);
  }

  /** The {@code h × w} map as an example of {@code channels} channels, the same on each. */
  private static float[] onEveryChannel(float[] map, int channels) {
    float[] out = new float[map.length * channels];
    for (int p = 0; p < map.length; p++) {
      for (int c = 0; c < channels; c++) {
        out[p * channels + c] = map[p];
      }
    }
    return out;
  }

  private String describe(String name) {
    return TYPE + " (feature map " + name + ", of the " + Attributions.name(output) + ")";
  }
}
