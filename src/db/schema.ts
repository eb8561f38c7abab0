import type { Generated, Selectable } from 'kysely';

/** Booleans are stored as 0/1 integers in SQLite. */
export type Flag = 0 | 1;
export type RotationPolicy = 'agreed_order' | 'deputy_becomes_chair' | 'explicit';
export type ReportingCadence = 'week' | 'month';
export type AdminRole = 'province_admin' | 'bloc_admin' | 'viewer';

export interface BlocTable {
  id: Generated<number>;
  name: string;
  province: string;
  description: string | null;
  reporting_cadence: Generated<ReportingCadence>;
  grace_days: Generated<number>;
  lock_days: Generated<number>;
  rotation_policy: Generated<RotationPolicy>;
  is_demo: Generated<Flag>;
  created_at: Generated<string>;
}

export interface UnitTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  is_demo: Generated<Flag>;
  created_at: Generated<string>;
}

export interface BlocMembershipTable {
  id: Generated<number>;
  bloc_id: number;
  unit_id: number;
  joined_on: string;
  left_on: string | null;
  display_order: Generated<number>;
}

export interface RotationSlotTable {
  bloc_id: number;
  unit_id: number;
  position: number;
}

export interface FocalPointTable {
  id: Generated<number>;
  unit_id: number;
  full_name: string;
  position: string | null;
  phone: string | null;
  role: Generated<'focal_point' | 'unit_head'>;
  telegram_user_id: string | null;
  telegram_username: string | null;
  telegram_chat_id: string | null;
  linked_at: string | null;
  status: Generated<'active' | 'left'>;
  left_at: string | null;
  is_demo: Generated<Flag>;
  created_at: Generated<string>;
}

export interface InviteTable {
  id: Generated<number>;
  code: string;
  kind: 'focal_point' | 'group';
  focal_point_id: number | null;
  bloc_id: number | null;
  created_by: string;
  created_at: Generated<string>;
  expires_at: string;
  used_at: string | null;
  used_by_telegram_id: string | null;
  /** Who used it on another channel than Telegram (0011): 'zalo' and their Zalo id. */
  used_by_channel: string | null;
  used_by_account: string | null;
}

export interface BlocChatTable {
  id: Generated<number>;
  bloc_id: number;
  telegram_chat_id: string;
  title: string | null;
  linked_at: Generated<string>;
  active: Generated<Flag>;
}

/** A focal point's address on one channel (0010); position orders a person's addresses, lowest first. */
export interface ContactAddressTable {
  id: Generated<number>;
  focal_point_id: number;
  channel: string;
  address: string;
  state: Generated<'linked' | 'blocked' | 'unsubscribed'>;
  position: Generated<number>;
  linked_at: string;
  /** What the admin shows beside the address: a Telegram username, say. */
  detail: string | null;
  /** When the recipient asked to receive no more e-mail (List-Unsubscribe, 0012). */
  unsubscribed_at: Generated<string | null>;
}

export interface BlocYearTable {
  id: Generated<number>;
  bloc_id: number;
  year: number;
  chair_unit_id: number;
  deputy_unit_id: number | null;
  chosen_by: RotationPolicy;
  status: Generated<'planned' | 'open' | 'closed'>;
  handed_over_on: string | null;
  note: string | null;
}

export interface CovenantCriterionTable {
  id: Generated<number>;
  bloc_id: number;
  year: number;
  code: string;
  title: string;
  kind: 'quantitative' | 'qualitative';
  value_type: 'count' | 'decimal' | 'percent' | null;
  unit_of_measure: string | null;
  default_target: number | null;
  max_points: Generated<number>;
  position: Generated<number>;
}

export interface CovenantTargetTable {
  criterion_id: number;
  unit_id: number;
  target: number;
}

export interface CovenantSignatureTable {
  bloc_id: number;
  year: number;
  unit_id: number;
  signed_on: string;
  signed_by: string | null;
}

export type SubmittedVia = 'telegram' | 'web' | 'admin' | 'import' | 'demo' | 'zalo';

export interface ProgressReportTable {
  id: Generated<number>;
  bloc_id: number;
  unit_id: number;
  period_kind: ReportingCadence;
  period_key: string;
  period_start: string;
  period_end: string;
  is_nil: Generated<Flag>;
  notable_results: string | null;
  difficulties: string | null;
  proposals: string | null;
  submitted_by_focal_point_id: number | null;
  submitted_via: SubmittedVia;
  first_submitted_at: string;
  updated_at: string;
  revision: Generated<number>;
  is_demo: Generated<Flag>;
}

export interface ReportValueTable {
  report_id: number;
  criterion_id: number;
  value: number;
}

export interface ReportRevisionTable {
  id: Generated<number>;
  report_id: number;
  revision: number;
  snapshot: string;
  submitted_by_focal_point_id: number | null;
  submitted_by_admin: string | null;
  submitted_at: string;
  submitted_via: Generated<SubmittedVia>;
}

