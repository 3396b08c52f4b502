package uk.pophealth.stats.forecast;

/** ETS trend component. */
enum Trend {
  NONE("N"), ADDITIVE("A"), DAMPED("Ad");

  private final String code;

  Trend(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }
}
