package org.sinus.io.wfdb;

import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/**
 * A WFDB record that cannot be read: a header that does not follow the header(5) format, a signal
 * file that is missing, truncated or too long, a storage format this reader does not decode, or
 * samples that disagree with the initial value or checksum in the header. The message starts with
 * the file at fault (and the header line, where there is one) and says what is wrong.
 */
public final class WfdbFormatException extends SinusException {

  public WfdbFormatException(String message) {
    super(ExitCode.DATA, message);
  }

  public WfdbFormatException(String message, Throwable cause) {
    super(ExitCode.DATA, message, cause);
  }
}
