/** Progress of fanned-out job runs, shared by every instance (see jobs/runs.ts). */
export interface JobsTables {
  job_runs: JobRunsTable;
  job_run_items: JobRunItemsTable;
}

export interface JobRunsTable {
  id: string;
  job: string;
  started_at: string;
  total: number;
  done: number;
  failed: number;
  finished_at: string | null;
  summary: string | null;
}

export interface JobRunItemsTable {
  run_id: string;
  item: string;
  status: "pending" | "done" | "failed";
  attempts: number;
  finished_at: string | null;
  error: string | null;
}
