package org.sinus.api.plugin;

import java.util.List;
import org.sinus.api.data.DatasetFactory;
import org.sinus.api.explain.ExplainerFactory;
import org.sinus.api.model.ModelFactory;
import org.sinus.api.representation.RepresentationFactory;
import org.sinus.api.schedule.ScheduleFactory;

/**
 * The places where plugins add implementations. Each has a name (used in reference.conf under
 * {@code sinus.<name>.<type>}) and a factory interface bound through a Guice {@code MapBinder}.
 */
public enum ExtensionPoint {
  DATASET("dataset", DatasetFactory.class),
  REPRESENTATION("representation", RepresentationFactory.class),
  MODEL("model", ModelFactory.class),
  EXPLAINER("explainer", ExplainerFactory.class),
  SCHEDULE("schedule", ScheduleFactory.class);

  private final String id;
  private final Class<? extends ComponentFactory<?>> factoryType;

  ExtensionPoint(String id, Class<? extends ComponentFactory<?>> factoryType) {
    this.id = id;
    this.factoryType = factoryType;
  }

  /** The name used in reference.conf ({@code sinus.<id>.<type>}) and in messages. */
  public String id() {
    return id;
  }

  public Class<? extends ComponentFactory<?>> factoryType() {
    return factoryType;
  }

  /** Where the defaults of {@code type} live in the merged reference.conf. */
  public String defaultsPath(String type) {
    return "sinus." + id + ".\"" + type + "\"";
  }

  public static List<ExtensionPoint> all() {
    return List.of(values());
  }
}
