// An SMTP server on a free port whose acceptance the test controls: it can hold a message (never answering the
// DATA command, as a stalled relay would) or refuse every message, and it records the messages it accepted.
import { EventEmitter } from 'node:events';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  to: string[];
  subject: string;
  messageId: string;
}

export interface ControlledSmtp {
  port: number;
  accepted: AcceptedMail[];
  /** 'held' when a message arrives while holding (the sender now waits for an answer). */
  events: EventEmitter;
  mode: 'accept' | 'hold';
  stop(): Promise<void>;
}

export async function startControlledSmtp(port = 0): Promise<ControlledSmtp> {
  const events = new EventEmitter();
  const smtp: ControlledSmtp = { port: 0, accepted: [], events, mode: 'accept', stop: async () => undefined };
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 200,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        if (smtp.mode === 'hold') {
          events.emit('held', parsed.messageId);
          return; // no answer: the message is never accepted
        }
        smtp.accepted.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? '', messageId: parsed.messageId ?? '' });
        events.emit('accepted');
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  smtp.port = typeof address === 'object' && address ? address.port : 0;
  smtp.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return smtp;
}
