package org.sinus.api.util;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import javax.imageio.ImageIO;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the content goes to a
 * temporary file in the same directory, is forced to disk, and is moved over the target atomically.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, Content content) {
    Path parent = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(parent);
      temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
      if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        // createTempFile makes owner-only files; results are meant to be read by others too
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
           OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the temporary file is only litter; the target is intact either way
        }
      }
    }
  }

  public static void writeString(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static void writePng(Path target, BufferedImage image) {
    write(target, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }
}
