/**
 * What every figure returns to `run-all.ts`: its measurements, its goals with verdicts, and notes that
 * say how it was measured and, where a goal is missed, by how much and what limits it.
 */
import type { Summary } from './stats';

export interface Measurement {
  label: string;
  unit: string;
  /** Runs with a spread: median and p95. */
  summary?: Summary;
  /** A single value (a count, a size, a ratio of two summaries measured in the same run). */
  value?: number;
}

export interface Goal {
  text: string;
  /** The measured value the goal is judged on, in the goal's unit. */
  actual: number;
  limit: number;
  /** 'max': actual must be at most/under the limit. */
  met: boolean;
  unit: string;
}

export interface FigureResult {
  id: number;
  title: string;
  method: string;
  measurements: Measurement[];
  goals: Goal[];
  notes: string[];
  seconds?: number;
}

/** A goal of the form "actual ≤ limit" (or "< limit" when strict). */
export function atMost(text: string, actual: number, limit: number, unit: string, strict = false): Goal {
  return { text, actual, limit, unit, met: strict ? actual < limit : actual <= limit };
}

/** "12.3 % over the goal" for a missed goal, '' for a met one. */
export function missedBy(goal: Goal): string {
  if (goal.met) return '';
  const over = goal.actual - goal.limit;
  const unit = goal.unit === '%' ? 'percentage points' : goal.unit;
  return `missed by ${fmt(over)} ${unit} (${fmt((over / goal.limit) * 100)} % over the goal)`;
}

export function fmt(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return value.toFixed(digits);
}
