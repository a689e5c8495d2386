import type { TopicSlotProvider } from '../topic-slots.tsx';
import { loadAnswerExtras } from './answers.loader.ts';
import { AcceptControl, VoteControls } from './answers.views.tsx';
import { CommentsBlock } from './comments.views.tsx';

/**
 * The Q&A part of a question's topic page: vote buttons beside the question and each answer, the
 * accept button under answers (the page itself marks the accepted one), and comments below. Nothing
 * for discussions. Forms come back to the topic's address.
 */
export const answerSlots: TopicSlotProvider = async ({ deps, ctx, actor, access, community, topic, posts }) => {
  if (topic.kind !== 'question') return {};
  const x = await loadAnswerExtras(deps.db, actor, topic.id, posts.map((p) => p.id), { known: { topic, community, access, posts } });
  return {
    post: (p) => {
      const e = x.posts.get(p.id);
      // Only fill a slot that will show something, so the page adds no empty boxes.
      if (!e?.votable) return {};
      const mayComment = x.mayTakePart && !e.deleted;
      return {
        side: <VoteControls x={x} postId={p.id} />,
        actions: e.isAnswer && x.mayAccept && !e.deleted ? <AcceptControl ctx={ctx} x={x} postId={p.id} badge={false} /> : undefined,
        below: e.comments.length > 0 || mayComment ? <CommentsBlock ctx={ctx} x={x} postId={p.id} /> : undefined,
      };
    },
  };
};
