package io.syncfleet.adapters.failure;

/**
 * The credentials no longer work (expired or revoked token, missing permission): the worker pauses
 * the connection until someone fixes them, rather than burning attempts.
 */
public final class AuthenticationFailure extends SyncFailure {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailure(String message, int httpStatus, String code) {
    super(message, httpStatus, code, null);
  }
}
