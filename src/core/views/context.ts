import type { Actor } from '../permissions/index.ts';

/** What every page knows about the request: who is looking, the CSRF token for forms, and UI state. */
export interface ViewContext {
  actor: Actor | null;
  csrf: string;
  path: string;
  theme: 'auto' | 'light' | 'dark';
  flash: string | null;
  /** Unread notifications of the signed-in member (0 when signed out or not counted for this request). */
  unread: number;
}
