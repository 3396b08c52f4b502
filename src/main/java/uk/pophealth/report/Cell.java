package uk.pophealth.report;

/**
 * One table cell, already formatted. A suppressed cell shows the suppression mark with an explanation,
 * never a zero; a missing value shows a dash.
 */
record Cell(String text, String cssClass, String title) {
  static final String SUPPRESSED_TITLE = "suppressed (disclosure control)";

  static Cell text(String text) {
    return new Cell(text == null ? "" : text, "", null);
  }

  static Cell number(String formatted) {
    return new Cell(formatted, "num", null);
  }

  static Cell suppressed() {
    return new Cell(Html.SUPPRESSED_MARK, "num suppressed", SUPPRESSED_TITLE);
  }

  static Cell missing() {
    return new Cell("\u2013", "num missing", "not available");
  }

  /** A count, or the suppression mark when suppressed or null. */
  static Cell count(Long value, boolean suppressed) {
    return suppressed || value == null ? suppressed() : number(Html.count(value));
  }

  /** A count that is never suppressed (e.g. input rows): a dash when absent. */
  static Cell plainCount(Long value) {
    return value == null ? missing() : number(Html.count(value));
  }

  /** A proportion as a percentage, or the suppression mark when suppressed; a dash when simply absent. */
  static Cell percent(Double value, boolean suppressed) {
    if (suppressed) {
      return suppressed();
    }
    return value == null ? missing() : number(Html.percent(value));
  }

  static Cell decimal(Double value, int places, boolean suppressed) {
    if (suppressed) {
      return suppressed();
    }
    return value == null || !Double.isFinite(value) ? missing() : number(Html.decimal(value, places));
  }

  String render() {
    StringBuilder td = new StringBuilder("<td");
    if (!cssClass.isEmpty()) {
      td.append(" class=\"").append(cssClass).append('"');
    }
    td.append('>');
    if (title != null) {
      td.append("<abbr title=\"").append(Html.escape(title)).append("\">").append(Html.escape(text)).append("</abbr>");
    } else {
      td.append(Html.escape(text));
    }
    return td.append("</td>").toString();
  }
}
