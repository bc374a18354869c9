package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/** The plugin's reference.conf: every default of every type it binds is valid and read by its factory. */
class TimePluginTest {

  @Test
  void everyFactoryReadsEveryDefaultOfItsType() {
    Map<String, ComponentFactory<?>> factories = Map.of(
        "sinus.representation.time", new TimeRepresentation.Factory(),
        "sinus.model.resnet1d", new ResNet1d.Factory(),
        "sinus.model.cnn1d", new Cnn1d.Factory(),
        "sinus.model.xresnet1d", new XResNet1d.Factory());
    factories.forEach((path, factory) -> {
      ProblemCollector problems = new ProblemCollector();
      ComponentConfig block = new ComponentConfig("block",
          ConfigFactory.parseResources("reference.conf").getConfig(path), problems);
      assertThat(factory.create(block)).as(path).isNotNull();
      assertThat(problems.problems()).as("problems with the defaults of %s", path).isEmpty();
      assertThat(block.unreadKeys()).as("defaults of %s its factory never reads", path).isEmpty();
      assertThat(factory.description()).as(path).isNotBlank();
    });
  }
}
