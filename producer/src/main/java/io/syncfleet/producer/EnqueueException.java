package io.syncfleet.producer;

/**
 * Redis did not store the jobs (unreachable, refused a command). When the connection dropped in
 * the middle of a pipelined batch, some of its jobs may have been stored before the failure.
 */
public class EnqueueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnqueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
