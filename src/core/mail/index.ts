import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Transporter } from 'nodemailer';

/** An outgoing message. Text only for now; HTML mails come with digests. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Sends through SMTP when `smtpUrl` is set, otherwise writes each message as an .eml file to
 * `<dataDir>/outbox`, so a fresh install needs no mail server.
 */
export function createMailer(opts: { smtpUrl: string | null; from: string; dataDir: string }): Mailer {
  // nodemailer is loaded with the first message, not at start-up (issue 6's cold start).
  const transporter = (() => {
    let made: Promise<Transporter> | undefined;
    return () =>
      (made ??= import('nodemailer').then(({ default: nodemailer }) =>
        opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
      ));
  })();
  if (opts.smtpUrl) {
    return {
      async send(mail) {
        await (await transporter()).sendMail({ from: opts.from, ...mail });
      },
    };
  }
  const outbox = path.join(opts.dataDir, 'outbox');
  return {
    async send(mail) {
      const info = await (await transporter()).sendMail({ from: opts.from, ...mail });
      await fs.mkdir(outbox, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`;
      await fs.writeFile(path.join(outbox, name), info.message as Buffer);
    },
  };
}
