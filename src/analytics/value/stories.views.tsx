import { Breadcrumbs, EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { FieldIssue } from '../../core/http/errors.ts';
import type { ViewContext } from '../../core/views/context.ts';
import type { StoryLink, ValueStory } from './stories.store.ts';
import { CYCLE_TEXT, type ValueCycle, type ValueKind } from './value.measures.ts';

interface Community {
  slug: string;
  name: string;
}

const listHref = (c: Community) => `/c/${c.slug}/value-stories`;

function Breadcrumb({ community }: { community: Community }) {
  return <Breadcrumbs community={community} trail={[{ href: listHref(community), label: 'Value stories' }]} />;
}

/** The cycles a story reaches, as badges. */
export function CycleBadges({ cycles }: { cycles: readonly ValueCycle[] }) {
  return (
    <ul class="topic-tags" aria-label="Value cycles reached">
      {cycles.map((c) => (
        <li class="badge">{CYCLE_TEXT[c].label}</li>
      ))}
    </ul>
  );
}

/** A community's value-creation stories, newest first, with a call to record the first when there are none. */
export function StoryListPage(p: { community: Community; items: ValueStory[]; nextHref: string | null; canWrite: boolean }) {
  const base = listHref(p.community);
  return (
    <>
      <Breadcrumb community={p.community} />
      <div class="community-heading">
        <h1>Value stories of {p.community.name}</h1>
        {p.canWrite && (
          <a class="button button--small" href={`${base}/new`}>
            Record a story
          </a>
        )}
      </div>
      <p class="meta">
        What taking part gave members, what they did differently and what difference it made. <a href={`/c/${p.community.slug}/health/value`}>See the value matrix</a>.
      </p>
      {p.items.length === 0 ? (
        <EmptyState title="No value stories yet — record the first">
          {p.canWrite ? <a href={`${base}/new`}>Record a value story</a> : <p>Members can record stories of the value this community created for them.</p>}
        </EmptyState>
      ) : (
        <ul class="topic-list">
          {p.items.map((s) => (
            <li>
              <div>
                <a class="topic-title" href={`${base}/${s.id}`}>
                  {s.title}
                </a>
                <p class="meta">
                  by {s.author.displayName} · <TimeAgo at={s.createdAt} />
                </p>
                <CycleBadges cycles={s.cycles} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

const PROMPTS = [
  ['happened', 'What happened in the community'],
  ['gained', 'What it gave me'],
  ['applied', 'What I did differently'],
  ['realized', 'What difference it made'],
  ['reframing', 'What it changed in how we define success'],
] as const;

/** One story: its prompts in order, its cycles and links, with edit and delete for who may. */
export function StoryPage(p: { ctx: ViewContext; community: Community; story: ValueStory; links: StoryLink[]; canEdit: boolean; canDelete: boolean }) {
  const base = `${listHref(p.community)}/${p.story.id}`;
  const s = p.story;
  return (
    <>
      <Breadcrumb community={p.community} />
      <article class="value-story" aria-labelledby="story-title">
        <h1 id="story-title">{s.title}</h1>
        <p class="meta">
          Value story by <a href={`/u/${s.author.username}`}>{s.author.displayName}</a> · <TimeAgo at={s.createdAt} />
          {s.updatedAt !== s.createdAt && ' · edited'}
        </p>
        <CycleBadges cycles={s.cycles} />
        {PROMPTS.filter(([k]) => s[k] !== '').map(([k, heading]) => (
          <section>
            <h2>
              {heading}
              {k === 'gained' && <span class="meta"> ({kindText[s.valueKind]})</span>}
            </h2>
            <div class="prose">
              {paragraphs(s[k]).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          </section>
        ))}
        <section>
          <h2>Linked threads, articles and events</h2>
          {p.links.length === 0 ? (
            <p>No links.</p>
          ) : (
            <ul>
              {p.links.map((l) => (
                <li>
                  {l.url ? <a href={l.url}>{l.title}</a> : l.title} <span class="badge">{l.type === 'topic' ? 'thread' : l.type}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {p.canEdit && (
          <p class="actions">
            <a class="button button--small" href={`${base}/edit`}>
              Edit
            </a>
          </p>
        )}
      </article>
      {p.canDelete && (
        <PostForm ctx={p.ctx} action={`${base}/delete`} aria-label="Delete this story">
          <button class="button button--small button--danger" type="submit">
            Delete this story
          </button>
        </PostForm>
      )}
    </>
  );
}

/** Plain text as paragraphs: blank lines separate them (stories are not Markdown). */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);

const kindText: Record<ValueKind, string> = { immediate: 'immediate value', potential: 'potential value', both: 'immediate and potential value' };

/** What the story form holds (links as the text typed). */
export interface StoryFormValues {
  title: string;
  happened: string;
  gained: string;
  valueKind: string;
  applied: string;
  realized: string;
  reframing: string;
  topics: string;
  articles: string;
}

/** The record-a-story and edit-story form: the four prompts, the optional reframing, the value kind and links. */
export function StoryFormPage(p: { ctx: ViewContext; community: Community; values: StoryFormValues; issues: FieldIssue[]; action: string; heading: string; maxTitle: number }) {
  const kindIssue = p.issues.find((i) => i.field === 'valueKind');
  return (
    <>
      <Breadcrumb community={p.community} />
      <h1>{p.heading}</h1>
      <p>Tell it in your own words. The cycles your story reaches follow from the prompts you answer.</p>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={p.action} aria-label={p.heading}>
        <Field name="title" label="Title" value={p.values.title} issues={p.issues} required maxLength={p.maxTitle} />
        <Field name="happened" label="What happened in the community?" value={p.values.happened} issues={p.issues} required multiline rows={4} hint="The thread, meeting, answer or conversation: what took place." />
        <Field name="gained" label="What did it give you?" value={p.values.gained} issues={p.issues} required multiline rows={4} hint="An answer, an idea, a contact, confidence, a document to reuse…" />
        <fieldset class={kindIssue ? 'field--error' : undefined} id="f-valueKind" aria-describedby={kindIssue ? 'f-valueKind-error' : undefined}>
          <legend>Was that value now, or for later?</legend>
          {kindIssue && (
            <p class="field__error" id="f-valueKind-error">
              {kindIssue.message}
            </p>
          )}
          {(
            [
              ['immediate', 'Now: it helped me right away (immediate value)'],
              ['potential', 'Later: something I can draw on in future (potential value)'],
              ['both', 'Both'],
            ] as const
          ).map(([v, label]) => (
            <div class="radio">
              <input type="radio" id={`f-valueKind-${v}`} name="valueKind" value={v} checked={(p.values.valueKind || 'immediate') === v} />
              <label for={`f-valueKind-${v}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <Field name="applied" label="What did you do differently because of it?" value={p.values.applied} issues={p.issues} multiline rows={3} hint="Answering this makes the story reach applied value." />
        <Field name="realized" label="What difference did it make?" value={p.values.realized} issues={p.issues} multiline rows={3} hint="Time saved, a problem avoided, a better result: this reaches realized value." />
        <Field name="reframing" label="Did it change how you or your team define success?" value={p.values.reframing} issues={p.issues} multiline rows={3} hint="Reframing value: new goals, criteria or ways of working." />
        <Field name="topics" label="Threads it came from" value={p.values.topics} issues={p.issues} multiline rows={2} hint="Paste thread links or numbers, one per line." />
        <Field name="articles" label="Articles it used or produced" value={p.values.articles} issues={p.issues} multiline rows={2} hint="Paste article links or numbers, one per line. Events can be linked once the calendar arrives." />
        <button class="button" type="submit">
          Save the story
        </button>
      </PostForm>
    </>
  );
}
