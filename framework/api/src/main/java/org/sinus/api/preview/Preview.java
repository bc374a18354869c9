package org.sinus.api.preview;

/**
 * A picture of an encoded example, described rather than drawn, so that plugins need no plotting
 * code: the engine renders it ({@code sinus data show}, reports). Two kinds exist, which cover the
 * representations of this repository: the leads as curves over time ({@link SignalPreview}) and
 * matrices of values such as spectrograms or scalograms ({@link HeatmapPreview}).
 */
public sealed interface Preview permits SignalPreview, HeatmapPreview {

  /** The picture's title. */
  String title();
}
