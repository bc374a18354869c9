package org.sinus.api;

/**
 * Base of every error Sinus reports to a user. The message is written for the person who runs the
 * experiment: it names the file, record or config key at fault and, where there is one, the fix.
 */
public class SinusException extends RuntimeException {
  private final ExitCode exitCode;

  public SinusException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public SinusException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI returns for this error. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
