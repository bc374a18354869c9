package org.sinus.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sinus.api.util.AtomicFiles;
import org.sinus.engine.util.FileTrees;

/**
 * Checkpoints of a run, one directory per epoch ({@code epoch-0007/}) with the variables (weights,
 * moving statistics, Adam slots) and the {@link TrainerState}. A checkpoint is written into a
 * hidden temporary directory and renamed into place, so every {@code epoch-NNNN} directory is
 * complete. The latest two and the best epoch are kept.
 */
public final class Checkpoints {
  private static final String VARIABLES = "variables";
  private static final String STATE = "state.json";
  private static final int KEEP_LATEST = 2;
  private final Path dir;

  public Checkpoints(Path dir) {
    this.dir = dir;
  }

  /** A complete checkpoint. */
  public record Checkpoint(int epoch, Path directory, TrainerState state) {
    public Path variables() {
      return directory.resolve(VARIABLES);
    }
  }

  public void save(TrainingSession session, TrainerState state) {
    int epoch = state.epoch();
    Path target = dir.resolve(name(epoch));
    Path partial = dir.resolve("." + name(epoch) + ".partial");
    try {
      FileTrees.delete(partial);
      Files.createDirectories(partial);
      session.save(partial.resolve(VARIABLES));
      AtomicFiles.writeString(partial.resolve(STATE), state.toJson());
      FileTrees.delete(target);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      prune(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
  }

  /** The checkpoint of the latest completed epoch, if any. */
  public Optional<Checkpoint> latest() {
    return epochs().stream().max(Integer::compare).map(this::load);
  }

  public Checkpoint load(int epoch) {
    Path directory = dir.resolve(name(epoch));
    try {
      return new Checkpoint(epoch, directory, TrainerState.fromJson(Files.readString(directory.resolve(STATE))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + directory + ": " + e.getMessage(), e);
    }
  }

  List<Integer> epochs() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("epoch-\\d{4,}"))
          .map(n -> Integer.parseInt(n.substring(6)))
          .filter(e -> Files.isRegularFile(dir.resolve(name(e)).resolve(STATE)))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every checkpoint but the latest two and the best epoch's. */
  void prune(TrainerState state) throws IOException {
    List<Integer> epochs = epochs();
    for (int i = 0; i < epochs.size() - KEEP_LATEST; i++) {
      int epoch = epochs.get(i);
      if (epoch != state.bestEpoch()) {
        FileTrees.delete(dir.resolve(name(epoch)));
      }
    }
  }

  static String name(int epoch) {
    return String.format("epoch-%04d", epoch);
  }

}
