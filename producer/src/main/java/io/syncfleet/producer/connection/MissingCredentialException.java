package io.syncfleet.producer.connection;

/** A connection lacks a credential its adapter needs; names the credential, never a value. */
public class MissingCredentialException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public MissingCredentialException(String name) {
    super("connection has no '" + name + "' credential; add it with: syncfleet connections add");
  }
}
