package uk.pophealth.stats.forecast;

/** ETS seasonal component. */
enum Season {
  NONE("N"), ADDITIVE("A"), MULTIPLICATIVE("M");

  private final String code;

  Season(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }
}
