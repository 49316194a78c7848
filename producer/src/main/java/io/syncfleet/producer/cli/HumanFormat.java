package io.syncfleet.producer.cli;

import java.util.Locale;

/** How the CLI writes numbers, sizes and durations for people: short, fixed, locale-independent. */
final class HumanFormat {
  private HumanFormat() {}

  /** {@code 1,234,567}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 12s}, {@code 5m03s}, {@code 2h05m}, {@code 3d04h}: an age or a wait. */
  static String age(long millis) {
    long s = Math.max(0, millis) / 1000;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, (s % 86_400) / 3600);
  }

  /** {@code 0:05}, {@code 12:03}, {@code 1:02:03}: a clock-style duration, for elapsed time and ETAs. */
  static String clock(long millis) {
    long s = Math.max(0, millis) / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
  }

  /** {@code 512 B}, {@code 12.3 KB}, {@code 4.5 MB}: binary units. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** {@code 3,210/s}: a rate, whole numbers above 10, one decimal below. */
  static String rate(double perSecond) {
    return perSecond >= 10 ? count(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
  }
}
