// A real SMTP server on loopback (the smtp-server package), for the e-mail channel's tests: it
// keeps every mail it accepts, parsed (mailparser), and lets a test refuse a recipient with any
// reply (451 now, 550 for good) or act while a mail's data is in (kill the sender, say).
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { freePort } from './ports.js';

export interface ReceivedMail {
  to: string;
  raw: string;
  parsed: ParsedMail;
}

/** A reply to RCPT TO: undefined accepts; otherwise the code and text to refuse with. */
export type RcptDecision = { code: number; text: string } | undefined;

export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  /** Errors the server met other than a client resetting its connection. */
  readonly serverErrors: Error[] = [];
  /** Decides each RCPT TO; accepts everyone unless set. */
  onRcpt: (address: string, attempt: number) => RcptDecision = () => undefined;
  /** Called when a mail's data is in, before the 250; return 'no_answer' to never answer it. */
  onMail: (mail: ReceivedMail) => 'no_answer' | undefined = () => undefined;
  private readonly rcptAttempts = new Map<string, number>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestSmtpServer> {
    const port = await freePort();
    let self: TestSmtpServer | undefined;
    const server = new SMTPServer({
      // Plain SMTP on loopback: no STARTTLS (a self-signed certificate the client must not trust).
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        const a = address.address.toLowerCase();
        const n = (self!.rcptAttempts.get(a) ?? 0) + 1;
        self!.rcptAttempts.set(a, n);
        const d = self!.onRcpt(a, n);
        if (!d) return callback();
        const err = new Error(d.text) as Error & { responseCode: number };
        err.responseCode = d.code;
        callback(err);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          const mail = { to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','), raw, parsed };
          self!.mails.push(mail);
          if (self!.onMail(mail) === 'no_answer') return;
          callback();
        });
      },
    });
    self = new TestSmtpServer(server, port);
    // A client killed mid-session (the SIGKILL tests) resets its connection; smtp-server reports it
    // as an 'error' event, which unheard would crash the test worker. Other errors are kept.
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') self!.serverErrors.push(error);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return self;
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === address);
  }

  rcptAttemptsOf(address: string): number {
    return this.rcptAttempts.get(address) ?? 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
