import type { DemoTopic } from './demo.types.ts';

/** Discussions and questions of the Accessibility Guild. */
export const accessibilityTopics: DemoTopic[] = [
  {
    community: 'accessibility-guild',
    kind: 'question',
    title: 'How do we test focus order in modal dialogs?',
    author: 'sofia',
    daysAgo: 33,
    body:
      'We are rebuilding the "Edit delivery address" dialog in the portal. I know focus should move into the dialog ' +
      'when it opens and stay there, but I am not sure what to check beyond that, or how to test it without clicking ' +
      'through by hand every release. What does your checklist look like?',
    replies: [
      {
        author: 'amara',
        hoursLater: 3,
        body:
          'The checks I do every time:\n\n' +
          '1. On open, focus lands on the first useful control (or the dialog heading if the content needs reading first).\n' +
          '2. Tab and Shift+Tab cycle inside the dialog and never reach the page behind it.\n' +
          '3. Escape closes it.\n' +
          '4. On close, focus returns to the button that opened it. This is the one most often broken.\n' +
          '5. The page behind is inert: a screen reader in browse mode cannot wander into it.\n\n' +
          'If you use the native <dialog> element with showModal(), the browser gives you 2, 3 and 5 for free. ' +
          'You still have to do 1 and 4 yourself in some cases.',
      },
      {
        author: 'tom',
        hoursLater: 20,
        body:
          'For the automated part we have a small browser test helper: open the dialog, press Tab N+1 times where N is the ' +
          'number of focusable elements, and assert document.activeElement is still inside the dialog. Then press Escape ' +
          'and assert focus is back on the trigger. It catches regressions in 4 quickly. I will put it in the shared test utils.',
      },
      {
        author: 'grace',
        hoursLater: 46,
        body:
          'From the last research round: two participants using screen magnifiers lost the dialog entirely because it ' +
          'opened off to the side of where they were zoomed in. Worth checking at 400% zoom too, not only the keyboard path.',
      },
      {
        author: 'sofia',
        hoursLater: 70,
        body: 'Thank you all. We switched to <dialog>, added the return-focus fix and Tom\'s test. Zoom check is on the release checklist now.',
      },
    ],
  },
  {
    community: 'accessibility-guild',
    kind: 'discussion',
    title: 'Our checklist for accessible data tables',
    author: 'amara',
    daysAgo: 24,
    body:
      'Several teams asked for this after the reporting dashboard review, so here is the short version we used. ' +
      'Corrections and additions welcome; once it settles I will move it to the guild wiki.\n\n' +
      '- Use a real <table> with <th scope="col"> and, where rows have a label, <th scope="row">.\n' +
      '- Give the table a <caption> that says what it shows, not "Table 1".\n' +
      '- Sortable columns: the header contains a button, and aria-sort sits on the <th> of the sorted column.\n' +
      '- Do not make rows clickable as a whole; put a link in the first cell.\n' +
      '- On narrow screens, let the table scroll horizontally inside a focusable region with a label rather than squashing it.',
    replies: [
      {
        author: 'hannah',
        hoursLater: 5,
        body:
          'The point about whole-row click targets hits home: our analytics tables do exactly that. ' +
          'Is a link in the first cell enough if the rest of the row shows a pointer cursor? It feels odd to mouse users.',
      },
      {
        author: 'amara',
        hoursLater: 9,
        body:
          'You can keep the big click area for mouse users by stretching the link with a pseudo-element over the row, ' +
          'as long as other controls in the row stay clickable. Keyboard and screen reader users then meet one link per row, with a real name.',
      },
      {
        author: 'ines',
        hoursLater: 30,
        body: 'Could we add something about empty states? Our tables show an empty grid with no text when a filter matches nothing.',
      },
    ],
  },
  {
    community: 'accessibility-guild',
    kind: 'question',
    title: 'Is 4.5:1 contrast enough for text on the new brand gradient?',
    author: 'ines',
    daysAgo: 12,
    body:
      'Marketing wants the portal header to use the new blue-to-teal gradient with white text. The lightest end of the ' +
      'gradient is about 3.9:1 against white. Is it fine if the average is above 4.5:1, or does the worst point count?',
    replies: [
      {
        author: 'amara',
        hoursLater: 2,
        body:
          'The worst point counts: each letter needs enough contrast with what is directly behind it. For normal-size text ' +
          'that is 4.5:1 everywhere the text can sit, including when the header reflows on a narrow screen and the text moves over the light end.',
      },
      {
        author: 'sofia',
        hoursLater: 26,
        body:
          'Two options we tried in the component library: darken the light stop until it passes (it still reads as the brand gradient), ' +
          'or put the text on a solid band. The first one was accepted by design.',
      },
    ],
  },
  {
    community: 'accessibility-guild',
    kind: 'discussion',
    title: 'Notes from Thursday\'s screen reader testing session',
    author: 'grace',
    daysAgo: 4,
    body:
      'Eight of us tested the new checkout with NVDA and VoiceOver. Main findings:\n\n' +
      '- The delivery date picker announces only "button" for each day. Days need accessible names with the full date.\n' +
      '- Error messages appear visually but are not announced; they need to be tied to the fields and summarised at the top.\n' +
      '- The order summary reads well. Nice work on the headings.\n\n' +
      'Recording and raw notes are in the research folder. Next session in two weeks; bring a colleague who has never used a screen reader.',
    replies: [
      {
        author: 'tom',
        hoursLater: 4,
        body: 'I can add an automated check for unnamed buttons to the checkout test suite; axe-core flags those already, we just were not running it on that flow.',
      },
      {
        author: 'demo',
        hoursLater: 22,
        body: 'Thanks Grace. I have added the next session to the guild calendar and booked the big meeting room in Lisbon for anyone who wants to join in person.',
      },
    ],
  },
];
