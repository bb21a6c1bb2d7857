import type { OutboxMessage } from './sim-schemas';

/** Every e-mail the portals sent, newest last. Held in memory only; temporary passwords never reach a log. */
export class Outbox {
  private messages: OutboxMessage[] = [];
  private counter = 0;

  send(message: Omit<OutboxMessage, 'id'>): OutboxMessage {
    this.counter++;
    const stored = { id: `msg-${this.counter}`, ...message };
    this.messages.push(stored);
    return stored;
  }

  list(to?: string): OutboxMessage[] {
    if (to === undefined) return [...this.messages];
    const wanted = to.toLowerCase();
    return this.messages.filter((m) => m.to.toLowerCase() === wanted);
  }

  clear(): void {
    this.messages = [];
    this.counter = 0;
  }
}
