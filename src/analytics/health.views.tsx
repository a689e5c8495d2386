import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '../core/views/components.tsx';
import type { HealthWindow } from './period.ts';

/** The sections of a community's health, in the order the navigation shows them. */
export const HEALTH_SECTIONS = [
  { key: 'overview', path: '', label: 'Overview' },
  { key: 'activity', path: '/activity', label: 'Activity' },
  { key: 'participation', path: '/participation', label: 'Participation' },
  { key: 'responsiveness', path: '/responsiveness', label: 'Responsiveness' },
  { key: 'newcomers', path: '/newcomers', label: 'Newcomers' },
  { key: 'knowledge', path: '/knowledge', label: 'Knowledge' },
  { key: 'inclusion', path: '/inclusion', label: 'Inclusion' },
  { key: 'value', path: '/value', label: 'Value' },
] as const;
export type HealthSection = (typeof HEALTH_SECTIONS)[number]['key'];

export const healthHref = (slug: string, section: HealthSection = 'overview') => `/c/${slug}/health${HEALTH_SECTIONS.find((s) => s.key === section)!.path}`;

export interface HealthShellProps {
  community: { slug: string; name: string };
  section: HealthSection;
  window: HealthWindow;
  /** When the rollups were last brought up to date (ensureFresh). */
  refreshedAt: string;
  /** Shown to stewards: "You see individual figures" (others see aggregates only). */
  individuals: boolean;
  children: ComponentChildren;
}

/**
 * The frame of every community health page: breadcrumb, heading, section navigation, the window
 * picker (a GET form: works without JavaScript) and when the figures were computed.
 */
export function HealthShell(p: HealthShellProps) {
  const current = HEALTH_SECTIONS.find((s) => s.key === p.section)!;
  const months = p.window.months.length;
  return (
    <div class="health">
      <Breadcrumbs community={p.community} trail={[{ href: healthHref(p.community.slug), label: 'Health' }]} />
      <header class="health__header">
        <h1>{p.section === 'overview' ? `Health of ${p.community.name}` : `${current.label} · ${p.community.name}`}</h1>
        <p class="meta">
          {p.window.months[0]} to {p.window.months[p.window.months.length - 1]} · figures as of <time dateTime={p.refreshedAt}>{p.refreshedAt.slice(0, 16).replace('T', ' ')} UTC</time>
          {p.individuals ? ' · you see individual figures as a steward' : ' · aggregates only'}
        </p>
      </header>
      <nav class="health-nav" aria-label="Health sections">
        <ul>
          {HEALTH_SECTIONS.map((s) => (
            <li>
              <a href={`${healthHref(p.community.slug, s.key)}${months === 12 ? '' : `?months=${months}`}`} aria-current={s.key === p.section ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="health-window" method="get" action={healthHref(p.community.slug, p.section)}>
        <label for="health-months">Show</label>
        <select id="health-months" name="months">
          {[3, 6, 12, 24, 36].map((n) => (
            <option value={String(n)} selected={n === months}>
              last {n} months
            </option>
          ))}
        </select>
        <button type="submit" class="button button--secondary button--small">
          Show
        </button>
      </form>
      {p.children}
    </div>
  );
}
