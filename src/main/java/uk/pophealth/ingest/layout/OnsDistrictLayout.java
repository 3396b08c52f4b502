package uk.pophealth.ingest.layout;

import static uk.pophealth.ingest.layout.LayoutColumns.source;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.LsoaDistricts;

/**
 * An ONS LSOA -> local authority district (lower tier) lookup as published, one row per LSOA, mapped to
 * {@code lsoa_districts}. The code columns are named after their vintage, so they are found by pattern, whatever
 * the year: {@code lsoaNN_code} and {@code ltlaNN_code} as packaged by geographr (lookup_lsoa11_ltla19,
 * lookup_lsoa11_ltla21, lookup_lsoa21_ward24_ltla24, and the district column of the LSOA -> sub-ICB lookups), or
 * {@code LSOANNCD} and {@code LADNNCD} / {@code LTLANNCD} as on the ONS Open Geography Portal. Names, wards and
 * other columns are ignored. The file must have exactly one column of each kind: one naming two LSOA vintages
 * (the LSOA 2011 -> 2021 lookup) is refused, naming them.
 */
final class OnsDistrictLayout extends PublishedLayout {
  private static final long serialVersionUID = 1L;
  static final String NAME = "ons_lsoa_ltla";
  static final Pattern LSOA = Pattern.compile("lsoa\\d\\d(_code|cd)", Pattern.CASE_INSENSITIVE);
  static final Pattern DISTRICT = Pattern.compile("(ltla|lad)\\d\\d(_code|cd)", Pattern.CASE_INSENSITIVE);

  OnsDistrictLayout() {
    super(NAME, LsoaDistricts.NAME, List.of());
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    return LayoutColumns.select(raw, List.of(
        source(only(raw, LSOA, "an LSOA code column, e.g. lsoa21_code or LSOA21CD")).as(LsoaDistricts.LSOA_CODE),
        source(only(raw, DISTRICT, "a district code column, e.g. ltla24_code or LAD24CD")).as(LsoaDistricts.LAD_CODE)));
  }

  /** The one source column whose name matches the pattern; none or several stop the read naming what was found. */
  private static String only(Dataset<Row> raw, Pattern pattern, String expected) {
    List<String> matching = Arrays.stream(raw.columns()).filter(c -> pattern.matcher(c).matches()).toList();
    if (matching.size() != 1) {
      List<String> found = Arrays.stream(raw.columns())
          .filter(c -> !c.equals(SOURCE_FILE) && !c.equals(LINE_NUMBER)).toList();
      throw PopHealthException.badInput("Cannot find %s: expected exactly one, found %s (%s)", expected,
          matching.isEmpty() ? "none" : matching, found);
    }
    return matching.get(0);
  }
}
