package org.sinus.plugins.ptbxl;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentConfig;

/** Builds PTB-XL settings for tests the way an experiment would (the plugin's reference.conf under overrides). */
final class PtbxlTestData {
  private PtbxlTestData() {}

  static ComponentConfig block(Path path, String overrides) {
    var reference = ConfigFactory.defaultReference().getConfig("sinus.dataset.ptbxl");
    var config = ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseString("path = \"" + path + "\""))
        .withFallback(reference).resolve();
    return new ComponentConfig("dataset", config, new ProblemCollector());
  }

  static PtbxlSettings settings(Path path, String overrides) {
    ComponentConfig block = block(path, overrides);
    PtbxlSettings settings = PtbxlSettings.read(block);
    block.problems().throwIfAny();
    return settings;
  }
}
