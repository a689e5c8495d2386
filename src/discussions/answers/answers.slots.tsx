import type { TopicSlotProvider } from '../topic-slots.tsx';
import { loadAnswerExtras } from './answers.loader.ts';
import { AcceptControl, VoteControls } from './answers.views.tsx';
import { CommentsBlock, mayDeleteComment } from './comments.views.tsx';
import { keyOf } from '../../core/views/kept-markup.ts';
import { relativeTime } from '../../core/views/components.tsx';
import type { AnswerExtras, PostExtras } from './answers.loader.ts';

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
        key: answerSlotKey(x, p.id, e),
        side: <VoteControls x={x} postId={p.id} />,
        actions: e.isAnswer && x.mayAccept && !e.deleted ? <AcceptControl ctx={ctx} x={x} postId={p.id} badge={false} /> : undefined,
        below: e.comments.length > 0 || mayComment ? <CommentsBlock ctx={ctx} x={x} postId={p.id} /> : undefined,
      };
    },
  };
};

/**
 * Names everything the Q&A slots show for one post (the post's markup is kept by it): the score and
 * the viewer's vote, whether they may vote, accept or comment, the accepted answer, and each comment
 * as shown (body, author, time as it reads now, whether the viewer may delete it). Not the viewer's
 * id: two members with the same rights on the post share its markup.
 */
function answerSlotKey(x: AnswerExtras, postId: number, e: PostExtras): string {
  const mayVote = x.mayTakePart && !e.deleted && e.authorId !== x.viewerId;
  return keyOf([
    'answers',
    x.slug,
    x.topicId,
    x.back,
    e.isAnswer,
    e.deleted,
    e.score,
    e.myVote,
    mayVote,
    x.acceptedPostId === postId,
    e.isAnswer && x.mayAccept && !e.deleted,
    x.mayTakePart,
    ...e.comments.flatMap((c) => [c.id, c.author.username, c.author.displayName, c.createdAt, relativeTime(c.createdAt), mayDeleteComment(x, c), c.bodyHtml]),
  ]);
}
