package org.sinus.cli;

import java.util.List;
import java.util.logging.Level;
import org.sinus.engine.run.RunLog;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/** Work done before any command runs: logging at the level the options ask for. */
final class SetupStrategy implements IExecutionStrategy {
  @Override
  public int execute(ParseResult parseResult) {
    List<CommandLine> commands = parseResult.asCommandLineList();
    Object command = commands.get(commands.size() - 1).getCommand();
    Level level = Level.INFO;
    if (command instanceof SinusSubcommand sub) {
      level = sub.common.verbose ? Level.FINE : sub.common.quiet ? Level.WARNING : Level.INFO;
    }
    RunLog.toConsole(level);
    return new CommandLine.RunLast().execute(parseResult);
  }
}
