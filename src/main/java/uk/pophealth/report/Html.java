package uk.pophealth.report;

import java.util.Locale;

/** HTML text helpers: escaping and number formatting shared by the charts and tables. */
final class Html {
  /** What a suppressed cell shows; the legend under each table explains it. */
  static final String SUPPRESSED_MARK = "c";

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A number with thousands separators, e.g. 12,345. */
  static String count(long value) {
    return String.format(Locale.UK, "%,d", value);
  }

  /** A proportion (0-1) as a percentage with one decimal, e.g. 43.2%. */
  static String percent(double proportion) {
    return String.format(Locale.ROOT, "%.1f%%", proportion * 100.0);
  }

  /** A decimal with the given number of places. */
  static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  /** An SVG coordinate: one decimal, never a locale comma. */
  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
