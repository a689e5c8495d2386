import { afterUntil, authorFor, type ImportState } from './import.state.ts';
import { idsInOrder, insertSources } from './import.store.ts';
import { dateAttr, intAttr, optionalInt, type DumpRow } from './xml-rows.ts';

const FILE = 'PostHistory.xml';
const TITLE = new Set([1, 4, 7]);
const BODY = new Set([2, 5, 8]);
const INITIAL = new Set([1, 2]);

/** One revision of the dump: the rows sharing a RevisionGUID (a title and a body edit made together). */
interface Group {
  guid: string;
  firstId: number;
  postId: number;
  userId: number | null;
  at: string;
  initial: boolean;
  title: string | null;
  body: string | null;
  reason: string;
}

/**
 * PostHistory.xml → post_revisions. The platform stores, per edit, the version that edit replaced
 * (revision n = the text before the n-th edit). The dump lists versions (initial, edits, rollbacks)
 * in time order, so this keeps each post's latest title and body while streaming and writes the
 * previous version whenever an edit comes. Tag edits, closes and other history types are not revisions.
 */
export class HistoryImporter {
  private readonly current = new Map<number, { title: string | null; body: string }>();
  private readonly nextRevision = new Map<number, number>();
  private group: Group | null = null;
  private pending: Array<{ group: Group; localPostId: number; title: string | null; body: string }> = [];

  constructor(private readonly state: ImportState) {}

  /** Takes the next rows of the file (in file order). */
  async add(rows: DumpRow[]): Promise<void> {
    for (const row of rows) {
      const type = intAttr(row, FILE, 'PostHistoryTypeId');
      if (!TITLE.has(type) && !BODY.has(type)) continue;
      const at = dateAttr(row, FILE, 'CreationDate');
      if (afterUntil(this.state, at)) continue;
      const guid = row.attrs.RevisionGUID ?? `row-${row.attrs.Id}`;
      const id = intAttr(row, FILE, 'Id');
      const postId = intAttr(row, FILE, 'PostId');
      if (this.group && (this.group.guid !== guid || this.group.postId !== postId)) this.close(this.group);
      if (!this.group) this.group = { guid, firstId: id, postId, userId: optionalInt(row, FILE, 'UserId'), at, initial: INITIAL.has(type), title: null, body: null, reason: row.attrs.Comment ?? '' };
      if (TITLE.has(type)) this.group.title = row.attrs.Text ?? '';
      else this.group.body = row.attrs.Text ?? '';
    }
    await this.flush();
  }

  /** Writes what is left; call after the last rows. */
  async finish(): Promise<void> {
    if (this.group) this.close(this.group);
    await this.flush();
  }

  private close(g: Group): void {
    this.group = null;
    const post = this.state.posts.get(g.postId);
    if (!post) return;
    const before = this.current.get(g.postId);
    const after = { title: g.title ?? before?.title ?? null, body: g.body ?? before?.body ?? '' };
    this.current.set(g.postId, after);
    if (g.initial || !before) return;
    if (this.state.seen.revision.has(g.firstId)) {
      this.state.counts.unchanged += 1;
      return;
    }
    this.pending.push({ group: g, localPostId: post.postId, title: post.question ? before.title : null, body: before.body || '(empty)' });
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const unknown = [...new Set(batch.map((r) => r.localPostId).filter((id) => !this.nextRevision.has(id)))];
    if (unknown.length > 0) {
      const rows = await this.state.tx
        .selectFrom('post_revisions')
        .select(['post_id', (eb) => eb.fn.max('revision').as('n')])
        .where('post_id', 'in', unknown)
        .groupBy('post_id')
        .execute();
      for (const id of unknown) this.nextRevision.set(id, 1);
      for (const r of rows) this.nextRevision.set(r.post_id, Number(r.n) + 1);
    }
    const values = [];
    for (const r of batch) {
      const revision = this.nextRevision.get(r.localPostId) ?? 1;
      this.nextRevision.set(r.localPostId, revision + 1);
      values.push({ post_id: r.localPostId, revision, editor_id: await authorFor(this.state, r.group.userId), title: r.title, body: r.body, reason: r.group.reason.slice(0, 300), created_at: r.group.at });
    }
    const ids = idsInOrder(await this.state.tx.insertInto('post_revisions').values(values).returning('id').execute());
    await insertSources(
      this.state.tx,
      this.state.communityId,
      this.state.site,
      this.state.now,
      batch.map((r, i) => ({ kind: 'revision', originalId: r.group.firstId, localId: ids[i] as number, postId: r.localPostId, createdAt: r.group.at })),
    );
    this.state.counts.revisions += batch.length;
  }
}
