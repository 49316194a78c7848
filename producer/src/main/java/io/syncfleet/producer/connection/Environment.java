package io.syncfleet.producer.connection;

/** Which of a marketplace's environments a connection talks to. */
public enum Environment {
  SANDBOX,
  PRODUCTION
}
