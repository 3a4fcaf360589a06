import { ownedTables } from "../../db/adapter.js";

/**
 * The collective's own life: the contact desk, the monthly meetings, the personal calendar feeds,
 * the news, and the mediation channel. Owned by the collective feature (migrations 07xx).
 */
export interface CollectiveTables {
  contact_messages: ContactMessagesTable;
  contact_thread: ContactThreadTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_decisions: MeetingDecisionsTable;
  calendar_feeds: CalendarFeedsTable;
  news_items: NewsItemsTable;
  news_cursors: NewsCursorsTable;
  mediation_team: MediationTeamTable;
  mediation_reports: MediationReportsTable;
  mediation_messages: MediationMessagesTable;
}

export const CONTACT_STATUSES = ["open", "handed", "answered", "closed"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** A message sent through the public contact form: no account, no address of the sender's machine. */
export interface ContactMessagesTable {
  id: string;
  received_at: string;
  sender_name: string;
  sender_email: string;
  subject: string;
  body: string;
  /** The language the visitor wrote from, to answer in it. */
  locale: string;
  status: ContactStatus;
  first_answer_at: string | null;
  updated_at: string;
}

export const THREAD_KINDS = ["reply", "handover", "close"] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** What the desk did with a message: answers sent by mail, hand-overs to coordinators, closing. */
export interface ContactThreadTable {
  id: string;
  message_id: string;
  kind: ThreadKind;
  person_id: string | null;
  body: string;
  at: string;
}

export interface MeetingsTable {
  id: string;
  title: string;
  /** When the meeting starts (ISO, UTC): a date to come for the next meeting. */
  starts_at: string;
  duration_minutes: number;
  /** The call's address: a member's video-conferencing instance, chosen or typed. */
  call_url: string | null;
  /** The directory service the call link was picked from, if it was. */
  call_service_id: string | null;
  facilitator_person_id: string | null;
  note_taker_person_id: string | null;
  /** Markdown, rendered through the sanitising renderer. */
  minutes: string;
  minutes_published_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  /** The language the title is written in (a locale code), for the lang attribute. */
  lang: string;
  /** The language the minutes are written in. */
  minutes_lang: string;
}

export interface MeetingAgendaItemsTable {
  id: string;
  meeting_id: string;
  person_id: string | null;
  title: string;
  details: string;
  created_at: string;
  /** The language the item is written in. */
  lang: string;
}

/** Decisions of the vote engine a meeting's minutes refer to. */
export interface MeetingDecisionsTable {
  meeting_id: string;
  decision_id: string;
}

/** A person's secret calendar address: only the SHA-256 of the token is kept. */
export interface CalendarFeedsTable {
  token_hash: string;
  person_id: string;
  created_at: string;
}

export const NEWS_KINDS = ["post", "member", "decision"] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

export interface NewsItemsTable {
  id: string;
  kind: NewsKind;
  /** Written items: their title and Markdown body; automatic ones are worded from `data`. */
  title: string;
  body: string;
  /** JSON: what an automatic item is about (the structure admitted, the decision published). */
  data: string;
  /** "audit:<id>" for an item made from an audit entry: unique, so making it twice does nothing. */
  source_key: string | null;
  published_at: string;
  created_by: string | null;
  updated_at: string;
  /** The language a written item is in; automatic items are worded in the reader's language. */
  lang: string;
}

/** How far the news job has read the audit log, per kind of entry: the time of the newest entry turned into news. */
export interface NewsCursorsTable {
  name: string;
  last_at: string;
  updated_at: string;
}

/** The people who read and answer reports: managed by platform admins. */
export interface MediationTeamTable {
  person_id: string;
  added_at: string;
  added_by: string | null;
}

export const REPORT_STATUSES = ["new", "in_progress", "closed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface MediationReportsTable {
  id: string;
  /** SHA-256 of the reporter's private follow-up token. */
  token_hash: string;
  /** Set when the reporter was signed in and did not ask to stay anonymous. */
  reporter_person_id: string | null;
  reporter_name: string;
  reporter_email: string | null;
  locale: string;
  what: string;
  who: string;
  where_when: string;
  status: ReportStatus;
  created_at: string;
  updated_at: string;
}

export const REPORT_AUTHORS = ["reporter", "team"] as const;
export type ReportAuthor = (typeof REPORT_AUTHORS)[number];

export interface MediationMessagesTable {
  id: string;
  report_id: string;
  author: ReportAuthor;
  person_id: string | null;
  body: string;
  created_at: string;
}

/** The collective feature's view of the database: only src/features/collective uses it. */
export const collectiveDb = ownedTables<CollectiveTables>();
