import type { Deps } from "../../deps.js";
import { inTransaction } from "../../db/adapter.js";
import type { Locale } from "../../i18n/index.js";
import { buildModel, pick, type DispatchModel } from "./dispatch.js";
import { normalizeUrl } from "../../probe/probe.js";
import * as repo from "./entraide.repository.js";
import * as daily from "./daily.repository.js";
import { directoryServices } from "./directory.port.js";

/**
 * The portal's memory, one per running platform: the table of healthy instances the dispatch
 * reads (so a visitor costs no database read), the last pick per service (the no-repeat rule is
 * per process: with several platform instances each keeps its own), and the visit counters,
 * buffered and written in batches. Nothing here is about a visitor: only instance ids and counts.
 */

export interface LiveInstance {
  id: string;
  url: string;
  software: string;
  memberSlug: string;
  memberName: string;
  tosUrl: string | null;
  weight: number;
  maxShare: number | null;
}

export interface LiveService {
  id: string;
  /** As written, shown through writtenText (the German may be missing). */
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  icon: string;
  categoryId: string;
  software: string[];
  instances: LiveInstance[];
  byId: Map<string, LiveInstance>;
  model: DispatchModel;
}

export interface Snapshot {
  services: LiveService[];
  byId: Map<string, LiveService>;
  loadedAt: number;
}

const modelOf = (instances: LiveInstance[]) =>
  buildModel(
    instances.map((i) => ({
      id: i.id,
      weight: i.weight,
      maxShare: i.maxShare === null ? null : i.maxShare / 100,
    })),
  );

async function loadSnapshot(deps: Deps): Promise<Snapshot> {
  const [services, instances] = await Promise.all([
    repo.listServices(deps.db, { enabledOnly: true }),
    repo.activeInstances(deps.db, { upOnly: true }),
  ]);
  const directory = await directoryServices(
    deps.db,
    instances.flatMap((i) => (i.directoryServiceId ? [i.directoryServiceId] : [])),
  );
  const live = instances
    .flatMap((i): (LiveInstance & { serviceId: string })[] => {
      const s = i.directoryServiceId ? directory.get(i.directoryServiceId) : undefined;
      // Only the address that was reviewed, of a structure still in the collective.
      if (!s || !s.listed || !s.member.isMember || normalizeUrl(s.url) !== i.reviewedUrl) return [];
      return [
        {
          id: i.id,
          serviceId: i.serviceId,
          url: i.reviewedUrl,
          software: s.software ?? "",
          memberSlug: s.member.slug,
          memberName: s.member.name,
          tosUrl: s.member.tosUrl,
          weight: i.weight,
          maxShare: i.maxShare,
        },
      ];
    })
    .sort((a, b) => (a.memberName < b.memberName ? -1 : a.memberName > b.memberName ? 1 : 0));
  const table: LiveService[] = services.map((s) => {
    const own: LiveInstance[] = live
      .filter((i) => i.serviceId === s.id)
      .map(({ serviceId: _serviceId, ...instance }) => instance);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      icon: s.icon,
      categoryId: s.categoryId,
      software: s.software,
      instances: own,
      byId: new Map(own.map((i) => [i.id, i])),
      model: modelOf(own),
    };
  });
  return { services: table, byId: new Map(table.map((s) => [s.id, s])), loadedAt: Date.now() };
}

export interface Choice {
  instance: LiveInstance;
  /** The visitor asked for this very instance (?instance=). */
  requested: boolean;
}

export class Portal {
  private snap: Snapshot | undefined;
  private pending: Promise<Snapshot> | undefined;
  private generation = 0;
  private applied = 0;
  private readonly last = new Map<string, string>();
  private visits = new Map<string, { instanceId: string; day: string; visits: number }>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private dayCache = { second: -1, day: "" };

  constructor(
    private readonly deps: Deps,
    private readonly random: () => number = Math.random,
  ) {}

