package org.sinus.plugins.attribution;

import java.util.List;
import java.util.Locale;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.plugin.ComponentConfig;

/**
 * Which features kernel SHAP and LIME attribute to, from the keys {@code features} and
 * {@code segment}: every lead cut into segments, the leads whole, or segments of all leads.
 *
 * @param kind {@code lead-segments}, {@code leads} or {@code segments}
 * @param segmentSeconds length of a segment
 * @param segmentKey where {@code segment} was set, for a segment shorter than one sample
 */
record FeatureChoice(String kind, double segmentSeconds, ConfigKey segmentKey) {
  static final List<String> KINDS = List.of("lead-segments", "leads", "segments");

  static FeatureChoice read(ComponentConfig config) {
    return new FeatureChoice(config.getChoice("features", KINDS), config.getSeconds("segment", 0.001, 3600),
        config.key("segment"));
  }

  /** The features over the samples of {@code span}. */
  Features over(Span span, SignalFormat format) {
    if (kind.equals("leads")) {
      return Features.leads(span.from(), span.to(), format.channels());
    }
    int length = (int) Math.round(segmentSeconds * format.samplingRate());
    if (length < 1) {
      throw segmentKey.problem(String.format(Locale.ROOT, "a segment of %.4g s is shorter than one sample at %d Hz",
          segmentSeconds, format.samplingRate()));
    }
    return Features.tiles(span.from(), span.to(), length, kind.equals("lead-segments"), format.channels());
  }

  /** E.g. {@code lead-segments of 0.25 s}. */
  String describe() {
    return kind.equals("leads") ? "leads" : String.format(Locale.ROOT, "%s of %.3g s", kind, segmentSeconds);
  }
}
