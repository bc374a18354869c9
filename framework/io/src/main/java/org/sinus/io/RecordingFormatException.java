package org.sinus.io;

import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/**
 * A file that cannot be read as a recording: an unknown format, a malformed or truncated file. The
 * message starts with the file (and, for text, the line) and says what is wrong.
 */
public final class RecordingFormatException extends SinusException {
  public RecordingFormatException(String message) {
    super(ExitCode.DATA, message);
  }

  public RecordingFormatException(String message, Throwable cause) {
    super(ExitCode.DATA, message, cause);
  }
}
