import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { seedDemo } from '../../demo/seed.ts';
import { escalateOverdueQuestions } from './escalation.ts';
import { listOpenInvitations } from './routing.store.ts';
import { rankForQuestion } from './routing.service.ts';
import { findTopicById } from '../../discussions/topics.store.ts';

const NOW = new Date('2026-11-20T12:00:00Z');

describeEachDialect('demo routing data', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NOW) });
    await seedDemo(t.deps.db, { now: NOW });
  });
  afterAll(async () => t.close());

  it('has an open question with meilin invited (and notified), suggestions for it, and a 72-hour target that has not passed', async () => {
    const meilin = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'meilin').executeTakeFirstOrThrow();
    const open = await listOpenInvitations(t.deps.db, meilin.id, { limit: 10 });
    expect(open.map((i) => [i.title, i.invitedBy?.username])).toEqual([['Should pipeline data contracts live with the producer or the consumer?', 'diego']]);
    const note = await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', meilin.id).where('topic_id', '=', open[0]?.topicId ?? 0).execute();
    expect(note).toEqual([{ kind: 'invited' }]);
    const topic = await findTopicById(t.deps.db, open[0]?.topicId ?? 0);
    if (!topic) throw new Error('the demo question is missing');
    const suggestions = await rankForQuestion(t.deps.db, topic, NOW, 5);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.user.id)).not.toContain(topic.author.id);
    await escalateOverdueQuestions(t.deps);
    expect(await t.deps.db.selectFrom('question_escalations').select('topic_id').where('topic_id', '=', topic.id).execute()).toEqual([]);
  });
});
