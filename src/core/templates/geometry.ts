// Points on an integer grid and their Manhattan distances: integer costs that look like geography.
import type { IntRng } from './random';

/** A point of the grid [0, 100]². */
export interface Point {
  x: number;
  y: number;
}

/** A random point of the grid. */
export function randomPoint(rng: IntRng): Point {
  return { x: rng.int(0, 100), y: rng.int(0, 100) };
}

/** The Manhattan distance of two points (an integer in [0, 200]). */
export function manhattan(a: Point, b: Point): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

/** ⌈a / b⌉ for non-negative integers a and positive integers b, in integer arithmetic. */
export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}