export interface PersonalLinkTable {
  id: Generated<number>;
  focal_point_id: number;
  token_hash: string;
  nonce: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

export interface ReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  kind: 'photo' | 'document';
  telegram_file_id: string | null;
  telegram_file_unique_id: string | null;
  file_name: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  caption: string | null;
  added_in_revision: Generated<number>;
  created_at: Generated<string>;
}

/** The bytes of a file sent through the personal web form (decision 0052). */
export interface AttachmentContentTable {
  attachment_id: number;
  content: Buffer;
  sha256: string;
}

/** A file chosen in a web form submit that was not stored yet, kept for that form. */
export interface WebPendingUploadTable {
  id: Generated<number>;
  personal_link_id: number;
  form_nonce: string;
  kind: 'photo' | 'document';
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

/** A web form that was sent, so a second submit of it stores nothing more. */
export interface WebFormSubmissionTable {
  personal_link_id: number;
  form_nonce: string;
  report_id: number;
  revision: number;
  created_at: string;
}

export interface PublicHolidayTable {
  date: string;
  name: string;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxMessageTable {
  id: Generated<number>;
  dedupe_key: string;
  bloc_id: number | null;
  kind: string;
  chat_id: string;
  chat_type: Generated<'private' | 'group'>;
  payload: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<string>;
  last_error: string | null;
  /** 0014: 'rate_limit' or 'credentials' while a queued row waits out one of those, not its backoff. */
  waiting_for: 'rate_limit' | 'credentials' | null;
  telegram_message_id: number | null;
  created_at: Generated<string>;
  sent_at: string | null;
  // Delivery (0003): permanent failure code, send-by instant, when handed to the Bot API.
  failure_reason: string | null;
  not_after: string | null;
  claimed_at: string | null;
  // Order (0009): the moment the message may first be sent; retries never move it.
  available_at: string;
  // Channels (0010): where it goes, what it says (an OutboundMessage as JSON, rendered by the
  // channel at send time) and how many of its rendered parts went out. chat_id and chat_type are
  // kept equal to address and to whether it is a group (readers not moved yet); payload is the
  // Telegram form of rows queued before 0010, kept for the record.
  channel: Generated<string>;
  address: string;
  message: string;
  parts_sent: Generated<number>;
}

// Reminders (0003): each bloc's reminder policy; a bloc without a row uses the defaults.
export type EscalateTo = 'none' | 'chair' | 'unit_head';

export interface ReminderPolicyTable {
  bloc_id: number;
  enabled: Generated<Flag>;
  before_days: number | null;
  before_time: Generated<string>;
  after_time: Generated<string>;
  after_every_days: Generated<number>;
  after_max: Generated<number>;
  escalate_to: Generated<EscalateTo>;
  send_from: Generated<string>;
  send_until: Generated<string>;
  send_on_weekends: Generated<Flag>;
  updated_at: Generated<string>;
  updated_by: string | null;
}

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  scope: string;
  period_key: string;
  status: 'running' | 'succeeded' | 'failed';
  started_at: string;
  finished_at: string | null;
  detail: string | null;
}

export interface AdminUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: AdminRole;
  bloc_id: number | null;
  disabled_at: string | null;
  created_at: Generated<string>;
}

export interface AdminSessionTable {
  id_hash: string;
  admin_user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  admin_user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  bloc_id: number | null;
  details: string | null;
}

// Bot (0002): conversation state per private chat, and the updates already processed.
export interface BotConversationTable {
  chat_id: string;
  telegram_user_id: string;
  focal_point_id: number;
  version: Generated<number>;
  /** The report draft as JSON (src/core/report-flow), or null. */
  draft: string | null;
  updated_at: string;
}

export interface BotProcessedUpdateTable {
  bot_id: string;
  update_id: number;
  processed_at: Generated<string>;
}

// Summaries (0004): stored digests, score adjustments, qualitative assessments, digest schedule.
export type DigestKind = 'period' | 'mid_year' | 'annual';

export interface DigestTable {
  id: Generated<number>;
  bloc_id: number;
  kind: DigestKind;
  period_key: string;
  text: string;
  /** JSON array of the messages as sent. */
  parts: string;
  /** JSON snapshot of the figures behind the text. */
  figures: string;
  recipients: Generated<number>;
  created_at: Generated<string>;
}

export interface ScoreAdjustmentTable {
  id: Generated<number>;
  bloc_id: number;
  unit_id: number;
  year: number;
  kind: 'bonus' | 'deduction';
  points: number;
  reason: string;
  created_by: string;
  created_at: Generated<string>;
}

export interface CriterionAssessmentTable {
  criterion_id: number;
  unit_id: number;
  met: Flag;
  note: string | null;
  assessed_by: string;
  assessed_at: string;
}

