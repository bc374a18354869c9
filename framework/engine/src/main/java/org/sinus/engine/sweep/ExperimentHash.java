package org.sinus.engine.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sinus.engine.run.ExperimentSetup;

/**
 * Identifies what a run computes: a SHA-256 of its fully resolved experiment (every default written
 * out, keys sorted) without the machine-local keys (data locations, threads, caches) and without
 * {@code output.dir}, which say where a run happens rather than what it is. The same experiment on
 * another machine, with other threads or another data path, has the same hash.
 */
public final class ExperimentHash {
  /** Hex digits kept: 64 bits, plenty for the points of a sweep. */
  static final int LENGTH = 16;

  private ExperimentHash() {}

  public static String of(ExperimentSetup setup) {
    Config config = setup.experiment().config().withoutPath("output.dir");
    for (String key : setup.machineLocalKeys()) {
      config = config.withoutPath(key);
    }
    String text = config.root().render(ConfigRenderOptions.concise());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
