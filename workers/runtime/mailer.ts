import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Message-ID header derived from the idempotency key, so a mail server or client can spot a repeat. */
  messageId?: string;
}

export interface Mailer {
  /** False when no SMTP server is configured: messages then stay in the in-app inbox only. */
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  host?: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Accept self-signed certificates (tests, local relays). */
  allowSelfSigned?: boolean;
}

export function createMailer(settings: SmtpSettings): Mailer {
  if (!settings.host) return { enabled: false, async send() {}, close() {} };
  const transport: Transporter = nodemailer.createTransport({
    host: settings.host, port: settings.port, secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    tls: settings.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 10_000, socketTimeout: 20_000,
  });
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
    close: () => transport.close(),
  };
}
