import { inTransaction, type DB } from "../../../db/adapter.js";

/**
 * Groups the writes of several organizations into one transaction. Each organization's writes
 * stay keyed and idempotent; grouping only saves commits (on SQLite, a commit and its WAL
 * bookkeeping cost more than the rows themselves). If a grouped transaction fails, each write is
 * retried alone, so one organization's bad data cannot sink the others.
 */
export type Write = (trx: DB) => Promise<void>;

export interface WriteBatcher {
  write(work: Write): Promise<void>;
  flush(): Promise<void>;
}

interface Pending {
  work: Write;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createWriteBatcher(db: DB, maxItems = 16, maxWaitMs = 25): WriteBatcher {
  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  async function run(batch: Pending[]): Promise<void> {
    try {
      await inTransaction(db, async (trx) => {
        for (const p of batch) await p.work(trx);
      });
      for (const p of batch) p.resolve();
    } catch {
      for (const p of batch) {
        try {
          await inTransaction(db, (trx) => p.work(trx));
          p.resolve();
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) chain = chain.then(() => run(batch));
    return chain;
  }

  return {
    write(work) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ work, resolve, reject });
        if (pending.length >= maxItems) void flush();
        else timer ??= setTimeout(() => void flush(), maxWaitMs);
      });
    },
    flush,
  };
}
