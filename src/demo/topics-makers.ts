import type { DemoTopic } from './demo.types.ts';

/** Discussions and questions of Lisbon Makers. */
export const makersTopics: DemoTopic[] = [
  {
    community: 'lisbon-makers',
    kind: 'discussion',
    title: 'Workshop night in December: what should we build?',
    author: 'joao',
    daysAgo: 18,
    body:
      'The December session falls on the 3rd. Last time the soldering kits were popular, so ideas for something a bit ' +
      'bigger that people can finish in an evening and take home. Suggestions so far: a plant moisture sensor, ' +
      'a wooden phone stand, repairing the office coffee grinder (again).',
    replies: [
      {
        author: 'lucas',
        hoursLater: 2,
        body: 'Plant sensor gets my vote. I have twenty capacitive sensor boards left over from a prototype, and the microcontrollers are cheap.',
      },
      {
        author: 'sofia',
        hoursLater: 5,
        body: 'Plant sensor too, if someone can help the software people with the soldering part. I will bring snacks.',
      },
      {
        author: 'pedro',
        hoursLater: 30,
        body: 'I can design a small printed case for the sensor so it survives being watered. Will have a test print by next week.',
      },
      {
        author: 'joao',
        hoursLater: 75,
        body: 'Plant sensor it is. Sign-up sheet is on the workshop door; twenty places, first come first served.',
      },
    ],
  },
  {
    community: 'lisbon-makers',
    kind: 'question',
    title: 'Which filament for parts that sit outside in the sun?',
    author: 'pedro',
    daysAgo: 14,
    body:
      'I printed a bracket for the weather station on the terrace in PLA and it sagged within a month of Lisbon summer. ' +
      'What do people use for outdoor parts? The printer in the workshop has an enclosure.',
    replies: [
      {
        author: 'joao',
        hoursLater: 7,
        body:
          'ASA is the usual answer: it handles heat and UV far better than PLA or PETG. It needs the enclosure and good ventilation, ' +
          'so print it when the room is empty or with the extractor on.',
      },
      {
        author: 'lucas',
        hoursLater: 9,
        body: 'PETG works for a season or two if you paint it, but I would not trust it for anything load-bearing in direct sun.',
      },
    ],
  },
  {
    community: 'lisbon-makers',
    kind: 'discussion',
    title: 'Soldering station etiquette (please read)',
    author: 'lucas',
    daysAgo: 2,
    body:
      'A few reminders so the bench stays usable for everyone:\n\n' +
      '- Switch the irons off when you leave, even for ten minutes.\n' +
      '- Tin the tip before you put it back in the stand; it is what keeps the tips alive.\n' +
      '- The fume extractor goes on before the iron does.\n' +
      '- Broken or missing tools: post here and I will replace them.',
    replies: [
      {
        author: 'ines',
        hoursLater: 3,
        body: 'Could we get a small sign with these next to the bench? Not everyone who uses it reads Guildhall.',
      },
    ],
  },
];
