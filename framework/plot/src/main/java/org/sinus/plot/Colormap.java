package org.sinus.plot;

import java.util.Arrays;

/**
 * Maps a number in {@code [0, 1]} to a colour by linear interpolation between equally spaced
 * anchor colours.
 *
 * <ul>
 *   <li>{@link #VIRIDIS}: perceptually uniform, dark purple (low) to yellow (high), readable in
 *       grey print and by colour-blind readers; for magnitudes such as scalograms.</li>
 *   <li>{@link #BLUE_WHITE_RED}: diverging, white in the middle; for signed values such as
 *       attributions, with a range symmetric around zero.</li>
 * </ul>
 */
public final class Colormap {
  static {
    Style.ensureLoaded();
  }

  /**
   * matplotlib's viridis (van der Walt and Smith, CC0), its 256-entry table sampled at 33 equally
   * spaced points; linear interpolation between them stays within 2/255 of the full table.
   */
  public static final Colormap VIRIDIS = new Colormap("viridis", new int[] {
    0x440154, 0x470D60, 0x48186A, 0x482374, 0x472D7B, 0x453681, 0x424086, 0x3F4989,
    0x3B528B, 0x375A8D, 0x33638D, 0x2F6A8E, 0x2C728E, 0x297A8E, 0x26818E, 0x23898E,
    0x21908C, 0x1F988B, 0x1F9F88, 0x21A685, 0x28AE80, 0x31B57B, 0x3EBC74, 0x4CC26C,
    0x5DC963, 0x6ECE58, 0x82D34C, 0x96D83F, 0xABDC32, 0xC0DF24, 0xD5E21A, 0xEAE51A,
    0xFDE725,
  });

  /** ColorBrewer's 11-class RdBu, reversed so that low is blue and high is red. */
  public static final Colormap BLUE_WHITE_RED = new Colormap("blue-white-red", new int[] {
    0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
    0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
  });

  private final String name;
  private final int[] anchors;

  /**
   * A colormap through {@code anchors} (0xRRGGBB), the first at 0 and the last at 1.
   *
   * @throws IllegalArgumentException with fewer than two anchors
   */
  public Colormap(String name, int[] anchors) {
    if (anchors.length < 2) {
      throw new IllegalArgumentException("colormap '" + name + "' needs at least two anchor colours, got "
          + anchors.length);
    }
    this.name = name;
    this.anchors = anchors.clone();
  }

  public String name() {
    return name;
  }

  /** The colour at {@code t} as 0xRRGGBB; {@code t} is clamped to [0, 1], NaN gives the lowest colour. */
  public int rgb(double t) {
    if (!(t > 0)) {
      return anchors[0];
    }
    if (t >= 1) {
      return anchors[anchors.length - 1];
    }
    double position = t * (anchors.length - 1);
    int i = (int) position;
    double f = position - i;
    int a = anchors[i];
    int b = anchors[i + 1];
    return mix(a >> 16 & 0xFF, b >> 16 & 0xFF, f) << 16
        | mix(a >> 8 & 0xFF, b >> 8 & 0xFF, f) << 8
        | mix(a & 0xFF, b & 0xFF, f);
  }

  /** The colour of the lowest value. */
  public int low() {
    return anchors[0];
  }

  /** The colour of the highest value. */
  public int high() {
    return anchors[anchors.length - 1];
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Colormap c && c.name.equals(name) && Arrays.equals(c.anchors, anchors);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(anchors);
  }

  @Override
  public String toString() {
    return "Colormap[" + name + "]";
  }
}
