package uk.pophealth.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static DateSpan span(String from, String to) {
    return DateSpan.of(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  private static Dated<String> dated(String from, String to, String value) {
    return new Dated<>(span(from, to), value);
  }

  @Test
  void disjointEntriesStayAsTheyAreWithNoOverlap() {
    Timeline<String> timeline = Timeline.resolve(List.of(
        dated("2021-04-01", null, "B"), dated("2019-07-01", "2021-03-31", "A")));
    assertEquals(List.of(dated("2019-07-01", "2021-03-31", "A"), dated("2021-04-01", null, "B")), timeline.segments());
    assertEquals(List.of(), timeline.overlaps());
  }

  @Test
  void aLaterMappingSupersedesAnEarlierOneOnlyWhileItIsInForce() {
    Timeline<String> timeline = Timeline.resolve(List.of(
        dated("2020-01-01", null, "A"), dated("2021-01-01", "2021-06-30", "B")));
    assertEquals(List.of(dated("2020-01-01", "2020-12-31", "A"), dated("2021-01-01", "2021-06-30", "B"),
        dated("2021-07-01", null, "A")), timeline.segments());
    assertEquals(List.of(span("2021-01-01", "2021-06-30")), timeline.overlaps());
  }

  @Test
  void equalStartsGoToTheLaterEndAndAdjacentEqualValuesMerge() {
    Timeline<String> timeline = Timeline.resolve(List.of(
        dated("2021-01-01", "2021-12-31", "A"), dated("2021-01-01", null, "B"),
        dated("2019-01-01", "2019-12-31", "B"), dated("2020-01-01", "2020-12-31", "B")));
    assertEquals(List.of(dated("2019-01-01", null, "B")), timeline.segments());
    assertEquals(List.of(span("2021-01-01", "2021-12-31")), timeline.overlaps());
  }

  @Test
  void overAWindowReturnsGapsAsNullPieces() {
    Timeline<String> timeline = Timeline.resolve(List.of(
        dated("2021-01-01", "2021-03-31", "X"), dated("2021-05-01", null, "Y")));
    assertEquals(List.of(dated("2020-12-01", "2020-12-31", null), dated("2021-01-01", "2021-03-31", "X"),
        dated("2021-04-01", "2021-04-30", null), dated("2021-05-01", "2021-12-31", "Y")),
        timeline.over(span("2020-12-01", "2021-12-31")));
    assertEquals(List.of(dated("2021-05-01", null, "Y")), timeline.over(span("2021-05-01", null)));
    assertEquals(List.of(dated("2019-01-01", null, null)), Timeline.<String>empty().over(span("2019-01-01", null)));
  }
}
