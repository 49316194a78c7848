package io.syncfleet.producer.job;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything is enqueued when a job breaks the contract; lists every problem found. */
public class InvalidJobException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidJobException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in field order. */
  public List<Problem> problems() {
    return problems;
  }
}
