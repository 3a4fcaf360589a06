import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon and reduces its result to the figures we record. */
export async function load(
  url: string,
  options: { connections: number; durationSeconds: number; expectStatus?: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
  });
  const wrong = options.expectStatus
    ? Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => Number(code) !== options.expectStatus)
        .reduce((sum, [, v]) => sum + (v?.count ?? 0), 0)
    : result.non2xx;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: wrong,
  };
}
