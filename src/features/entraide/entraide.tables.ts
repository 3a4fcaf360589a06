/** Tables owned by the entraide feature (see entraide.migrations.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EntraideTables {}
