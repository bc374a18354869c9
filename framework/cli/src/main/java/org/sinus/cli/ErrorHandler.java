package org.sinus.cli;

import java.util.List;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into messages and exit codes: a {@link SinusException} prints its message (written
 * for the user) and exits with its code; anything else is a bug and prints its stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    List<CommandLine> commands = parseResult.asCommandLineList();
    Object command = commands.get(commands.size() - 1).getCommand();
    boolean verbose = command instanceof SinusSubcommand sub && sub.common.verbose;
    var err = commandLine.getErr();
    SinusException known = find(exception);
    if (known != null) {
      err.println(commandLine.getColorScheme().errorText("error: ").toString() + known.getMessage());
      if (verbose) {
        exception.printStackTrace(err);
      }
      err.flush();
      return known.exitCode().code();
    }
    err.println(commandLine.getColorScheme().errorText("unexpected error: ").toString() + exception);
    exception.printStackTrace(err);
    err.flush();
    return ExitCode.FAILURE.code();
  }

  private static SinusException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SinusException s) {
        return s;
      }
    }
    return null;
  }
}
