package org.sinus.engine.sweep;

import java.util.List;

/**
 * Where a sweep's runs run: {@code local} (this process) or an engine a module adds ({@code spark}). Engines
 * are found with {@link java.util.ServiceLoader} ({@code META-INF/services/org.sinus.engine.sweep.SweepEngine}),
 * so the sweep knows none of them by name but {@code local}; see {@link SweepEngines}.
 */
public interface SweepEngine {
  /** The {@code engine.type} of a sweep file that chooses this engine. */
  String type();

  /** The engine with its settings, for the sweep's log (e.g. {@code local engine, 2 runs at once}). */
  String describe(SweepFile.EngineSettings settings);

  /** The machine-local settings that give each run its share of the cores (TensorFlow's threads), if any. */
  List<String> threadSettings(SweepFile.EngineSettings settings);

  /**
   * Runs every run of the job (each with its retries, through {@link SweepJob#attempts()}), records each
   * outcome with {@link SweepJob#record} and returns when all of them are done.
   */
  void runAll(SweepJob job);

  /**
   * Builds the representation caches the pending runs need that are not there yet
   * ({@link SweepCaches#forEachMissing}), each file once, before {@link #runAll} (when
   * {@code engine.build-caches} is on); the runs then reuse them.
   */
  void buildCaches(SweepCaches caches);
}
