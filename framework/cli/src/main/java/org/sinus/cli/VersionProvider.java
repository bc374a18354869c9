package org.sinus.cli;

import org.sinus.engine.run.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code sinus --version}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"Sinus " + Provenance.version() + " (Java " + System.getProperty("java.version") + ")"};
  }
}
