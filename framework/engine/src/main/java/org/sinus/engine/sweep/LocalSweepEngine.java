package org.sinus.engine.sweep;

import java.util.List;

/** The {@code local} sweep engine: a {@link LocalEngine} of the sweep's parallelism over this machine's cores. */
public final class LocalSweepEngine implements SweepEngine {
  public static final String TYPE = "local";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String describe(SweepFile.EngineSettings settings) {
    return "local engine, " + settings.parallelism() + " at once";
  }

  @Override
  public List<String> threadSettings(SweepFile.EngineSettings settings) {
    return localEngine(settings).threadSettings();
  }

  @Override
  public void runAll(SweepJob job) {
    localEngine(job.sweep().engine()).runAll(job.pending().stream()
        .<Runnable>map(pending -> () -> job.attempts().run(pending.run(), pending.entry(), job::record))
        .toList());
  }

  private static LocalEngine localEngine(SweepFile.EngineSettings settings) {
    return new LocalEngine(settings.parallelism(), Runtime.getRuntime().availableProcessors());
  }
}