export interface DigestScheduleTable {
  bloc_id: number;
  enabled: Generated<Flag>;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  digest_weekday: Generated<number>;
  digest_time: Generated<string>;
  /** 'MM-DD'. */
  mid_year_on: Generated<string>;
  annual_on: Generated<string>;
  summary_time: Generated<string>;
  updated_at: Generated<string>;
}

// Admin (0005): login attempts, for throttling failed logins.
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string | null;
  at: string;
  succeeded: Flag;
}

// Broadcasts (0006): a message an admin sent to the bloc; its copies are outbox rows.
export interface BroadcastTable {
  id: Generated<number>;
  bloc_id: number;
  form_nonce: string;
  text: string;
  include_groups: Flag;
  sender_name: string;
  created_by: string;
  created_at: string;
  recipients: Generated<number>;
  /** JSON array of { name, unit } who had no linked Telegram when it was sent. */
  unreachable: Generated<string>;
}

export interface Database {
  bloc: BlocTable;
  unit: UnitTable;
  bloc_membership: BlocMembershipTable;
  rotation_slot: RotationSlotTable;
  focal_point: FocalPointTable;
  invite: InviteTable;
  bloc_chat: BlocChatTable;
  contact_address: ContactAddressTable;
  bloc_year: BlocYearTable;
  covenant_criterion: CovenantCriterionTable;
  covenant_target: CovenantTargetTable;
  covenant_signature: CovenantSignatureTable;
  progress_report: ProgressReportTable;
  report_value: ReportValueTable;
  report_revision: ReportRevisionTable;
  personal_link: PersonalLinkTable;
  report_attachment: ReportAttachmentTable;
  attachment_content: AttachmentContentTable;
  web_pending_upload: WebPendingUploadTable;
  web_form_submission: WebFormSubmissionTable;
  public_holiday: PublicHolidayTable;
  outbox_message: OutboxMessageTable;
  job_run: JobRunTable;
  reminder_policy: ReminderPolicyTable;
  admin_user: AdminUserTable;
  admin_session: AdminSessionTable;
  audit_log: AuditLogTable;
  bot_conversation: BotConversationTable;
  bot_processed_update: BotProcessedUpdateTable;
  digest: DigestTable;
  score_adjustment: ScoreAdjustmentTable;
  criterion_assessment: CriterionAssessmentTable;
  digest_schedule: DigestScheduleTable;
  login_attempt: LoginAttemptTable;
  broadcast: BroadcastTable;
  zalo_processed_message: ZaloProcessedMessageTable;
  received_file: ReceivedFileTable;
  digest_subscription: DigestSubscriptionTable;
}

/** A focal point who asked the bot for the weekly digest in private (0013, decision 0097). */
export interface DigestSubscriptionTable {
  focal_point_id: number;
  /** The channel they asked on ('zalo'). */
  asked_on: string;
  created_at: string;
}

/** A Zalo message already handled (0011): Zalo's ids are strings and it has no update_id. */
export interface ZaloProcessedMessageTable {
  bot_id: string;
  message_id: string;
  processed_at: string;
}

/** A photo a person sent a messenger as evidence, kept until their report is sent (0011, decision 0094). */
export interface ReceivedFileTable {
  id: Generated<number>;
  focal_point_id: number;
  channel: string;
  content: Buffer;
  sha256: string;
  mime_type: string | null;
  size_bytes: number;
  created_at: string;
}

export type BlocRow = Selectable<BlocTable>;
export type UnitRow = Selectable<UnitTable>;
export type BlocMembershipRow = Selectable<BlocMembershipTable>;
export type BlocChatRow = Selectable<BlocChatTable>;
export type BlocYearRow = Selectable<BlocYearTable>;
export type CovenantCriterionRow = Selectable<CovenantCriterionTable>;
export type PublicHolidayRow = Selectable<PublicHolidayTable>;
export type JobRunRow = Selectable<JobRunTable>;
export type AdminUserRow = Selectable<AdminUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type ScoreAdjustmentRow = Selectable<ScoreAdjustmentTable>;
export type BroadcastRow = Selectable<BroadcastTable>;
export type ReminderPolicyRow = Selectable<ReminderPolicyTable>;
export type DigestRow = Selectable<DigestTable>;
export type DigestScheduleRow = Selectable<DigestScheduleTable>;
export type FocalPointRow = Selectable<FocalPointTable>;
export type InviteRow = Selectable<InviteTable>;
export type ContactAddressRow = Selectable<ContactAddressTable>;
export type ProgressReportRow = Selectable<ProgressReportTable>;
export type ReportRevisionRow = Selectable<ReportRevisionTable>;
export type PersonalLinkRow = Selectable<PersonalLinkTable>;
export type ReportAttachmentRow = Selectable<ReportAttachmentTable>;
export type WebPendingUploadRow = Selectable<WebPendingUploadTable>;
export type OutboxMessageRow = Selectable<OutboxMessageTable>;
export type BotConversationRow = Selectable<BotConversationTable>;