  /** The current table; loaded on first use, reloaded in the background when it gets old. */
  async snapshot(): Promise<Snapshot> {
    const snap = this.snap;
    if (!snap) return this.pending ?? this.refresh();
    if (!this.pending && Date.now() - snap.loadedAt > this.deps.config.entraide.refreshIntervalMs) {
      this.refresh().catch((error: unknown) => this.deps.log.warn({ err: error }, "entraide refresh failed"));
    }
    return snap;
  }

  /**
   * The current table without waiting, or undefined before the first load (which this starts).
   * For the direct dispatch, which answers synchronously or leaves the request to the app.
   */
  current(): Snapshot | undefined {
    const snap = this.snap;
    // Loaded and fresh (or being reloaded): nothing to start, and no promise made per visitor.
    if (snap && (this.pending || Date.now() - snap.loadedAt <= this.deps.config.entraide.refreshIntervalMs))
      return snap;
    this.snapshot().catch((error: unknown) => this.deps.log.warn({ err: error }, "entraide load failed"));
    return this.snap;
  }

  /** Reloads now (after a check run or a write); a later load always wins over an earlier one. */
  refresh(): Promise<Snapshot> {
    const generation = ++this.generation;
    const loading = loadSnapshot(this.deps).then((snap) => {
      if (generation > this.applied) {
        this.applied = generation;
        this.snap = snap;
      }
      return this.snap ?? snap;
    });
    this.pending = loading;
    const clear = () => {
      if (this.pending === loading) this.pending = undefined;
    };
    loading.then(clear, clear);
    return loading;
  }

  /** Chooses an instance of `service` for one visitor. */
  choose(service: LiveService, wish: { not?: string; instance?: string } = {}): Choice | null {
    const requested = wish.instance ? service.byId.get(wish.instance) : undefined;
    let id: string | null;
    if (requested) id = requested.id;
    else {
      const others = wish.not ? service.instances.filter((i) => i.id !== wish.not) : service.instances;
      const model =
        others.length > 0 && others.length < service.instances.length ? modelOf(others) : service.model;
      id = pick(model, this.last.get(service.id), this.random);
    }
    const instance = id === null ? undefined : service.byId.get(id);
    if (!instance) return null;
    this.last.set(service.id, instance.id);
    return { instance, requested: !!requested };
  }

  private today(): string {
    const now = this.deps.now();
    const second = Math.floor(now.getTime() / 1000);
    if (second !== this.dayCache.second) this.dayCache = { second, day: now.toISOString().slice(0, 10) };
    return this.dayCache.day;
  }

  /** Counts one visitor sent to an instance; written with the next flush. */
  recordVisit(instanceId: string): void {
    const day = this.today();
    const key = `${instanceId}|${day}`;
    const entry = this.visits.get(key);
    if (entry) entry.visits++;
    else this.visits.set(key, { instanceId, day, visits: 1 });
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.flush();
      }, this.deps.config.entraide.refreshIntervalMs);
      this.flushTimer.unref();
    }
  }

  /** Writes the buffered counts. Counts that fail to be written are kept for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.visits.size === 0) return;
      const batch = [...this.visits.values()];
      this.visits = new Map();
      try {
        await inTransaction(this.deps.db, (trx) => daily.addVisits(trx, batch));
      } catch (error) {
        this.deps.log.warn({ err: error, rows: batch.length }, "entraide visit counters not written");
        for (const row of batch) {
          const key = `${row.instanceId}|${row.day}`;
          const entry = this.visits.get(key);
          if (entry) entry.visits += row.visits;
          else this.visits.set(key, row);
        }
      }
    });
    return this.flushing;
  }
}

const portals = new WeakMap<Deps, Portal>();

export function portalFor(deps: Deps): Portal {
  let portal = portals.get(deps);
  if (!portal) {
    portal = new Portal(deps);
    portals.set(deps, portal);
  }
  return portal;
}

/** Writes what is buffered when the platform stops (the Feature stop hook). */
export async function stopPortal(deps: Deps): Promise<void> {
  await portals.get(deps)?.flush();
}
