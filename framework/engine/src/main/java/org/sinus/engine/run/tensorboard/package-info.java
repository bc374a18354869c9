/**
 * A run's per-epoch history as TensorBoard event files, under {@code <run>/tensorboard/}, so that
 * {@code tensorboard --logdir runs/} shows every run's losses, learning rate and validation macro AUC
 * while it trains. No TensorFlow op writes them: the events are TensorFlow's own generated protobuf
 * classes ({@code org.tensorflow.proto.Event}, {@code Summary}, {@code SessionLog}), framed as TFRecords
 * by {@link org.sinus.engine.run.tensorboard.TfRecords}.
 *
 * <pre>{@code
 * try (TensorBoardLog log = TensorBoardLog.open(runDir, start)) {   // start: a new state or a checkpoint's
 *   ... after each epoch: log.log(state);                            // the epochs not yet logged
 * }
 * ScalarLog.read(runDir.resolve(TensorBoardLog.DIRECTORY)).series(EpochScalars.TRAIN_LOSS);  // epoch -> value
 * }</pre>
 */
package org.sinus.engine.run.tensorboard;
