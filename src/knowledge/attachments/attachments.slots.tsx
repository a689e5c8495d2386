import type { ArticleSlotProvider } from '../articles/article-slots.tsx';
import { canEditArticle } from '../articles/articles.service.ts';
import type { TopicSlotProvider } from '../../discussions/topic-slots.tsx';
import { mayAttachToPost, mayRemoveAttachment } from './attachments.service.ts';
import { listArticleAttachments, listPostAttachments } from './attachments.store.ts';
import { ArticleAttachments, limitsText, PostAttachments } from './attachments.views.tsx';
import { fileUrl } from './attachments.schema.ts';
import { keyOf } from '../../core/views/kept-markup.ts';

/** The article page's files, after the body, with an upload form for those who may edit it. */
export const articleAttachmentSlots: ArticleSlotProvider = async ({ deps, ctx, actor, access, community, article }) => {
  const items = await listArticleAttachments(deps.db, article.id);
  const mayUpload = canEditArticle(actor, access, article);
  if (items.length === 0 && !mayUpload) return {};
  const base = `/c/${community.slug}/a/${article.id}`;
  const upload = mayUpload ? { action: `${base}/attachments`, limits: limitsText(deps.config.uploads.maxBytes, deps.config.uploads.types) } : null;
  return { afterBody: <ArticleAttachments ctx={ctx} items={items} mayRemove={(a) => mayRemoveAttachment(actor, access, a)} upload={upload} next={base} /> };
};

/** Under each post that is not deleted: its files, and "Attach a file" for its author, stewards and moderators. */
export const postAttachmentSlots: TopicSlotProvider = async ({ deps, actor, access, topic, posts }) => {
  const live = posts.filter((p) => !p.deleted);
  const all = await listPostAttachments(deps.db, live.map((p) => p.id));
  return {
    post: (p) => {
      if (p.deleted || topic.deleted) return {};
      const items = all.filter((a) => a.target.id === p.id);
      const attachHref = mayAttachToPost(actor, access, p.author.id) ? `/c/${topic.community.slug}/posts/${p.id}/attach` : null;
      if (items.length === 0 && !attachHref) return {};
      // The key names what the block shows: each file's link, name and size, and the attach link.
      return { key: keyOf(['attachments', attachHref, ...items.flatMap((a) => [fileUrl(a), a.name, a.size])]), below: <PostAttachments items={items} attachHref={attachHref} /> };
    },
  };
};
