import { randomBytes, randomUUID } from "node:crypto";
import { currentTime } from "../clock.js";

/** Identifiers are made by the application so both dialects store the same text keys. */
export const newId = (): string => randomUUID();

/** A URL-safe random token (sessions, password resets, invitations). */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

/** Timestamps are ISO-8601 UTC strings made by the application: sortable, and the same on both dialects. */
export const nowIso = (): string => currentTime().toISOString();

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

let lastMs = 0;
let counter = 0;
/**
 * An id that sorts in creation order within one process (and by millisecond across processes):
 * audit entries and ballots are read back in the order they were written.
 */
export function newSortableId(): string {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return `${ms.toString(16).padStart(12, "0")}${counter.toString(16).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}
