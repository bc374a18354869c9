package org.sinus.e2e;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Copies a directory tree (a run directory, to play a killed run on a copy). */
final class CopyTree extends SimpleFileVisitor<Path> {
  private final Path from;
  private final Path to;

  CopyTree(Path from, Path to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    Files.copy(file, to.resolve(from.relativize(file).toString()));
    return FileVisitResult.CONTINUE;
  }
}
