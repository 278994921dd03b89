export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string; messageId: string };

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedMail[];
  state: { refuse: boolean };
  close(): Promise<void>;
};

export function startSmtpSink(port?: number): Promise<SmtpSink>;
