import { api, type TestApp } from '../../../test/helpers/app.ts';
import { discussionsWorld, startTopicVia } from '../../discussions/discussions.fixtures.ts';

/**
 * A public community with two topics about sharpening knives on a whetstone (obviously related), an
 * unrelated sourdough topic and a whetstone article; a private community with a whetstone topic that
 * only its members may see.
 */
export async function relatedWorld(t: TestApp) {
  const w = await discussionsWorld(t);
  const knife = await startTopicVia(t, w.as.member, w.pub.slug, {
    kind: 'question',
    title: 'How do I sharpen a kitchen knife on a whetstone?',
    body: 'My chef knife is dull. What angle should I hold it at on the whetstone, and how many strokes per side?',
    tags: ['knives', 'whetstones'],
  });
  const grit = await startTopicVia(t, w.as.steward, w.pub.slug, {
    kind: 'question',
    title: 'Which whetstone grit for sharpening a dull kitchen knife?',
    body: 'Starting out with whetstones: is a 1000 grit stone enough to sharpen a dull knife, or do I need 400 first?',
    tags: ['whetstones'],
  });
  const sourdough = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Sourdough starter smells like acetone', body: 'Is my starter hungry or dead? It smells of nail polish remover.', tags: ['bread'] });
  const hidden = await startTopicVia(t, w.as.member, w.secret.slug, {
    kind: 'question',
    title: 'Secret whetstone trick for sharpening a kitchen knife',
    body: 'Our private whetstone sharpening angle trick for the kitchen knife.',
    tags: ['knives'],
  });
  const art = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, { type: 'how-to', title: 'Whetstone sharpening for kitchen knives', body: 'Soak the whetstone, hold the knife at 15 degrees, sharpen each side.' }, w.as.member);
  if (art.statusCode !== 201) throw new Error(`could not write an article: ${art.statusCode} ${art.body}`);
  return { ...w, knife, grit, sourdough, hidden, article: art.json() as { id: number } };
}
