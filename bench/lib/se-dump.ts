import fs from 'node:fs';
import path from 'node:path';
import { createRng, WeightedSampler, zipfWeights } from './random.ts';
import { TextWriter } from './text.ts';
import { zipfModel } from './vocabulary.ts';

/** Escapes text for an XML attribute as the official dumps do (newlines as &#xA;). */
export function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#xA;');
}

/** Writes one dump file row by row through a buffer (memory stays flat whatever the size). */
class DumpFile {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(file: string, root: string) {
    this.fd = fs.openSync(file, 'w');
    this.buffer.push(`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n`);
  }

  row(attrs: Record<string, string | number | undefined>): void {
    let s = '  <row';
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) s += ` ${k}="${xmlAttr(String(v))}"`;
    s += ' />\n';
    this.buffer.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(root: string): void {
    this.buffer.push(`</${root}>\n`);
    this.flush();
    fs.closeSync(this.fd);
  }
}

const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '');

/**
 * Writes a synthetic Stack Exchange dump of `posts` posts (questions with zero to five answers each)
 * into `dir`: Users, Posts (HTML bodies from the Zipf text model, tags, accepted answers), Tags,
 * Votes, Comments and PostLinks, in the official XML format. Returns the number of questions and answers.
 */
export function writeSyntheticDump(dir: string, posts: number, seed = 11): { questions: number; answers: number } {
  fs.mkdirSync(dir, { recursive: true });
  const rng = createRng(seed);
  const text = new TextWriter(zipfModel(100_000), rng);
  const userCount = Math.max(10, Math.round(posts / 10));
  const start = Date.parse('2015-01-01T00:00:00Z');
  const span = 8 * 365 * 24 * 3600 * 1000;

  const users = new DumpFile(path.join(dir, 'Users.xml'), 'users');
  for (let id = 1; id <= userCount; id++) {
    users.row({ Id: id, Reputation: 1 + rng.int(5000), CreationDate: stamp(start + (span * id) / userCount / 2), DisplayName: `${text.model.words[100 + (id % 5000)]} ${id}`, LastAccessDate: stamp(start + span), AboutMe: id % 3 === 0 ? `<p>${text.comment()}</p>` : undefined, Views: rng.int(100), UpVotes: rng.int(50), DownVotes: rng.int(5), AccountId: 1_000_000 + id });
  }
  users.close('users');

  const tagNames = Array.from({ length: 400 }, (_, i) => text.model.words[50 + i * 7]!);
  const tagPicker = new WeightedSampler(zipfWeights(tagNames.length, 1.0));
  const author = new WeightedSampler(zipfWeights(userCount, 0.9));
  const tagCounts = new Map<string, number>();
  const postsFile = new DumpFile(path.join(dir, 'Posts.xml'), 'posts');
  const votes = new DumpFile(path.join(dir, 'Votes.xml'), 'votes');
  const comments = new DumpFile(path.join(dir, 'Comments.xml'), 'comments');
  const links = new DumpFile(path.join(dir, 'PostLinks.xml'), 'postlinks');
  let id = 0;
  let voteId = 0;
  let commentId = 0;
  let linkId = 0;
  let questions = 0;
  const questionIds: number[] = [];
  while (id < posts) {
    const qid = ++id;
    questions++;
    questionIds.push(qid);
    const answers = Math.min(posts - id, rng.int(6));
    const created = start + Math.floor((span * qid) / posts);
    const tags = new Set<string>();
    for (let k = 1 + rng.int(3); tags.size < k; ) tags.add(tagNames[tagPicker.sample(rng)]!);
    for (const t of tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    const accepted = answers > 0 && rng.chance(0.5) ? qid + 1 + rng.int(answers) : undefined;
    const body = text.body(70);
    postsFile.row({ Id: qid, PostTypeId: 1, AcceptedAnswerId: accepted, CreationDate: stamp(created), Score: rng.int(20), ViewCount: rng.int(5000), Body: body.html, OwnerUserId: 1 + author.sample(rng), LastActivityDate: stamp(created + 86_400_000), Title: text.title(true), Tags: [...tags].map((t) => `<${t}>`).join(''), AnswerCount: answers, CommentCount: 0, ContentLicense: 'CC BY-SA 4.0' });
    for (let a = 0; a < answers; a++) {
      const aid = ++id;
      postsFile.row({ Id: aid, PostTypeId: 2, ParentId: qid, CreationDate: stamp(created + (a + 1) * 3_600_000), Score: rng.int(10), Body: text.body(60).html, OwnerUserId: 1 + author.sample(rng), LastActivityDate: stamp(created + (a + 1) * 3_600_000), CommentCount: 0, ContentLicense: 'CC BY-SA 4.0' });
    }
    for (let p = qid; p <= id; p++) {
      while (rng.chance(0.5)) votes.row({ Id: ++voteId, PostId: p, VoteTypeId: rng.chance(0.9) ? 2 : 3, CreationDate: stamp(created + 86_400_000).slice(0, 10) + 'T00:00:00.000' });
      if (rng.chance(0.3)) comments.row({ Id: ++commentId, PostId: p, Score: 0, Text: text.comment(), CreationDate: stamp(created + 7_200_000), UserId: 1 + author.sample(rng), ContentLicense: 'CC BY-SA 4.0' });
    }
    if (questionIds.length > 10 && rng.chance(0.05)) links.row({ Id: ++linkId, CreationDate: stamp(created), PostId: qid, RelatedPostId: questionIds[rng.int(questionIds.length - 1)]!, LinkTypeId: rng.chance(0.8) ? 1 : 3 });
  }
  postsFile.close('posts');
  votes.close('votes');
  comments.close('comments');
  links.close('postlinks');
  const tagsFile = new DumpFile(path.join(dir, 'Tags.xml'), 'tags');
  [...tagCounts.entries()].forEach(([name, count], i) => tagsFile.row({ Id: i + 1, TagName: name, Count: count }));
  tagsFile.close('tags');
  return { questions, answers: posts - questions };
}
