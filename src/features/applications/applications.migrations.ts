import type { Migration } from "kysely";

export const applicationsMigrations: Record<string, Migration> = {};
