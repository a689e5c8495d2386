import type { Generated } from 'kysely';

/** An invitation to answer a question: open until declined; fulfilled (not stored) once the invitee answers. */
export interface AnswerInvitationTable {
  id: Generated<number>;
  topic_id: number;
  community_id: number;
  invitee_id: number;
  /** Who invited; null when the escalation sweep did. */
  invited_by: number | null;
  /** 'member' (someone pressed "Invite to answer") or 'escalation' (the sweep). */
  source: Generated<'member' | 'escalation'>;
  state: Generated<'open' | 'declined'>;
  created_at: string;
  declined_at: string | null;
}

/** A community's routing settings; no row means the defaults. */
export interface RoutingSettingsTable {
  community_id: number;
  response_target_hours: number;
  updated_by: number | null;
  updated_at: string;
}

/** One escalation round of an unanswered question. */
export interface QuestionEscalationTable {
  id: Generated<number>;
  topic_id: number;
  community_id: number;
  round: number;
  invited_count: number;
  created_at: string;
}

/** Tables of src/people/routing (added to Database in ../schema.ts). */
export interface RoutingTables {
  answer_invitations: AnswerInvitationTable;
  routing_settings: RoutingSettingsTable;
  question_escalations: QuestionEscalationTable;
}
