/** Tables owned by the applications feature (see applications.migrations.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApplicationsTables {}
