// New candidates for the race's later iterations: combinations of the elites (iteration 2) and seeded samples
// around them (iteration 3 on). A one-option change that was quarantined (it changes answers) or merged (it
// does nothing) is never part of a new candidate.
import { randomFrom } from './random';
import { changesKey } from './space';
import type { RaceCandidate, RaceState } from './race-state';
import type { Changes } from './types';

function contains(changes: Changes, single: Changes): boolean {
  const [name] = Object.keys(single);
  return name in changes && changes[name] === single[name];
}

/** One-option changes known to change answers or to do nothing: never part of a new candidate. */
function banned(state: RaceState): Changes[] {
  return state.candidates
    .filter((c) => Object.keys(c.changes).length === 1 && (c.status === 'quarantined' || c.status === 'merged'))
    .map((c) => c.changes);
}

/** Unions of 2..maxChanges elites that change different options (smallest first). */
export function combinations(state: RaceState, elites: readonly RaceCandidate[]): Changes[] {
  const out: Changes[] = [];
  const ban = banned(state);
  const m = elites.length;
  const subsets: number[][] = [];
  for (let mask = 1; mask < 1 << m; mask++) {
    const members = elites.map((_, i) => i).filter((i) => mask & (1 << i));
    if (members.length >= 2) subsets.push(members);
  }
  subsets.sort((a, b) => a.length - b.length || a.join(',').localeCompare(b.join(',')));
  for (const subset of subsets) {
    const merged: Changes = {};
    let ok = true;
    for (const i of subset)
      for (const [n, v] of Object.entries(elites[i].changes)) {
        if (n in merged && merged[n] !== v) ok = false;
        merged[n] = v;
      }
    if (!ok || Object.keys(merged).length > state.config.maxChanges) continue;
    if (ban.some((b) => contains(merged, b))) continue;
    out.push(merged);
  }
  return out;
}

/** Up to samplesPerIteration new candidates, each an elite (the better ranked, the likelier) with one dimension changed, added or dropped. */
export function samples(state: RaceState, elites: readonly RaceCandidate[]): Changes[] {
  const { space, samplesPerIteration, maxChanges } = state.config;
  const random = randomFrom(
    () => state.rng,
    (s) => (state.rng = s),
  );
  const ban = banned(state);
  const keys = new Set(state.candidates.map((c) => c.key));
  const out: Changes[] = [];
  const weights = elites.map((_, i) => elites.length - i);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let tries = 0; tries < samplesPerIteration * 50 && out.length < samplesPerIteration; tries++) {
    let pick = random() * total;
    let e = 0;
    while (e < elites.length - 1 && pick >= weights[e]) pick -= weights[e++];
    const changes = { ...elites[e].changes };
    const dim = space.dimensions[Math.floor(random() * space.dimensions.length)];
    if (dim.name in changes) {
      const others = dim.values.filter((v) => v !== changes[dim.name]);
      if (others.length === 0 || random() < 0.5) delete changes[dim.name];
      else changes[dim.name] = others[Math.floor(random() * others.length)];
    } else {
      if (Object.keys(changes).length >= maxChanges) continue;
      changes[dim.name] = dim.values[Math.floor(random() * dim.values.length)];
    }
    const key = changesKey(changes);
    if (Object.keys(changes).length === 0 || keys.has(key) || ban.some((b) => contains(changes, b))) continue;
    keys.add(key);
    out.push(changes);
  }
  return out;
}
