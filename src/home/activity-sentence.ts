import type { FeedEntry } from './activity.store.ts';

/** A feed entry as words: "<actor> <verb phrase> <object> in <community>", with where it leads. */
export interface ActivitySentence {
  actorName: string;
  verbPhrase: string;
  /** The thing acted on, when it is not the community itself (a topic title, quoted). */
  object: { text: string; href: string } | null;
  /** Whether to end with "in <community>". */
  inCommunity: boolean;
  /** Where a click on the entry should go. */
  href: string;
  /** The whole sentence as plain text. */
  text: string;
}

function quoted(title: unknown, fallback = 'a topic'): string {
  return `“${typeof title === 'string' && title !== '' ? title : fallback}”`;
}

/** Turns a feed entry into a human sentence and a link to the thing it is about. */
export function describeActivity(e: FeedEntry): ActivitySentence {
  const actorName = e.actor?.displayName ?? 'Someone';
  const communityHref = `/c/${e.community.slug}`;
  let verbPhrase: string;
  let object: ActivitySentence['object'] = null;
  switch (e.verb) {
    case 'topic.created': {
      verbPhrase = e.data.kind === 'question' ? 'asked' : 'started';
      object = { text: quoted(e.data.title), href: `${communityHref}/t/${e.subjectId ?? ''}` };
      break;
    }
    case 'post.created': {
      verbPhrase = 'replied to';
      const topicId = typeof e.data.topicId === 'number' ? e.data.topicId : null;
      object = { text: quoted(e.data.title), href: topicId ? `${communityHref}/t/${topicId}#post-${e.subjectId ?? ''}` : communityHref };
      break;
    }
    case 'article.created':
      verbPhrase = 'wrote';
      object = { text: quoted(e.data.title, 'an article'), href: `${communityHref}/a/${e.subjectId ?? ''}` };
      break;
    case 'article.endorsed':
      verbPhrase = 'endorsed';
      object = { text: quoted(e.data.title, 'an article'), href: `${communityHref}/a/${e.subjectId ?? ''}` };
      break;
    case 'collection.created':
      verbPhrase = 'put together';
      object = { text: quoted(e.data.title, 'a collection'), href: `${communityHref}/collections/${e.subjectId ?? ''}` };
      break;
    case 'glossary.term_created':
      verbPhrase = 'defined';
      object = { text: quoted(e.data.term, 'a term'), href: `${communityHref}/glossary/${e.subjectId ?? ''}` };
      break;
    case 'community.created':
      verbPhrase = 'created';
      break;
    case 'community.joined':
      verbPhrase = 'joined';
      break;
  }
  const inCommunity = object !== null;
  const text = object ? `${actorName} ${verbPhrase} ${object.text} in ${e.community.name}` : `${actorName} ${verbPhrase} ${e.community.name}`;
  return { actorName, verbPhrase, object, inCommunity, href: object?.href ?? communityHref, text };
}
