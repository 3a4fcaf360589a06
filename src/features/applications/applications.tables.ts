import { ownedTables } from "../../db/adapter.js";

/**
 * Tables owned by the applications feature (see applications.migrations.ts): the charter as
 * versioned data, the rounds ("portées"), applications and re-assessments with their answers,
 * pre-check runs, the review thread, and the vote engine (decisions, electors, ballots).
 */
export interface ApplicationsTables {
  charter_versions: CharterVersionsTable;
  charter_parts: CharterPartsTable;
  charter_criteria: CharterCriteriaTable;
  rounds: RoundsTable;
  applications: ApplicationsTable;
  application_answers: ApplicationAnswersTable;
  criterion_reviews: CriterionReviewsTable;
  application_messages: ApplicationMessagesTable;
  check_runs: CheckRunsTable;
  check_results: CheckResultsTable;
  decisions: DecisionsTable;
  decision_electors: DecisionElectorsTable;
  ballots: BallotsTable;
}

export const CHARTER_STATUSES = ["draft", "current", "archived"] as const;
export type CharterStatus = (typeof CHARTER_STATUSES)[number];

export interface CharterVersionsTable {
  id: string;
  /** 1, 2, 3…: what people quote ("version 3 of the charter"). */
  version: number;
  status: CharterStatus;
  /** "current" for the one current version, null otherwise: a unique column keeps it single. */
  current_key: string | null;
  summary_fr: string;
  summary_en: string;
  /** '' when nobody wrote it: German pages show the English (migration 0403 filled the shipped text). */
  summary_de: string;
  created_at: string;
  created_by: string | null;
  published_at: string | null;
}

export interface CharterPartsTable {
  id: string;
  version_id: string;
  /** C, H, A, T, O, N, S: the letters of the acronym. */
  letter: string;
  position: number;
  name_fr: string;
  name_en: string;
  intro_fr: string;
  intro_en: string;
  name_de: string;
  intro_de: string;
}

export const CRITERION_LEVELS = ["required", "recommended"] as const;
export type CriterionLevel = (typeof CRITERION_LEVELS)[number];

export interface CharterCriteriaTable {
  id: string;
  version_id: string;
  part_id: string;
  /** Stable across versions (e.g. "T1"), so a criterion can be followed from one version to the next. */
  code: string;
  position: number;
  level: CriterionLevel;
  title_fr: string;
  title_en: string;
  explanation_fr: string;
  explanation_en: string;
  title_de: string;
  explanation_de: string;
  /** Which automated pre-check gives evidence for this criterion, if any (see checks/). */
  check_id: string | null;
}

export const PHASES = ["upcoming", "open", "review", "vote", "decided"] as const;
export type Phase = (typeof PHASES)[number];
export const MAJORITIES = ["simple", "two_thirds", "absolute"] as const;
export type Majority = (typeof MAJORITIES)[number];
export const TIE_OUTCOMES = ["reject", "accept"] as const;
export type TieOutcome = (typeof TIE_OUTCOMES)[number];
export const QUORUM_OUTCOMES = ["reject", "postpone"] as const;
export type QuorumOutcome = (typeof QUORUM_OUTCOMES)[number];

export interface RoundsTable {
  id: string;
  label: string;
  opens_at: string;
  review_at: string;
  vote_at: string;
  closes_at: string;
  phase: Phase;
  /** Share of the electors that must take part (abstentions count); 0 = no quorum. */
  quorum_percent: number;
  majority: Majority;
  tie_outcome: TieOutcome;
  quorum_outcome: QuorumOutcome;
  /** 1: counts are shown only once the vote is closed. */
  results_hidden: number;
  created_at: string;
  created_by: string | null;
  decided_at: string | null;
}

export const APPLICATION_KINDS = ["application", "reassessment"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "voting",
  "accepted",
  "refused",
  "postponed",
  "completed",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationsTable {
  id: string;
  member_id: string;
  kind: ApplicationKind;
  charter_version_id: string;
  round_id: string | null;
  status: ApplicationStatus;
  /** "<member>:<kind>" while the file is in progress, null once settled: one open file per structure. */
  active_key: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  /** JSON: reasons given with a refusal (against ballots' reasons, questioned criteria). */
  decision_reasons: string | null;
  /** Re-assessments: when the structure is asked to have answered. */
  due_at: string | null;
}

export const ANSWERS = ["meets", "partly", "not_yet"] as const;
export type Answer = (typeof ANSWERS)[number];

export interface ApplicationAnswersTable {
  application_id: string;
  criterion_id: string;
  answer: Answer | null;
  explanation: string;
  /** JSON array of URLs. */
  evidence: string;
  updated_at: string;
  updated_by: string | null;
  /** The earlier file this answer was copied from, until it is confirmed or changed; null otherwise. */
  carried_from: string | null;
}

export const REVIEW_STATES = ["verified", "questioned"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface CriterionReviewsTable {
  application_id: string;
  criterion_id: string;
  person_id: string;
  member_id: string | null;
  state: ReviewState;
  note: string;
  at: string;
}

export const MESSAGE_ROLES = ["reviewer", "candidate"] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export interface ApplicationMessagesTable {
  id: string;
  application_id: string;
  person_id: string;
  /** The structure the person wrote for (a member structure, or the candidate itself). */
  member_id: string | null;
  role: MessageRole;
  criterion_id: string | null;
  body: string;
  created_at: string;
}

export const CHECK_TRIGGERS = ["submission", "manual", "scheduled"] as const;
export type CheckTrigger = (typeof CHECK_TRIGGERS)[number];

export interface CheckRunsTable {
  id: string;
  application_id: string;
  trigger: CheckTrigger;
  person_id: string | null;
  /** Null while queued (the job runs queued runs); set when the checks start. */
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  passed: number;
  warned: number;
  failed: number;
}

export const CHECK_STATUSES = ["pass", "warn", "fail", "skip"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface CheckResultsTable {
  id: string;
  run_id: string;
  check_id: string;
  target: string;
  status: CheckStatus;
  /** JSON {key, vars}: a message key of this feature and its variables. */
  detail: string;
  position: number;
}

export const DECISION_KINDS = ["application", "proposal", "charter"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DecisionsTable {
  id: string;
  kind: DecisionKind;
  title: string;
  body: string;
  application_id: string | null;
  round_id: string | null;
  charter_version_id: string | null;
  /** JSON array of the option labels; ["for","against"] for a yes/no decision. Abstention is always offered. */
  options: string;
  opens_at: string;
  closes_at: string;
  quorum_percent: number;
  majority: Majority;
  tie_outcome: TieOutcome;
  quorum_outcome: QuorumOutcome;
  results_hidden: number;
  status: "open" | "closed";
  /** The tally's outcome once closed (adopted, rejected, tie, no_quorum, no_majority). */
  outcome: string | null;
  /** JSON of the published tally (counts, quorum, winner). */
  result: string | null;
  electors_count: number;
  created_at: string;
  created_by: string | null;
  closed_at: string | null;
}

/** The member structures entitled to vote, fixed when the vote opens. */
export interface DecisionElectorsTable {
  decision_id: string;
  member_id: string;
}

export interface BallotsTable {
  id: string;
  decision_id: string;
  /** The voting structure: unique per decision, so a structure has one ballot whoever casts it. */
  member_id: string;
  person_id: string;
  /** An option label or "abstain". */
  choice: string;
  reason: string;
  cast_at: string;
  updated_at: string;
}

/** The applications feature's view of the database: only its repositories use it (see OwnDb). */
export const applicationsDb = ownedTables<ApplicationsTables>();
