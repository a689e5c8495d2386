import { EmptyState, TimeAgo } from '../../core/views/components.tsx';
import { HALF_LIFE_DAYS } from './expertise.rules.ts';
import type { EvidenceItem, TagExpertise } from './expertise.service.ts';

function EvidenceList({ items }: { items: EvidenceItem[] }) {
  return (
    <ul class="evidence-list">
      {items.map((e) => (
        <li>
          <strong>{e.label}</strong>: <a href={e.url}>{e.title}</a> <span class="meta">in {e.communitySlug} · <TimeAgo at={e.at} /> · weight {e.weight}, now {e.decayedWeight}</span>
        </li>
      ))}
    </ul>
  );
}

function ScoreBar({ score, max, label }: { score: number; max: number; label: string }) {
  return (
    <meter min={0} max={max} value={score} aria-label={label}>
      {score}
    </meter>
  );
}

/** "Demonstrated expertise" on a profile: per tag a score bar and, folded, why (the evidence, linked). */
export function ExpertiseSection({ username, items }: { username: string; items: TagExpertise[] }) {
  const max = Math.max(1, ...items.map((i) => i.score));
  return (
    <section aria-labelledby="demonstrated-expertise">
      <h2 id="demonstrated-expertise">Demonstrated expertise</h2>
      <p class="meta">From accepted answers, votes on answers, endorsed articles and “I applied this” — recent evidence counts most (half-life {HALF_LIFE_DAYS} days). Separate from the skills they declare.</p>
      {items.length === 0 ? (
        <EmptyState title="No demonstrated expertise yet">
          <p>It grows as their answers are accepted and voted up, and their articles endorsed and applied.</p>
        </EmptyState>
      ) : (
        <ul class="expertise-list">
          {items.map((t) => (
            <li>
              <a href={`/u/${username}/expertise/${encodeURIComponent(t.tag)}`}>{t.tag}</a> <ScoreBar score={t.score} max={max} label={`Score in ${t.tag}`} /> <span class="meta">{t.score}</span>
              <details>
                <summary>Why {t.tag}?</summary>
                <EvidenceList items={t.evidence} />
                {t.evidenceCount > t.evidence.length && <a href={`/u/${username}/expertise/${encodeURIComponent(t.tag)}`}>All {t.evidenceCount} pieces of evidence</a>}
                <a href={`/experts?skill=${encodeURIComponent(t.tag)}`}>Who else knows {t.tag}?</a>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /u/:username/expertise/:tag — the score in one tag, per community, and every piece of evidence. */
export function TagEvidencePage(p: { person: { username: string; displayName: string }; tag: string; item: TagExpertise | null }) {
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumbs">
          <li>
            <a href="/members">Members</a>
          </li>
          <li>
            <a href={`/u/${p.person.username}`}>{p.person.displayName}</a>
          </li>
        </ol>
      </nav>
      <h1>
        {p.person.displayName}’s expertise in {p.tag}
      </h1>
      {!p.item ? (
        <EmptyState title={`No evidence of expertise in ${p.tag} that you can see`}>
          <p>
            <a href={`/u/${p.person.username}`}>Back to the profile</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <p>
            Score <strong>{p.item.score}</strong>: the sum of each item’s weight × 0.5<sup>age in days / {HALF_LIFE_DAYS}</sup>.
          </p>
          <h2>By community</h2>
          <ul>
            {p.item.communities.map((c) => (
              <li>
                <a href={`/c/${c.communitySlug}`}>{c.communityName}</a>: {c.score}
              </li>
            ))}
          </ul>
          <h2>Evidence</h2>
          <EvidenceList items={p.item.evidence} />
        </>
      )}
    </>
  );
}
