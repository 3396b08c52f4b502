package uk.pophealth.generate;

/**
 * One generated person's core facts (executor-side, never collected): identity, demography, home LSOA and GP
 * registration episodes (one, or two when the person moved practice; episode end -1 while registered).
 */
final class Person {
  final long index;
  final String personId;
  final int birthDay;
  final int yearOfBirth;
  final int ageAtExtract;
  final String sex;
  final int lsoa;
  final int[] practices;
  final int[] starts;
  final int[] ends;
  final int deathDay;
  /** First day the person is in the record within the window: max(first registration, window start). */
  final int entryDay;
  /** Last day the person is known: death, leaving the area (deregistration) or the extract date. */
  final int exitDay;

  Person(long index, String personId, int birthDay, int yearOfBirth, int ageAtExtract, String sex, int lsoa,
      int[] practices, int[] starts, int[] ends, int deathDay, int entryDay, int exitDay) {
    this.index = index;
    this.personId = personId;
    this.birthDay = birthDay;
    this.yearOfBirth = yearOfBirth;
    this.ageAtExtract = ageAtExtract;
    this.sex = sex;
    this.lsoa = lsoa;
    this.practices = practices;
    this.starts = starts;
    this.ends = ends;
    this.deathDay = deathDay;
    this.entryDay = entryDay;
    this.exitDay = exitDay;
  }

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
