/*
 * The ceiling: a bare Fastify server answering GET /json with the JSON in BODY_FILE (parsed once,
 * serialised per request as the app does) and GET /html with the HTML in HTML_FILE, if given.
 * Prints "LISTENING <port>".
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

const json: unknown = JSON.parse(fs.readFileSync(process.env.BODY_FILE ?? '', 'utf8'));
const html = process.env.HTML_FILE ? fs.readFileSync(process.env.HTML_FILE, 'utf8') : '<!doctype html><title>bare</title>';
const app = Fastify({ logger: false });
app.get('/json', async () => json);
app.get('/html', async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`LISTENING ${(app.server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
