/**
 * The platform's clock. Every date the platform writes or compares comes from here (or from
 * `deps.now`, which is the same function), never from `new Date()` directly, so that tests and the
 * demo run on any date: a test injects its clock through `createRuntime({ now })`.
 *
 * It is process-wide because timestamps are made deep inside repositories and the audit helper,
 * which receive a database handle, not the dependencies. One process runs one platform; tests that
 * start two in one process give them the same clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

let current: Clock = systemClock;

/** Makes `clock` the process's clock (the runtime calls it when a test or the demo injects one). */
export function useClock(clock: Clock): void {
  current = clock;
}

export const currentTime = (): Date => current();
