package org.sinus.engine.predict;

import java.nio.file.Path;

/**
 * A recording that could not be scored, and why, in one line that names the file.
 *
 * @param source the file
 * @param reason what is wrong, starting with the file
 */
public record RejectedRecording(Path source, String reason) {}
