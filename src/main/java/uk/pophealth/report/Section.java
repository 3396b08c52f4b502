package uk.pophealth.report;

/** One top-level section of the report: an anchor id, its heading, and its HTML body. */
record Section(String id, String heading, String body) {
  String render() {
    return "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-heading\"><h2 id=\"" + id + "-heading\">"
        + Html.escape(heading) + "</h2>" + body + "</section>";
  }

  /** A chart with its caption and its table alternative. */
  static String figure(String heading, String svg, String caption, String tableAlternative) {
    return "<figure><h3>" + Html.escape(heading) + "</h3>" + svg + "<figcaption>" + Html.escape(caption)
        + "</figcaption>" + tableAlternative + "</figure>";
  }

  static String note(String text) {
    return "<p class=\"note\">" + Html.escape(text) + "</p>";
  }

  static String subheading(String text) {
    return "<h3>" + Html.escape(text) + "</h3>";
  }

  /** The legend for the suppression mark, placed under every table that can hold one. */
  static String suppressionLegend() {
    return "<p class=\"legend\"><span class=\"suppressed\">" + Html.SUPPRESSED_MARK + "</span> = suppressed by "
        + "disclosure control (a count of 1\u20137, or a value derived from one); never a zero. "
        + "<span class=\"missing\">\u2013</span> = not available.</p>";
  }
}
