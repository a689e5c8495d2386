import type { DemoTopic } from './demo.types.ts';

/** Discussions and questions of the Data Engineering Practice. */
export const dataTopics: DemoTopic[] = [
  {
    community: 'data-engineering',
    kind: 'question',
    title: 'How are you handling late-arriving events in the daily aggregates?',
    author: 'diego',
    daysAgo: 30,
    body:
      'Scanner events from the warehouses sometimes arrive two or three days late when a site loses connectivity. ' +
      'Our daily shipment totals are computed at 02:00 UTC and never revisited, so the numbers for those days stay too low. ' +
      'Do you reprocess a window, or is there a better pattern?',
    replies: [
      {
        author: 'meilin',
        hoursLater: 6,
        body:
          'We reprocess a trailing window. The orders aggregates rebuild the last 7 days on every run, keyed on the event date, ' +
          'not the arrival date. It costs a little more compute but the totals converge without anyone noticing. ' +
          'Pick the window from data: measure how late your events actually arrive and take the 99.9th percentile plus a margin.',
      },
      {
        author: 'hannah',
        hoursLater: 11,
        body:
          'Worth also storing the arrival time on each event. Then you can report "this day is still settling" in the dashboard ' +
          'for the days inside the window, which saves a lot of confused questions from finance.',
      },
      {
        author: 'diego',
        hoursLater: 52,
        body:
          'Measured it: 99.9% arrive within 52 hours. We now rebuild a 4-day window and the dashboard marks the last 3 days as provisional. Thanks both.',
      },
    ],
  },
  {
    community: 'data-engineering',
    kind: 'discussion',
    title: 'Proposal: data contracts for the orders pipeline',
    author: 'meilin',
    daysAgo: 21,
    body:
      'Twice this quarter a change in the orders service silently broke downstream tables (a renamed field, then a currency ' +
      'column that switched from cents to units). I would like to try data contracts on this one pipeline:\n\n' +
      '- The producing team owns a schema file for each event, versioned in their repository.\n' +
      '- A check in their CI fails when a change would break the contract (removed or retyped fields).\n' +
      '- Breaking changes get a new version and a deprecation period agreed with consumers.\n\n' +
      'Before I write it up properly: who has tried this, and what went wrong?',
    replies: [
      {
        author: 'nadia',
        hoursLater: 8,
        body:
          'From the security side, please include a classification on each field (public, internal, personal). ' +
          'It would let us find personal data in the warehouse without a manual hunt every audit.',
      },
      {
        author: 'diego',
        hoursLater: 27,
        body:
          'We did something similar for the streaming platform. What went wrong: the contract check ran only on the producer side, ' +
          'and a consumer started depending on a field that was never in the contract. Put the consumers\' expectations in CI too.',
      },
      {
        author: 'ines',
        hoursLater: 49,
        body: 'Happy to pilot this with the portal team as the producer of the returns events. Small and well understood.',
      },
    ],
  },
  {
    community: 'data-engineering',
    kind: 'question',
    title: 'What is a sensible way to test dbt models beyond not_null and unique?',
    author: 'hannah',
    daysAgo: 9,
    body:
      'Most of our models have not_null and unique on the key and nothing else. The bugs we actually ship are wrong joins ' +
      'that double rows, and filters that drop a whole category. What tests have caught real problems for you?',
    replies: [
      {
        author: 'meilin',
        hoursLater: 4,
        body:
          'Three that earn their keep for us: row count of the model compared with its main source (within a tolerance), ' +
          'sum of an amount column compared with the source (catches double counting from fan-out joins), and ' +
          'accepted_values on category columns so that a new category fails loudly instead of disappearing.',
      },
      {
        author: 'tom',
        hoursLater: 28,
        body:
          'Not dbt-specific, but small fixed input datasets with expected outputs have been worth it for the tricky models. ' +
          'Ten hand-written rows that cover the edge cases beat a thousand production rows nobody has looked at.',
      },
    ],
  },
];
