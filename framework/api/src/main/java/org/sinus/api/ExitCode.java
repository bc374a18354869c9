package org.sinus.api;

/** Exit codes of the {@code sinus} command, stable so that scripts can rely on them. */
public enum ExitCode {
  /** The command did what it was asked. */
  OK(0),
  /** An unexpected failure (a bug, or an environment problem such as a full disk). */
  FAILURE(1),
  /** The command line itself was wrong (unknown option, missing argument). */
  USAGE(2),
  /** The experiment configuration is invalid: unknown key or type, wrong value type, out of range. */
  CONFIG(3),
  /** The input data is missing, truncated or corrupt. */
  DATA(4),
  /** A run directory given to the command is missing or incomplete. */
  RUN(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
