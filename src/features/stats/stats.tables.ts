/** Tables owned by the stats feature (see stats.migrations.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatsTables {}
