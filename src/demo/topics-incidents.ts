import type { DemoTopic } from './demo.types.ts';

/** Discussions and questions of the (private) Incident Review Circle. */
export const incidentTopics: DemoTopic[] = [
  {
    community: 'incident-review',
    kind: 'discussion',
    title: 'Review: checkout latency spike on 3 November',
    author: 'rahul',
    daysAgo: 23,
    body:
      'Summary: for 41 minutes checkout requests took 8–12 seconds at the 95th percentile. No data was lost; about 6% of ' +
      'customers gave up and came back later.\n\n' +
      'Timeline in short: a routine index rebuild on the orders database started at 14:02 UTC, the connection pool filled ' +
      'at 14:09, alerts fired at 14:17, the rebuild was stopped at 14:43.\n\n' +
      'What I would like us to look at: why the alert took eight minutes, and why a routine job could run during peak hours at all.',
    replies: [
      {
        author: 'diego',
        hoursLater: 3,
        body:
          'The eight minutes: the latency alert uses a 10-minute window so that it does not page on single slow requests. ' +
          'A second, faster alert on pool saturation would have fired at 14:10. I can add it this week.',
      },
      {
        author: 'sam',
        hoursLater: 5,
        body:
          'From support: the first customer ticket came in at 14:12, before the alert. It would help if support had a ' +
          'way to page on-call directly when several tickets describe the same thing.',
      },
      {
        author: 'nadia',
        hoursLater: 24,
        body:
          'On the job timing: the rebuild was scheduled by a script that predates the maintenance window policy. ' +
          'I found two more scripts like it. Proposal: scheduled jobs against production databases go through the job runner, which knows the window.',
      },
      {
        author: 'rahul',
        hoursLater: 50,
        body: 'Actions agreed: saturation alert (Diego), support paging route (Sam), move the three scripts to the job runner (Nadia). Review again in four weeks.',
      },
    ],
  },
  {
    community: 'incident-review',
    kind: 'question',
    title: 'How do we keep a review blameless when one change clearly caused the outage?',
    author: 'sam',
    daysAgo: 11,
    body:
      'In last week\'s review everyone knew whose deploy it was, and the conversation kept drifting back to that person. ' +
      'How do you steer it without pretending nobody made the change?',
    replies: [
      {
        author: 'rahul',
        hoursLater: 4,
        body:
          'Name the change, not the person, and ask questions about the system around it: what made this change look safe? ' +
          'What would have told us earlier that it was not? If one deploy can take checkout down, that is a property of our system.',
      },
      {
        author: 'tom',
        hoursLater: 8,
        body:
          'It also helps if the person who made the change tells the story first, in their own words, before anyone else. ' +
          'It sets the tone, and they usually know the most about why it looked fine.',
      },
      {
        author: 'nadia',
        hoursLater: 27,
        body: 'And talk to them before the meeting. Nobody should walk into a review not knowing it is about their change.',
      },
    ],
  },
  {
    community: 'incident-review',
    kind: 'discussion',
    title: 'Template for incident write-ups, version 2',
    author: 'nadia',
    daysAgo: 6,
    body:
      'I have shortened the template after feedback that nobody filled in half of it. Sections now: summary (three sentences), ' +
      'impact (who and how long), timeline, what helped, what got in the way, actions with owners. ' +
      'Dropped "root cause": it kept pushing us towards a single cause where there were several.',
    replies: [
      {
        author: 'meilin',
        hoursLater: 10,
        body: '"What helped" is a good addition. We rarely write down the things that made recovery faster, and then we lose them.',
      },
    ],
  },
];
