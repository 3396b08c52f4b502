package uk.pophealth.generate;

import uk.pophealth.core.PopHealthException;

/**
 * Valid 10-digit NHS numbers for generated people. Person {@code i} gets a number whose Modulus 11 check digit is
 * valid, computed from {@code i} alone (so any partition can compute it). Numbers come in blocks of ten 9-digit
 * stems differing in their last digit; at most one stem of a block has the invalid check value 10, so nine people
 * fit every block.
 *
 * <p>The first 900,000 people get numbers in the range 999 000 0000 - 999 999 9999 that NHS England reserves for
 * testing. Beyond that the prefix steps down (998, 997, ... 900), 900,000 people per prefix, up to 90 million
 * people: those numbers are well-formed and valid but NOT reserved, so they could coincide with issued numbers
 * (the data attached to them is entirely synthetic).
 */
final class NhsNumbers {
  static final long PEOPLE_PER_PREFIX = 900_000L;
  static final long MAX_PEOPLE = PEOPLE_PER_PREFIX * 100;

  private NhsNumbers() {}

  /** The NHS number of person {@code index} (0-based). */
  static String forIndex(long index) {
    PopHealthException.checkArgument(index >= 0 && index < MAX_PEOPLE,
        "Cannot number person: index outside 0-%s (%s)", MAX_PEOPLE - 1, index);
    long prefix = 999 - index / PEOPLE_PER_PREFIX;
    long withinPrefix = index % PEOPLE_PER_PREFIX;
    long block = withinPrefix / 9;
    int wanted = (int) (withinPrefix % 9);
    long blockStem = prefix * 1_000_000L + block * 10;
    int seen = 0;
    for (int last = 0; last < 10; last++) {
      long stem = blockStem + last;
      int check = checkDigit(stem);
      if (check < 10) {
        if (seen == wanted) {
          return digits(stem * 10 + check);
        }
        seen++;
      }
    }
    throw new IllegalStateException("Cannot number person: block has fewer than nine valid stems (" + blockStem + ")");
  }

  private static String digits(long number) {
    char[] chars = new char[10];
    long rest = number;
    for (int i = 9; i >= 0; i--) {
      chars[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(chars);
  }

  /** Modulus 11 check digit of a 9-digit stem: 0-9, or 10 when no valid number has this stem. */
  static int checkDigit(long stem) {
    int sum = 0;
    long rest = stem;
    for (int weight = 2; weight <= 10; weight++) {
      sum += (int) (rest % 10) * weight;
      rest /= 10;
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  /** True if the text is 10 digits with a valid Modulus 11 check digit. */
  static boolean isValid(String text) {
    if (text == null || text.length() != 10 || !text.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return checkDigit(Long.parseLong(text.substring(0, 9))) == text.charAt(9) - '0';
  }

  /** The same 10 digits with a wrong check digit: {@code shift} in 1-9 picks which wrong digit. */
  static String withWrongCheckDigit(String valid, int shift) {
    int check = valid.charAt(9) - '0';
    int wrong = (check + shift) % 10;
    return valid.substring(0, 9) + wrong;
  }
}
