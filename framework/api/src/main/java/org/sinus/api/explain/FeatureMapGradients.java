package org.sinus.api.explain;

/**
 * A feature map of the inference network ({@link org.sinus.api.nn.Network#featureMap}) for a batch
 * of examples: its activations and the gradient of a chosen class's output with respect to them,
 * both {@code [count, height, width, channels]} row-major (NHWC, a 1D model's maps have height 1).
 *
 * @param layer the feature map's name
 * @param count examples
 * @param height the map's height (1 for a 1D model; scales, pooled, for a 2D one)
 * @param width the map's width (time, at the layer's resolution)
 * @param channels the map's channels (filters)
 * @param activations the map's values
 * @param gradients the gradient of each example's chosen output with respect to its map's values
 */
public record FeatureMapGradients(String layer, int count, int height, int width, int channels, float[] activations,
                                  float[] gradients) {
  public FeatureMapGradients {
    long expected = (long) count * height * width * channels;
    if (count < 0 || height <= 0 || width <= 0 || channels <= 0 || activations.length != expected
        || gradients.length != expected) {
      throw new IllegalArgumentException("feature map '" + layer + "' of shape [" + count + ", " + height + ", " + width
          + ", " + channels + "] with " + activations.length + " activations and " + gradients.length + " gradients");
    }
  }

  /** Values of one example's map: {@code height × width × channels}. */
  public int size() {
    return height * width * channels;
  }
}
