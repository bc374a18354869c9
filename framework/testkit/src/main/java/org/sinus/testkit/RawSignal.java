package org.sinus.testkit;

import com.typesafe.config.Config;
import java.util.Map;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalProjection;

/**
 * The window's samples as they are, {@code [1, window, leads]}, fitting nothing: a representation
 * for tests of other components (explainers, models in a run).
 */
public final class RawSignal implements Representation {

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    return new ExampleShape(1, windowSamples, format.channels());
  }

  @Override
  public FittedRepresentation fit(RecordSet training, FitContext context) {
    return new Fitted(shape(context.format(), context.windowSamples()));
  }

  @Override
  public FittedRepresentation restore(Config state, FitContext context) {
    return fit(null, context);
  }

  private record Fitted(ExampleShape shape) implements FittedRepresentation, SignalProjection {
    @Override
    public void encode(RecordWindow window, float[] out, int offset) {
      int channels = shape.channels();
      System.arraycopy(window.signal(), window.start() * channels, out, offset, window.length() * channels);
    }

    @Override
    public Map<String, Object> state() {
      return Map.of();
    }

    @Override
    public float[] toSignal(float[] relevance, int windowSamples) {
      return relevance.clone();
    }
  }
}
