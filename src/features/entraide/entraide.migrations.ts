import type { Migration } from "kysely";

export const entraideMigrations: Record<string, Migration> = {};
