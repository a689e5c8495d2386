import type { ComponentChildren } from 'preact';
import type { Deps } from '../core/deps.ts';
import type { Actor } from '../core/permissions/index.ts';
import type { ViewContext } from '../core/views/context.ts';
import { profilesProfileSlot } from './profiles/profiles.profile-slot.tsx';
import { expertiseProfileSlot } from './expertise/expertise.profile-slot.tsx';
import { routingProfileSlot } from './routing/routing.profile-slot.tsx';
import { networkProfileSlot } from './network/network.profile-slot.tsx';
import { mentoringProfileSlot } from './mentoring/mentoring.profile-slot.tsx';

/**
 * Extension points of the profile page (/u/:username). Each people feature adds ONE provider below;
 * a provider loads what it needs for the person and returns sections for the main column and the aside.
 * Providers must apply the visibility rule themselves: only what `actor` may see.
 */
export interface ProfileSlotInput {
  deps: Deps;
  ctx: ViewContext;
  actor: Actor | null;
  person: { id: number; username: string; displayName: string };
}

export interface ProfileSlots {
  /** Sections in the profile's main column, after the about section. */
  main?: ComponentChildren;
  /** Sections in the profile's side column. */
  aside?: ComponentChildren;
}

export type ProfileSlotProvider = (input: ProfileSlotInput) => Promise<ProfileSlots>;

// Providers, in page order.
const providers: ProfileSlotProvider[] = [profilesProfileSlot, expertiseProfileSlot, routingProfileSlot, networkProfileSlot, mentoringProfileSlot];

/** Runs every provider; returns their sections in provider order. */
export async function loadProfileSlots(input: ProfileSlotInput): Promise<{ main: ComponentChildren[]; aside: ComponentChildren[] }> {
  const results = await Promise.all(providers.map((p) => p(input)));
  return { main: results.map((r) => r.main).filter((x) => x != null), aside: results.map((r) => r.aside).filter((x) => x != null) };
}
