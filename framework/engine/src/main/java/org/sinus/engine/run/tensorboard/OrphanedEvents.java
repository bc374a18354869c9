package org.sinus.engine.run.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.sinus.api.util.AtomicFiles;
import org.tensorflow.proto.Event;

/**
 * Removes from the event files of earlier processes what a resumed run logs anew: the scalars at
 * and after the step it resumes from, and whatever follows a damaged or cut-short record. Each
 * changed file is rewritten atomically with the records it keeps, so that the directory holds each
 * epoch once for every reader, TensorBoard's restart handling or not.
 */
final class OrphanedEvents {
  private static final Logger LOG = Logger.getLogger(OrphanedEvents.class.getName());

  private OrphanedEvents() {}

  /** Removes the scalar events at {@code step} and later, and damaged tails, from the event files of {@code dir}. */
  static void removeFrom(Path dir, long step) {
    for (Path file : ScalarLog.eventFiles(dir)) {
      TfRecords.Read read = TfRecords.read(file);
      List<byte[]> kept = new ArrayList<>();
      for (byte[] record : read.records()) {
        Event event;
        try {
          event = Event.parseFrom(record);
        } catch (InvalidProtocolBufferException e) {
          break;
        }
        if (!(event.hasSummary() && event.getStep() >= step)) {
          kept.add(record);
        }
      }
      if (kept.size() < read.records().size() || read.problem().isPresent()) {
        AtomicFiles.write(file, out -> {
          for (byte[] record : kept) {
            out.write(TfRecords.frame(record));
          }
        });
        LOG.info("TensorBoard log: " + file + " cut to its events before epoch " + step + ", which the resumed run "
            + "logs anew");
      }
    }
  }
}
