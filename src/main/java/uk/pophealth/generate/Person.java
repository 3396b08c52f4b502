package uk.pophealth.generate;

/**
 * One generated person's core facts (executor-side, never collected): identity, demography, home LSOA and GP
 * registration episodes (one, or two when the person moved practice; episode end -1 while registered). Days are
 * epoch days; -1 marks no death.
 *
 * @param entryDay first day the person is in the record within the window: max(first registration, window start)
 * @param exitDay  last day the person is known: death, leaving the area (deregistration) or the extract date
 */
record Person(long index, String personId, int birthDay, int yearOfBirth, int ageAtExtract, String sex, int lsoa,
    int[] practices, int[] starts, int[] ends, int deathDay, int entryDay, int exitDay) {

  /** Practice of the registration episode holding the day (the first episode for days before any). */
  int practiceOn(int day) {
    for (int e = practices.length - 1; e > 0; e--) {
      if (day >= starts[e]) {
        return practices[e];
      }
    }
    return practices[0];
  }

  int firstRegistration() {
    return starts[0];
  }

  double ageOn(int day) {
    return (day - birthDay) / Demography.DAYS_PER_YEAR;
  }
}
