package org.sinus.plugins.synthetic;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentConfig;

/** Dataset blocks for tests: the given HOCON over the plugin's reference.conf defaults. */
public final class Configs {
  private Configs() {}

  public static ComponentConfig block(String hocon) {
    Config reference = ConfigFactory.defaultReference().getConfig("sinus.dataset.synthetic");
    return new ComponentConfig("dataset", ConfigFactory.parseString(hocon).withFallback(reference).resolve(),
        new ProblemCollector());
  }

  /** Settings read from a block; fails the test if the block has problems. */
  public static SyntheticSettings settings(String hocon) {
    ComponentConfig block = block(hocon);
    SyntheticSettings settings = SyntheticSettings.read(block);
    block.problems().throwIfAny();
    return settings;
  }
}
