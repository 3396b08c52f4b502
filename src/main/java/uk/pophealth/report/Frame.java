package uk.pophealth.report;

/** The plotting area inside a chart, in pixels: the margins hold axes, labels and legends. */
record Frame(double left, double top, double width, double height) {
  double right() {
    return left + width;
  }

  double bottom() {
    return top + height;
  }
}
