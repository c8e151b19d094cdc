// An exact solver for the transportation problem, independent of HiGHS: successive shortest paths
// (min-cost flow) in integer arithmetic. It gives the known optimum of the transportation template
// and the assignment cost of each open set in the facility-location enumeration.

/** The optimal shipment plan of a transportation problem. */
export interface TransportSolution {
  /** Total cost Σ cost·flow (an integer). */
  cost: number;
  /** flow[i·customers + j]: units from source i to customer j. */
  flow: number[];
}

/**
 * min Σ cost[i][j]·x[i][j]  s.t.  Σ_j x[i][j] ≤ supply[i],  Σ_i x[i][j] = demand[j],  x ≥ 0.
 * Data: non-negative integers, cost flat (cost[i·n + j]). Null when supply cannot cover demand.
 *
 * Successive shortest paths: each round finds a cheapest path from a source with spare supply to a
 * customer with unmet demand in the residual graph (Bellman–Ford with a queue; backward arcs have
 * negative cost) and ships the bottleneck along it. With non-negative costs every intermediate flow is
 * a cheapest flow of its value, so the last one is optimal; integer data keep every flow integral.
 */
export function minCostTransport(
  supply: readonly number[],
  demand: readonly number[],
  cost: readonly number[],
): TransportSolution | null {
  const m = supply.length;
  const n = demand.length;
  if (cost.length !== m * n) throw new RangeError('cost must have supply.length × demand.length entries');
  const need = demand.reduce((a, b) => a + b, 0);
  if (supply.reduce((a, b) => a + b, 0) < need) return null;
  const flow = new Array<number>(m * n).fill(0);
  const sent = new Array<number>(m).fill(0);
  const got = new Array<number>(n).fill(0);
  const INF = Number.MAX_SAFE_INTEGER;
  // Nodes: sources 0..m-1, customers m..m+n-1. pred: the node a label came from (−1: from the super source).
  const dist = new Array<number>(m + n);
  const pred = new Array<number>(m + n);
  const inQueue = new Array<boolean>(m + n);
  let shipped = 0;
  while (shipped < need) {
    dist.fill(INF);
    pred.fill(-1);
    inQueue.fill(false);
    const queue: number[] = [];
    for (let i = 0; i < m; i++) {
      if (sent[i] < supply[i]) {
        dist[i] = 0;
        queue.push(i);
        inQueue[i] = true;
      }
    }
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      inQueue[u] = false;
      if (u < m) {
        // Forward arcs source → customer (uncapacitated).
        for (let j = 0; j < n; j++) {
          const d = dist[u] + cost[u * n + j];
          if (d < dist[m + j]) {
            dist[m + j] = d;
            pred[m + j] = u;
            if (!inQueue[m + j]) {
              inQueue[m + j] = true;
              queue.push(m + j);
            }
          }
        }
      } else {
        // Backward arcs customer → source where flow can be taken back.
        const j = u - m;
        for (let i = 0; i < m; i++) {
          if (flow[i * n + j] > 0) {
            const d = dist[u] - cost[i * n + j];
            if (d < dist[i]) {
              dist[i] = d;
              pred[i] = u;
              if (!inQueue[i]) {
                inQueue[i] = true;
                queue.push(i);
              }
            }
          }
        }
      }
    }
    // The cheapest customer with unmet demand ends the path.
    let end = -1;
    for (let j = 0; j < n; j++)
      if (got[j] < demand[j] && dist[m + j] < INF && (end < 0 || dist[m + j] < dist[m + end])) end = j;
    if (end < 0) return null;
    // Walk back to the source where the path starts, and find the bottleneck.
    let amount = demand[end] - got[end];
    let v = m + end;
    while (pred[v] !== -1) {
      const u = pred[v];
      if (u >= m) amount = Math.min(amount, flow[v * n + (u - m)]); // backward arc u(customer) → v(source)
      v = u;
    }
    amount = Math.min(amount, supply[v] - sent[v]);
    sent[v] += amount;
    got[end] += amount;
    v = m + end;
    while (pred[v] !== -1) {
      const u = pred[v];
      if (u < m) flow[u * n + (v - m)] += amount;
      else flow[v * n + (u - m)] -= amount;
      v = u;
    }
    shipped += amount;
  }
  let total = 0;
  for (let k = 0; k < m * n; k++) total += flow[k] * cost[k];
  return { cost: total, flow };
}
