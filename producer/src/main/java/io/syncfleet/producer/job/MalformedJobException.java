package io.syncfleet.producer.job;

/** A payload that cannot be read as a job; the message says why, for the dead set. */
public class MalformedJobException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedJobException(String reason) {
    super(reason);
  }

  public MalformedJobException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
