package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The complementary-suppression fixpoint over one block of cells, in plain Java: every equation (one group of one
 * additivity for one count) with exactly one suppressed cell gets a second one, the smallest non-zero part, else a
 * zero part, else the total, ties broken by the cell's order. Every pass looks at all equations as they stood at
 * its start; passes repeat until one adds nothing. Only equations holding a cell added by the last pass can add
 * anything, so each pass after the first looks only at those.
 *
 * <p>A cell belongs to several equations (its rows' breakdown, its geography's parent, ...). A cell that is never
 * choosable (a row sum's unpublished remainder) is still counted when suppressed.
 *
 * @param <C> a cell's identity; its order breaks ties between equally good cells
 */
final class SuppressionFixpoint<C extends Comparable<C>> {
  /** A part cell, preferred as the complementary cell to the total. */
  static final int ROLE_PART = 0;
  static final int ROLE_TOTAL = 1;

  private final Map<C, Integer> cellIndex = new HashMap<>();
  private final List<C> cells = new ArrayList<>();
  private final BitSet suppressed = new BitSet();
  /** Equations each cell belongs to, by cell index. */
  private final List<List<Integer>> equationsOfCell = new ArrayList<>();
  private final Map<Object, Integer> equationIndex = new HashMap<>();
  /** Cells suppressed with each cell (its numerators), by cell index; absent for most cells. */
  private final Map<Integer, List<Integer>> followers = new HashMap<>();
  private final List<List<Member>> equations = new ArrayList<>();
  private int passes;

  /** One cell's place in one equation. */
  private record Member(int cell, int role, Long value, boolean choosable) {}

  /**
   * Adds a cell to an equation.
   *
   * @param equation the equation's identity (equal objects are the same equation)
   * @param cell the cell's identity (equal cells are one cell, whatever equations they are in)
   * @param role {@link #ROLE_PART} or {@link #ROLE_TOTAL}
   * @param value the cell's count, or null (never chosen)
   * @param isSuppressed whether the cell is suppressed already (one suppressed membership suppresses the cell)
   * @param choosable false for a cell that can hide nothing and so is never chosen
   */
  void add(Object equation, C cell, int role, Long value, boolean isSuppressed, boolean choosable) {
    requireNonNull(equation, "equation is null");
    requireNonNull(cell, "cell is null");
    if (role != ROLE_PART && role != ROLE_TOTAL) {
      throw new IllegalArgumentException("Unknown role of cell " + cell + ": " + role);
    }
    int c = index(cell);
    if (isSuppressed) {
      suppressed.set(c);
    }
    int e = equationIndex.computeIfAbsent(equation, key -> {
      equations.add(new ArrayList<>());
      return equations.size() - 1;
    });
    equations.get(e).add(new Member(c, role, value, choosable));
    List<Integer> of = equationsOfCell.get(c);
    if (of.isEmpty() || of.get(of.size() - 1).intValue() != e) {
      of.add(e);
    }
  }

  /**
   * Declares that {@code numerator} is suppressed whenever {@code denominator} is (with_acp under its register),
   * whether suppressed before the passes or chosen by one; a numerator suppressed so counts as added.
   */
  void follow(C denominator, C numerator, boolean numeratorSuppressed) {
    requireNonNull(denominator, "denominator is null");
    requireNonNull(numerator, "numerator is null");
    int d = index(denominator);
    int n = index(numerator);
    if (numeratorSuppressed) {
      suppressed.set(n);
    }
    followers.computeIfAbsent(d, k -> new ArrayList<>(1)).add(n);
  }

  private int index(C cell) {
    return cellIndex.computeIfAbsent(cell, key -> {
      cells.add(key);
      equationsOfCell.add(new ArrayList<>(2));
      return cells.size() - 1;
    });
  }

  /** Runs the passes; returns the cells suppressed by them (not those suppressed before), in cell order. */
  SortedSet<C> solve() {
    SortedSet<C> added = new TreeSet<>();
    BitSet dirty = new BitSet();
    dirty.set(0, equations.size());
    BitSet before = (BitSet) suppressed.clone();
    for (int c = before.nextSetBit(0); c >= 0; c = before.nextSetBit(c + 1)) {
      suppressFollowers(c, added, new BitSet());
    }
    while (true) {
      passes++;
      BitSet chosen = new BitSet();
      for (int e = dirty.nextSetBit(0); e >= 0; e = dirty.nextSetBit(e + 1)) {
        int choice = choice(equations.get(e));
        if (choice >= 0) {
          chosen.set(choice);
        }
      }
      if (chosen.isEmpty()) {
        return added;
      }
      dirty.clear();
      for (int c = chosen.nextSetBit(0); c >= 0; c = chosen.nextSetBit(c + 1)) {
        suppressed.set(c);
        added.add(cells.get(c));
        equationsOfCell.get(c).forEach(dirty::set);
        suppressFollowers(c, added, dirty);
      }
    }
  }

  /** Suppresses the numerators of a suppressed cell, and theirs, marking their equations in {@code dirty}. */
  private void suppressFollowers(int cell, SortedSet<C> added, BitSet dirty) {
    for (int n : followers.getOrDefault(cell, List.of())) {
      if (!suppressed.get(n)) {
        suppressed.set(n);
        added.add(cells.get(n));
        equationsOfCell.get(n).forEach(dirty::set);
        suppressFollowers(n, added, dirty);
      }
    }
  }

  /** Passes run by {@link #solve()}, the last of which added nothing. */
  int passes() {
    return passes;
  }

  /** The cell to suppress in an equation with exactly one suppressed cell, or -1. */
  private int choice(List<Member> equation) {
    int inEquation = 0;
    for (Member member : equation) {
      if (suppressed.get(member.cell())) {
        inEquation++;
      }
    }
    if (inEquation != 1) {
      return -1;
    }
    Member best = null;
    for (Member member : equation) {
      if (!suppressed.get(member.cell()) && member.choosable() && member.value() != null
          && (best == null || better(member, best))) {
        best = member;
      }
    }
    return best == null ? -1 : best.cell();
  }

  /** Parts before the total, non-zero before zero, smaller before larger, then the cell order. */
  private boolean better(Member a, Member b) {
    if (a.role() != b.role()) {
      return a.role() < b.role();
    }
    boolean aZero = a.value() == 0L;
    boolean bZero = b.value() == 0L;
    if (aZero != bZero) {
      return !aZero;
    }
    if (!a.value().equals(b.value())) {
      return a.value() < b.value();
    }
    return cells.get(a.cell()).compareTo(cells.get(b.cell())) < 0;
  }
}
