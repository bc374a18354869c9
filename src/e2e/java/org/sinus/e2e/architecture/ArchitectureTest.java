package org.sinus.e2e.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinus.api.representation.Representation;
import org.sinus.api.violation.ApiClassUsingTheEngine;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.run.ExperimentRunner;
import org.sinus.io.violation.ReaderUsingTensorFlow;
import org.sinus.io.wfdb.WfdbReader;
import org.sinus.plot.PreviewRenderer;
import org.sinus.plugins.attribution.AttributionPlugin;
import org.sinus.plugins.fft.FftPlugin;
import org.sinus.plugins.ptbxl.PtbxlPlugin;
import org.sinus.plugins.synthetic.SyntheticPlugin;
import org.sinus.plugins.synthetic.violation.DatasetUsingTensorFlow;
import org.sinus.plugins.time.TimePlugin;
import org.sinus.plugins.violation.CycleA;
import org.sinus.plugins.violation.PluginThatBuildsItsOwnInjector;
import org.sinus.plugins.violation.PluginUsingAnotherPlugin;
import org.sinus.plugins.violation.PluginUsingTheEngine;
import org.sinus.plugins.violation.cycle.CycleB;
import org.sinus.plugins.wavelet.WaveletPlugin;
import org.sinus.testkit.ModelChecks;

/**
 * The architecture rules hold for the production code of every module, and each rule does fail on
 * a class that breaks it (the fixtures in {@code org.sinus.plugins.violation}, test code only).
 */
class ArchitectureTest {
  /** A class of each module, whose jar (or classes directory) is imported. */
  private static final List<Class<?>> MODULES = List.of(Representation.class,
      PreviewRenderer.class, ExperimentRunner.class,
      CompositionRoot.class, ModelChecks.class,
      TimePlugin.class, FftPlugin.class,
      WaveletPlugin.class, PtbxlPlugin.class,
      SyntheticPlugin.class, AttributionPlugin.class, WfdbReader.class);
  private static final JavaClasses PRODUCTION_JARS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importUrls(MODULES.stream().map(ArchitectureTest::location).toList());

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  static List<ArchRule> rules() {
    return List.of(ArchitectureRules.API_IS_SELF_CONTAINED, ArchitectureRules.PLUGINS_USE_ONLY_THE_API,
        ArchitectureRules.IO_USES_ONLY_THE_API,
        ArchitectureRules.PLUGINS_ARE_INDEPENDENT, ArchitectureRules.DATA_CODE_HAS_NO_TENSORFLOW,
        ArchitectureRules.ONE_COMPOSITION_ROOT, ArchitectureRules.NO_PACKAGE_CYCLES);
  }

  @Test
  void theProductionCodeOfEveryModuleIsChecked() {
    assertThat(PRODUCTION_JARS.containPackage("org.sinus.api.plugin")).isTrue();
    assertThat(PRODUCTION_JARS.containPackage("org.sinus.engine.train")).isTrue();
    assertThat(PRODUCTION_JARS.containPackage("org.sinus.cli")).isTrue();
    assertThat(PRODUCTION_JARS.containPackage("org.sinus.plugins.time")).isTrue();
    assertThat(PRODUCTION_JARS.containPackage("org.sinus.io.wfdb")).isTrue();
    assertThat(PRODUCTION_JARS.containPackage("org.sinus.plugins.violation")).as("test fixtures are not production")
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holdsForTheProductionCode(ArchRule rule) {
    rule.check(PRODUCTION_JARS);
  }

  @Test
  void everyRuleFailsOnAClassThatBreaksIt() {
    assertViolation(ArchitectureRules.PLUGINS_USE_ONLY_THE_API, PluginUsingTheEngine.class);
    assertViolation(ArchitectureRules.ONE_COMPOSITION_ROOT, PluginThatBuildsItsOwnInjector.class);
    assertViolation(ArchitectureRules.NO_PACKAGE_CYCLES, CycleA.class, CycleB.class);
    assertViolation(ArchitectureRules.PLUGINS_ARE_INDEPENDENT, PluginUsingAnotherPlugin.class,
        TimePlugin.class);
    assertViolation(ArchitectureRules.DATA_CODE_HAS_NO_TENSORFLOW, DatasetUsingTensorFlow.class);
    assertViolation(ArchitectureRules.API_IS_SELF_CONTAINED, ApiClassUsingTheEngine.class);
    assertViolation(ArchitectureRules.IO_USES_ONLY_THE_API, ReaderUsingTensorFlow.class);
  }

  /** The rule reports a violation by {@code classes[0]} when it is applied to {@code classes}. */
  private static void assertViolation(ArchRule rule, Class<?>... classes) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
    assertThat(result.hasViolation()).as("%s is violated by %s", rule.getDescription(), classes[0].getName()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(classes[0].getSimpleName());
  }
}
