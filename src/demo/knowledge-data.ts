/** The demo's knowledge repository: articles and glossary terms, written for Guildhall's demo. */

export interface DemoArticle {
  community: string;
  author: string;
  owners?: string[];
  type: 'how-to' | 'best-practice' | 'decision-record' | 'story' | 'reference';
  state: 'draft' | 'proposed' | 'endorsed';
  title: string;
  tags: string[];
  wiki?: boolean;
  daysAgo: number;
  /** For an endorsed article: the steward (not an owner) whose endorsement endorsed it. */
  endorsedBy?: string;
  body: string;
}

export interface DemoTerm {
  community: string;
  owner: string;
  term: string;
  synonyms: string[];
  definition: string;
  daysAgo: number;
}

export const demoArticles: DemoArticle[] = [
  {
    community: 'accessibility-guild',
    author: 'amara',
    owners: ['grace'],
    type: 'best-practice',
    state: 'endorsed',
    endorsedBy: 'demo',
    title: 'Test every modal dialog with the keyboard before review',
    tags: ['dialogs', 'keyboard', 'testing'],
    daysAgo: 20,
    body: `Before a pull request with a modal dialog goes to review, open the dialog with the keyboard alone and check five things.

1. **Focus moves into the dialog** when it opens — to the first field, or to the heading when the dialog only informs.
2. **Tab and Shift+Tab stay inside** the dialog while it is open.
3. **Escape closes it**, unless closing would lose work; then Escape asks first.
4. **Focus returns** to the control that opened the dialog.
5. **The dialog has a name**: \`aria-labelledby\` pointing at its visible heading.

## Why this is a best practice

Three of the last five accessibility bugs our users reported were dialogs that trapped or lost focus. The check takes two minutes and needs no tools.

## See also

The question "How do we test focus order in modal dialogs?" in this community has the discussion that led here.`,
  },
  {
    community: 'accessibility-guild',
    author: 'grace',
    type: 'how-to',
    state: 'proposed',
    title: 'Check a page with a screen reader in ten minutes',
    tags: ['screen-readers', 'testing'],
    wiki: true,
    daysAgo: 9,
    body: `A first pass that finds most of the serious problems, with NVDA on Windows or VoiceOver on a Mac.

## Set up

- NVDA: install it, start it with Ctrl+Alt+N. VoiceOver: Cmd+F5.
- Use the browser most of our users use (see the analytics dashboard).

## The ten minutes

1. List the headings (NVDA: Insert+F7; VoiceOver: rotor with VO+U). Do they outline the page?
2. List the landmarks. Is there exactly one \`main\`?
3. Tab through every control. Does each one say what it is and what it does?
4. Submit a form with a mistake. Is the error read out, and can you get to it?

Write down what you found in the team's checklist thread.`,
  },
  {
    community: 'data-engineering',
    author: 'hannah',
    owners: ['rahul'],
    type: 'decision-record',
    state: 'endorsed',
    endorsedBy: 'meilin',
    title: 'ADR 7: late events go to a correction table, not back into the daily partition',
    tags: ['streaming', 'late-data'],
    daysAgo: 30,
    body: `## Status

Accepted.

## Context

Up to 2% of order events arrive more than six hours late. Rewriting yesterday's partition when they arrive made the daily aggregates change under the finance team's feet.

## Decision

Late events are written to \`orders_corrections\`. The daily aggregate is final at 06:00 UTC; a weekly job folds corrections into a corrected view.

## Consequences

- Finance reports are stable once published.
- Anyone who needs exact figures reads the corrected view, which is up to a week behind.
- The correction table needs its own retention rule (90 days).`,
  },
  {
    community: 'data-engineering',
    author: 'rahul',
    type: 'how-to',
    state: 'draft',
    title: 'Write a dbt test for a business rule',
    tags: ['dbt', 'testing'],
    daysAgo: 4,
    body: `Generic tests (\`not_null\`, \`unique\`) check shape. Business rules need a singular test: a query that returns the rows that break the rule.

\`\`\`sql
-- tests/orders_total_matches_lines.sql
select o.order_id
from {{ ref('orders') }} o
join {{ ref('order_lines') }} l using (order_id)
group by o.order_id, o.total
having abs(o.total - sum(l.amount)) > 0.01
\`\`\`

The test passes when the query returns no rows.`,
  },
  {
    community: 'incident-review',
    author: 'nadia',
    type: 'story',
    state: 'endorsed',
    endorsedBy: 'rahul',
    title: 'The night the checkout latency doubled',
    tags: ['latency', 'checkout'],
    daysAgo: 15,
    body: `## Context

A Tuesday release moved session storage to a new cache cluster. Nothing looked wrong in staging.

## Challenge

At 21:40 checkout p99 latency went from 400 ms to 900 ms, only for customers in one region. Dashboards showed the cache as healthy.

## What we did

We compared traces from the slow region with a fast one and saw every checkout call make two cache round trips across regions. We routed the region back to its local cache while we found the cause: a default replica setting.

## What happened

Latency was back to normal at 22:25. No orders were lost; about 300 customers waited longer than usual.

## Lesson

A healthy dashboard can hide a slow path. When latency moves for one region only, compare traces between regions before looking at capacity.`,
  },
  {
    community: 'lisbon-makers',
    author: 'lucas',
    owners: ['pedro'],
    type: 'reference',
    state: 'endorsed',
    endorsedBy: 'joao',
    title: 'Filament cheat sheet for outdoor parts',
    tags: ['3d-printing', 'materials'],
    wiki: true,
    daysAgo: 12,
    body: `| Filament | Sun (UV) | Heat | Notes |
|---|---|---|---|
| PLA | poor | softens at 55 °C | fine indoors only |
| PETG | good | 70 °C | easy to print, our default |
| ASA | very good | 95 °C | needs the enclosure and ventilation |

Add what you learn: this page is a wiki.`,
  },
];

