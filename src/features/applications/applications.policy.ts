import type { AppContext, CurrentPerson } from "../../http/context.js";
import { HttpError } from "../../http/errors.js";
import { belongsTo, canAdminMember, collectiveMemberships } from "../../http/policy.js";
import type { ApplicationKind, ApplicationStatus, Phase } from "./applications.tables.js";

/**
 * Who may do what with applications, rounds, the charter and decisions, in one declarative table.
 * An area is guarded at its mount (allowedTo, see index.ts); handlers call can() or authorize() for
 * one file's rules. The vote itself is re-checked against the database by castVote, because a
 * session's memberships can be a few seconds old.
 */

export interface ApplicationSubject {
  memberId: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  /** Phase of the application's round, if it has one. */
  phase: Phase | null;
}

export type Action =
  | "application.read"
  | "application.edit"
  | "application.submit"
  | "application.recheck"
  | "application.review"
  | "application.answer"
  | "round.manage"
  | "charter.edit"
  | "decision.propose"
  | "decision.ballots"
  | "reassessment.list"
  | "reassessment.request";

const isCollectiveMember = (p: CurrentPerson) => collectiveMemberships(p).length > 0;
const ownStructure = (p: CurrentPerson, s: ApplicationSubject) => belongsTo(p, s.memberId);
const inProgress = (s: ApplicationSubject) => s.status === "submitted" || s.status === "voting";

/** A submitted application may still be corrected while its round is open or in review. */
export function editable(s: ApplicationSubject): boolean {
  if (s.status === "draft") return true;
  return s.kind === "application" && s.status === "submitted" && (s.phase === "open" || s.phase === "review");
}

type Rule = (person: CurrentPerson, subject: ApplicationSubject | undefined) => boolean;

const RULES: Record<Action, Rule> = {
  "application.read": (p, s) => p.isPlatformAdmin || isCollectiveMember(p) || (!!s && ownStructure(p, s)),
  "application.edit": (p, s) =>
    !!s && canAdminMember(p, s.memberId) && belongsTo(p, s.memberId) && editable(s),
  "application.submit": (p, s) =>
    !!s && belongsTo(p, s.memberId) && canAdminMember(p, s.memberId) && s.status === "draft",
  "application.recheck": (p, s) => !!s && (p.isPlatformAdmin || isCollectiveMember(p) || ownStructure(p, s)),
  "application.review": (p, s) =>
    !!s &&
    s.kind === "application" &&
    inProgress(s) &&
    !ownStructure(p, s) &&
    (p.isPlatformAdmin || isCollectiveMember(p)),
  "application.answer": (p, s) => !!s && inProgress(s) && ownStructure(p, s),
  "round.manage": (p) => p.isPlatformAdmin,
  "charter.edit": (p) => p.isPlatformAdmin,
  "decision.propose": (p) => p.isPlatformAdmin || isCollectiveMember(p),
  "decision.ballots": (p) => p.isPlatformAdmin || isCollectiveMember(p),
  "reassessment.list": (p) => p.isPlatformAdmin || isCollectiveMember(p),
  "reassessment.request": (p) => p.isPlatformAdmin,
};

export function can(person: CurrentPerson | null, action: Action, subject?: ApplicationSubject): boolean {
  return !!person && RULES[action](person, subject);
}

/** Throws the right HTTP error: 401 for a visitor, 403 for someone not allowed. */
export function authorize(
  person: CurrentPerson | null,
  action: Action,
  subject?: ApplicationSubject,
): CurrentPerson {
  if (!person) throw new HttpError(401, "401");
  if (!RULES[action](person, subject)) throw new HttpError(403, "403");
  return person;
}

/** An area's guard (see mountArea): the signed-in person may do `action`. */
export const allowedTo =
  (action: Action) =>
  (c: AppContext): CurrentPerson =>
    authorize(c.get("person"), action);
