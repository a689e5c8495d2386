import { Avatar, EmptyState, TimeAgo } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import { activityPhrase, FormBadges, TagList, ViewerActions } from './community.components.tsx';
import type { CommunityDetailT } from './communities.schema.ts';

function Header({ ctx, c }: { ctx: ViewContext; c: CommunityDetailT }) {
  return (
    <header class="community-header">
      <h1>{c.name}</h1>
      <p class="community-domain">{c.domainStatement}</p>
      <FormBadges c={c} />
      <TagList tags={c.tags} />
      <ViewerActions ctx={ctx} c={c} />
    </header>
  );
}

function Topics({ c }: { c: CommunityDetailT }) {
  const topics = c.latestTopics ?? [];
  const member = c.viewer.role !== null;
  return (
    <section aria-labelledby="topics-h">
      <div class="community-heading">
        <h2 id="topics-h">Latest discussions</h2>
        {member && (
          <a class="button button--small" href={`/c/${c.slug}/t/new`}>
            Start a discussion
          </a>
        )}
      </div>
      {topics.length === 0 ? (
        <EmptyState title="No discussions yet — start the first one">{member ? <a href={`/c/${c.slug}/t/new`}>Start a discussion</a> : <p>Members can start discussions here.</p>}</EmptyState>
      ) : (
        <ul class="topic-list">
          {topics.map((t) => (
            <li>
              <div>
                <a class="topic-title" href={`/c/${c.slug}/t/${t.id}`}>
                  {t.title}
                </a>
                <p class="meta">
                  {t.solved && <span class="badge badge--solved">Solved</span>} {t.kind === 'question' ? 'Question' : 'Discussion'} by {t.author.displayName} ·{' '}
                  {t.kind === 'question' ? (t.answerCount === 1 ? '1 answer' : `${t.answerCount} answers`) : t.replyCount === 1 ? '1 reply' : `${t.replyCount} replies`} · last post <TimeAgo at={t.lastPostedAt} />
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {topics.length > 0 && (
        <p>
          <a href={`/c/${c.slug}/topics`}>All topics</a> · <a href={`/c/${c.slug}/topics?view=unanswered`}>Unanswered</a> · <a href={`/c/${c.slug}/topics?view=solved`}>Solved</a> · <a href={`/c/${c.slug}/tags`}>Tags</a>
        </p>
      )}
    </section>
  );
}

type Place = [href: string, name: string, what: string];

/** A titled list of where things live in the community, each with a line saying what it holds. */
function Places({ id, title, places }: { id: string; title: string; places: Place[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="knowledge-places">
        {places.map(([href, name, what]) => (
          <li>
            <a href={href}>{name}</a> — {what}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where to find the community's people: who knows what, how they connect, mentoring. */
function People({ c, leaderboard }: { c: CommunityDetailT; leaderboard: boolean }) {
  const places: Place[] = [
    [`/experts?community=${encodeURIComponent(c.slug)}`, 'Find an expert', 'who knows what, from what they have done'],
    [`/c/${c.slug}/network`, 'Network', 'who works with whom, and who connects separate groups'],
    ...(leaderboard ? [[`/c/${c.slug}/leaderboard`, 'Leaderboard', 'reputation earned here'] as Place] : []),
    ['/mentors', 'Mentors', 'people offering to mentor, and their free places'],
  ];
  return <Places id="people-h" title="People" places={places} />;
}

/** The community's shared repertoire: where each kind of knowledge lives. */
function Knowledge({ c }: { c: CommunityDetailT }) {
  const base = `/c/${c.slug}`;
  const places: Place[] = [
    [`${base}/articles`, 'Articles', 'how-tos, best practices, decision records and references'],
    [`${base}/stories`, 'Stories', 'what happened, what we did and what we learned'],
    [`${base}/glossary`, 'Glossary', 'the words this community uses'],
    [`${base}/collections`, 'Collections', 'reading lists and playbooks'],
    [`${base}/files`, 'Files', 'documents, images and artifacts attached to posts and articles'],
    [`${base}/knowledge/export`, 'Export', 'all of it as Markdown files'],
  ];
  return <Places id="knowledge-h" title="Knowledge" places={places} />;
}

/** How the community is doing: its health dashboards and the value its members report. */
function Health({ c }: { c: CommunityDetailT }) {
  const base = `/c/${c.slug}`;
  const places: Place[] = [
    [`${base}/health`, 'Health', 'activity, responsiveness, participation, newcomers, knowledge at risk and its lifecycle stage'],
    [`${base}/value-stories`, 'Value stories', 'what taking part changed for members, in their words'],
    [`${base}/health/report`, 'Sponsor report', 'a printable summary of the value it creates'],
  ];
  return <Places id="health-h" title="Health and value" places={places} />;
}

function Activity({ c }: { c: CommunityDetailT }) {
  const items = c.recentActivity ?? [];
  return (
    <section aria-labelledby="activity-h">
      <h2 id="activity-h">Recent activity</h2>
      {items.length === 0 ? (
        <EmptyState title="Nothing has happened here yet" />
      ) : (
        <ul class="community-activity">
          {items.map((a) => (
            <li>
              {a.actor ? <a href={`/u/${a.actor.username}`}>{a.actor.displayName}</a> : 'Someone'} {activityPhrase(a.verb)} · <TimeAgo at={a.createdAt} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function About({ c }: { c: CommunityDetailT }) {
  const v = c.viewer;
  return (
    <aside class="card community-about" aria-labelledby="about-h">
      <h2 id="about-h">About</h2>
      <dl class="community-facts">
        <dt>Members</dt>
        <dd>
          <a href={`/c/${c.slug}/members`}>{c.memberCount === 1 ? '1 member' : `${c.memberCount} members`}</a>
        </dd>
        {c.sponsor && (
          <>
            <dt>Sponsor</dt>
            <dd>{c.sponsor}</dd>
          </>
        )}
        {c.locality === 'local' && (
          <>
            <dt>Location</dt>
            <dd>{c.location}</dd>
          </>
        )}
        {v.role && (
          <>
            <dt>Your role</dt>
            <dd>{v.role}</dd>
          </>
        )}
      </dl>
      <h3>Stewards</h3>
      <ul class="community-people">
        {(c.stewards ?? []).map((s) => (
          <li class="person">
            <Avatar name={s.displayName} size="sm" /> <a href={`/u/${s.username}`}>{s.displayName}</a>
          </li>
        ))}
      </ul>
      {(v.canEdit || v.canManageMembers) && (
        <ul class="community-manage">
          {v.canEdit && <li><a href={`/c/${c.slug}/edit`}>Edit community</a></li>}
          {v.role === 'steward' && <li><a href={`/c/${c.slug}/settings/knowledge`}>Knowledge settings</a></li>}
          {v.role === 'steward' && <li><a href={`/c/${c.slug}/settings/routing`}>Question routing settings</a></li>}
          {v.role === 'steward' && <li><a href={`/c/${c.slug}/leaderboard/settings`}>Leaderboard settings</a></li>}
          {v.canManageMembers && <li><a href={`/c/${c.slug}/members`}>Manage members and invite</a></li>}
          {v.canManageMembers && <li><a href={`/c/${c.slug}/requests`}>Join requests</a></li>}
        </ul>
      )}
    </aside>
  );
}

/**
 * A community's home. Readers get the description, discussions, activity and the about box; people
 * who may only see a private community get its header and their join/request/invitation state.
 */
export function CommunityHomePage({ ctx, c, leaderboard = false }: { ctx: ViewContext; c: CommunityDetailT; leaderboard?: boolean }) {
  if (!c.viewer.canRead) {
    return (
      <>
        <Header ctx={ctx} c={c} />
        <p class="notice">This community is private: its discussions and members are visible to members only.</p>
      </>
    );
  }
  return (
    <>
      <Header ctx={ctx} c={c} />
      <div class="layout-sidebar">
        <div>
          {c.description && (
            <section class="prose community-description" aria-label="Description">
              <p>{c.description}</p>
            </section>
          )}
          <Topics c={c} />
          <Knowledge c={c} />
          <People c={c} leaderboard={leaderboard} />
          <Health c={c} />
          <Activity c={c} />
        </div>
        <About c={c} />
      </div>
    </>
  );
}
