import type { DemoCommunity } from './demo.types.ts';

/** Four communities of different forms: formal and informal, distributed and local, public and private. */
export const demoCommunities: DemoCommunity[] = [
  {
    slug: 'accessibility-guild',
    name: 'Accessibility Guild',
    domainStatement: 'We make Northwind products usable by everyone, whatever their body, senses or tools.',
    description:
      'The guild brings together designers, developers, testers and researchers who care about accessibility. ' +
      'We review components before they ship, share how we test with assistive technology, and keep a living checklist ' +
      'for the teams. Office hours every other Thursday; everyone is welcome, no expertise needed.',
    formality: 'formal',
    sponsor: 'Olivia Brandt, VP Engineering',
    locality: 'distributed',
    location: '',
    visibility: 'public',
    joinPolicy: 'open',
    tags: ['accessibility', 'wcag', 'design-systems', 'testing'],
    createdDaysAgo: 50,
    members: [
      { username: 'amara', role: 'steward' },
      { username: 'demo', role: 'steward' },
      { username: 'grace', role: 'moderator' },
      { username: 'sofia', role: 'member' },
      { username: 'tom', role: 'member' },
      { username: 'ines', role: 'member' },
      { username: 'olivia', role: 'member' },
      { username: 'sam', role: 'member' },
      { username: 'hannah', role: 'member' },
    ],
  },
  {
    slug: 'data-engineering',
    name: 'Data Engineering Practice',
    domainStatement: 'We build data pipelines the rest of the company can trust, and we get better at it together.',
    description:
      'A practice for the people who move, model and test data at Northwind. We agree on conventions (naming, ' +
      'contracts, testing), review designs for new pipelines, and write down what we learn from the ones that broke. ' +
      'Membership is by request so that the design reviews stay focused; say a line about what you work on.',
    formality: 'formal',
    sponsor: 'Office of the CTO',
    locality: 'distributed',
    location: '',
    visibility: 'public',
    joinPolicy: 'approval',
    tags: ['data', 'pipelines', 'dbt', 'streaming', 'data-quality'],
    createdDaysAgo: 48,
    members: [
      { username: 'meilin', role: 'steward' },
      { username: 'hannah', role: 'moderator' },
      { username: 'diego', role: 'member' },
      { username: 'rahul', role: 'member' },
      { username: 'ines', role: 'member' },
      { username: 'nadia', role: 'member' },
      { username: 'tom', role: 'member' },
    ],
    pendingRequests: [
      { username: 'sam', message: 'Support builds a lot of ad-hoc reports from the orders tables; I would like to learn to do it properly.' },
    ],
  },
  {
    slug: 'lisbon-makers',
    name: 'Lisbon Makers',
    domainStatement: 'People in and around the Lisbon office who like building physical things.',
    description:
      'An informal group that meets on the first Wednesday of the month in the workshop on the ground floor. ' +
      '3D printing, electronics, woodwork, repairs. Bring a project, a broken thing, or just curiosity. ' +
      'Posts here are in English so colleagues elsewhere can follow along.',
    formality: 'informal',
    sponsor: '',
    locality: 'local',
    location: 'Lisbon, Portugal',
    visibility: 'public',
    joinPolicy: 'open',
    tags: ['making', 'electronics', '3d-printing', 'lisbon'],
    createdDaysAgo: 46,
    members: [
      { username: 'joao', role: 'steward' },
      { username: 'lucas', role: 'moderator' },
      { username: 'sofia', role: 'member' },
      { username: 'pedro', role: 'member' },
      { username: 'ines', role: 'member' },
      { username: 'demo', role: 'member' },
    ],
  },
  {
    slug: 'incident-review',
    name: 'Incident Review Circle',
    domainStatement: 'A safe place to look closely at what went wrong, so that it goes right next time.',
    description:
      'A small, private circle of people who run and support production systems. We walk through incidents in detail, ' +
      'including the uncomfortable parts, and turn what we learn into changes. What is said here stays here; ' +
      'published write-ups go to the engineering wiki once everyone named in them has read them.',
    formality: 'informal',
    sponsor: '',
    locality: 'distributed',
    location: '',
    visibility: 'private',
    joinPolicy: 'invite',
    tags: ['incidents', 'postmortems', 'reliability', 'on-call'],
    createdDaysAgo: 44,
    members: [
      { username: 'rahul', role: 'steward' },
      { username: 'nadia', role: 'moderator' },
      { username: 'diego', role: 'member' },
      { username: 'sam', role: 'member' },
      { username: 'meilin', role: 'member' },
      { username: 'tom', role: 'member' },
    ],
    pendingInvitations: ['demo'],
  },
];