export const demoTerms: DemoTerm[] = [
  { community: 'accessibility-guild', owner: 'amara', term: 'Focus trap', synonyms: ['focus trapping'], definition: 'Keeping keyboard focus inside a component (such as a modal dialog) while it is open, so Tab cannot reach the page behind it.', daysAgo: 25 },
  { community: 'accessibility-guild', owner: 'grace', term: 'Landmark', synonyms: ['landmarks'], definition: 'A region of a page that assistive technology can jump to: `main`, `nav`, `header`, `footer`, and so on.', daysAgo: 22 },
  { community: 'accessibility-guild', owner: 'amara', term: 'WCAG', synonyms: [], definition: 'The Web Content Accessibility Guidelines, the W3C standard our work is measured against (level AA).', daysAgo: 40 },
  { community: 'data-engineering', owner: 'meilin', term: 'Late event', synonyms: ['late-arriving event', 'late data'], definition: 'An event that reaches the pipeline after the window it belongs to was closed.', daysAgo: 31 },
  { community: 'data-engineering', owner: 'hannah', term: 'Data contract', synonyms: ['data contracts'], definition: 'An agreement between a producing team and its consumers on a dataset’s schema, meaning and freshness, checked in CI.', daysAgo: 28 },
  { community: 'incident-review', owner: 'rahul', term: 'Blameless review', synonyms: ['blameless'], definition: 'A review of an incident that looks for how the system let it happen, not for whom to blame.', daysAgo: 35 },
  { community: 'incident-review', owner: 'nadia', term: 'p99', synonyms: ['p99 latency'], definition: 'The latency that 99% of requests stay under.', daysAgo: 16 },
  { community: 'lisbon-makers', owner: 'joao', term: 'PETG', synonyms: [], definition: 'A tough, weather-resistant filament that prints almost as easily as PLA.', daysAgo: 13 },
];

/** A reading list: articles (by title) and topics (by title) of one community, in order. */
export interface DemoCollection {
  community: string;
  owner: string;
  title: string;
  description: string;
  items: Array<{ article?: string; topic?: string; note?: string }>;
  daysAgo: number;
}

export const demoCollections: DemoCollection[] = [
  {
    community: 'accessibility-guild',
    owner: 'grace',
    title: 'Starter kit: your first accessibility review',
    description: 'Read these in order before you review your first pull request for accessibility.',
    items: [
      { article: 'Check a page with a screen reader in ten minutes', note: 'Start here: ten minutes, no setup beyond a screen reader.' },
      { article: 'Test every modal dialog with the keyboard before review' },
      { topic: 'How do we test focus order in modal dialogs?', note: 'The discussion behind the practice.' },
    ],
    daysAgo: 6,
  },
];
