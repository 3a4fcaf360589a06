import type { Migration } from "kysely";

export const statsMigrations: Record<string, Migration> = {};
