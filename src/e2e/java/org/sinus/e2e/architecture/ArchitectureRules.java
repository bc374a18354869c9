package org.sinus.e2e.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of Sinus as rules: what the plugin API may see, what plugins may see, where
 * TensorFlow may appear, who builds the injector, and no package cycles.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The API is what plugins compile against: it sees nothing of the engine, the command line, plotting or WFDB. */
  static final ArchRule API_IS_SELF_CONTAINED = noClasses().that().resideInAPackage("org.sinus.api..")
      .should().dependOnClassesThat().resideInAnyPackage("org.sinus.engine..", "org.sinus.cli..", "org.sinus.plot..",
          "org.sinus.testkit..", "..wfdb..")
      .because("plugins compile against sinus-api alone");

  /** Plugins see only the API of Sinus. */
  static final ArchRule PLUGINS_USE_ONLY_THE_API = noClasses().that().resideInAPackage("org.sinus.plugins..")
      .should().dependOnClassesThat().resideInAnyPackage("org.sinus.engine..", "org.sinus.cli..", "org.sinus.plot..",
          "org.sinus.testkit..")
      .because("a plugin depends on sinus-api and sinus-io only (and on the test kit in its tests)");

  /** Reading signal files needs the API only: no engine, no plugin, no TensorFlow. */
  static final ArchRule IO_USES_ONLY_THE_API = noClasses().that().resideInAPackage("org.sinus.io..")
      .should().dependOnClassesThat().resideInAnyPackage("org.sinus.engine..", "org.sinus.cli..", "org.sinus.plot..",
          "org.sinus.plugins..", "org.sinus.testkit..", "org.tensorflow..", "com.google.inject..")
      .because("sinus-io is shared by dataset plugins and the engine, and reading records must stay light");

  /** No plugin depends on another: each is an independent jar. */
  static final ArchRule PLUGINS_ARE_INDEPENDENT = slices().matching("org.sinus.plugins.(*)..").should().notDependOnEachOther()
      .because("a plugin can be added or removed without touching the others");

  /** Data code (datasets, records, the engine's data views) never needs TensorFlow. */
  static final ArchRule DATA_CODE_HAS_NO_TENSORFLOW = noClasses().that().resideInAnyPackage("org.sinus.api.data..",
          "org.sinus.api.cache..", "org.sinus.engine.data..", "org.sinus.plugins.ptbxl..", "org.sinus.plugins.synthetic..")
      .should().dependOnClassesThat().resideInAPackage("org.tensorflow..")
      .because("reading and caching records must not load the TensorFlow native library");

  /** Only the command line's composition root builds a Guice injector. */
  static final ArchRule ONE_COMPOSITION_ROOT = noClasses().that().doNotHaveFullyQualifiedName("org.sinus.cli.CompositionRoot")
      .should().callMethod(Guice.class, "createInjector", Stage.class, Iterable.class)
      .orShould().callMethod(Guice.class, "createInjector", Iterable.class)
      .orShould().callMethod(Guice.class, "createInjector", Module[].class)
      .orShould().callMethod(Guice.class, "createInjector", Stage.class,
          Module[].class)
      .because("the plugins are wired in one place, org.sinus.cli.CompositionRoot");

  /** No cycles between the framework's packages. */
  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.sinus.(**)").should().beFreeOfCycles()
      .because("each package of the framework builds on the ones below it");
}
