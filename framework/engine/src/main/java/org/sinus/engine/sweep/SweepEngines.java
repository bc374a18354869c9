package org.sinus.engine.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The sweep engines on the class path: {@code local} and those modules add through {@link ServiceLoader}. */
public final class SweepEngines {
  private SweepEngines() {}

  private static Map<String, SweepEngine> all() {
    Map<String, SweepEngine> engines = new LinkedHashMap<>();
    engines.put(LocalSweepEngine.TYPE, new LocalSweepEngine());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ServiceLoader.load(SweepEngine.class, loader == null ? SweepEngines.class.getClassLoader() : loader)
        .forEach(engine -> engines.putIfAbsent(engine.type(), engine));
    return engines;
  }

  /** The types of the engines on the class path, {@code local} first. */
  public static List<String> known() {
    return List.copyOf(all().keySet());
  }

  /** The engine of that type, if it is on the class path. */
  public static Optional<SweepEngine> named(String type) {
    return Optional.ofNullable(all().get(type));
  }
}
