package uk.pophealth.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The values of one key (a practice, a sub-ICB, a district) over time, with overlaps resolved: on every day the
 * entry in force with the <b>latest effective_from</b> wins (a later mapping supersedes an earlier one; when the
 * later one ends, the earlier one, if still in force, applies again). Ties on effective_from go to the later
 * effective_to, then to the greater value in its string form, so the choice is repeatable. Every day therefore
 * maps to at most one value and no person is counted twice. Plain Java: the reference tables are small.
 */
final class Timeline<V> {
  private static final Comparator<Dated<?>> PRECEDENCE = Comparator
      .comparing((Dated<?> d) -> d.span().from())
      .thenComparing(d -> d.span().to())
      .thenComparing(d -> String.valueOf(d.value()));

  private final List<Dated<V>> segments;
  private final List<DateSpan> overlaps;

  private Timeline(List<Dated<V>> segments, List<DateSpan> overlaps) {
    this.segments = List.copyOf(segments);
    this.overlaps = List.copyOf(overlaps);
  }

  static <V> Timeline<V> empty() {
    return new Timeline<>(List.of(), List.of());
  }

  /** Resolves possibly overlapping entries (non-null values) into disjoint, coalesced segments. */
  static <V> Timeline<V> resolve(Collection<Dated<V>> entries) {
    TreeSet<LocalDate> points = new TreeSet<>();
    for (Dated<V> entry : entries) {
      Objects.requireNonNull(entry.value(), "entry value is null");
      points.add(entry.span().from());
      if (!entry.span().isOpen()) {
        points.add(entry.span().dayAfter());
      }
    }
    List<LocalDate> breaks = new ArrayList<>(points);
    List<Dated<V>> pieces = new ArrayList<>();
    List<Dated<Boolean>> overlapDays = new ArrayList<>();
    for (int i = 0; i < breaks.size(); i++) {
      LocalDate start = breaks.get(i);
      LocalDate end = i + 1 < breaks.size() ? breaks.get(i + 1).minusDays(1) : DateSpan.OPEN;
      Dated<V> winner = null;
      int inForce = 0;
      for (Dated<V> entry : entries) {
        if (entry.span().contains(start)) {
          inForce++;
          if (winner == null || PRECEDENCE.compare(entry, winner) > 0) {
            winner = entry;
          }
        }
      }
      DateSpan span = new DateSpan(start, end);
      if (winner != null) {
        pieces.add(new Dated<>(span, winner.value()));
      }
      if (inForce > 1) {
        overlapDays.add(new Dated<>(span, Boolean.TRUE));
      }
    }
    List<DateSpan> overlaps = coalesce(overlapDays).stream().map(Dated::span).toList();
    return new Timeline<>(coalesce(pieces), overlaps);
  }

  /** Merges neighbouring pieces (one ends the day before the next starts) that hold equal values. */
  static <V> List<Dated<V>> coalesce(List<Dated<V>> sorted) {
    List<Dated<V>> merged = new ArrayList<>();
    for (Dated<V> piece : sorted) {
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).span().dayAfter().equals(piece.span().from())
          && Objects.equals(merged.get(last).value(), piece.value())) {
        merged.set(last, new Dated<>(new DateSpan(merged.get(last).span().from(), piece.span().to()), piece.value()));
      } else {
        merged.add(piece);
      }
    }
    return merged;
  }

  /** Disjoint segments in date order. */
  List<Dated<V>> segments() {
    return segments;
  }

  /** The days (merged into spans) on which more than one entry was in force before resolution. */
  List<DateSpan> overlaps() {
    return overlaps;
  }

  /** Pieces covering the window exactly, in order; days nothing covers come as gap pieces (null value). */
  List<Dated<V>> over(DateSpan window) {
    List<Dated<V>> out = new ArrayList<>();
    LocalDate cursor = window.from();
    for (Dated<V> segment : segments) {
      if (segment.span().to().isBefore(cursor)) {
        continue;
      }
      if (segment.span().from().isAfter(window.to())) {
        break;
      }
      if (segment.span().from().isAfter(cursor)) {
        out.add(new Dated<>(new DateSpan(cursor, segment.span().from().minusDays(1)), null));
        cursor = segment.span().from();
      }
      LocalDate end = segment.span().to().isBefore(window.to()) ? segment.span().to() : window.to();
      out.add(new Dated<>(new DateSpan(cursor, end), segment.value()));
      if (end.equals(window.to())) {
        return out;
      }
      cursor = end.plusDays(1);
    }
    out.add(new Dated<>(new DateSpan(cursor, window.to()), null));
    return out;
  }
}
