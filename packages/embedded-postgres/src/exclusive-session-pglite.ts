// PGlite has exactly one PostgreSQL session. pglite-socket 0.2.17 multiplexes many client
// connections onto it by queueing protocol messages, and keeps the session for one client only
// while PGlite reports an open transaction block (isInTransaction()). That is not enough: an
// extended-protocol query (Parse/Bind/Describe/Execute/Sync, what `pg` sends for every
// parameterised query) is several messages, and when a client's messages arrive in more than
// one TCP read, another client's Parse can land between them, so the first client binds its
// parameters to the other client's statement (measured: see embedded-server.test.ts).
//
// This subclass makes the socket server's queue keep the session for one client from its first
// message until the backend reports ReadyForQuery with status idle: a whole protocol exchange
// and a whole transaction belong to one client, and nothing of another client runs inside them.
import { PGlite, protocol, type Results } from '@electric-sql/pglite';
import { ReadyForQueryTracker } from './ready-for-query-tracker.ts';

type ExecProtocolOptionsStream = Parameters<PGlite['execProtocolRawStream']>[1];
type QueryOptions = Parameters<PGlite['exec']>[1];

const TERMINATE = 0x58; // 'X': PGlite ignores it and answers nothing

/** Ends whatever an abandoned client left: an implicit transaction, an error state, a block. */
const ABANDONED_SESSION_RESET = Uint8Array.from([
  ...protocol.serialize.parse({ text: 'rollback' }),
  ...protocol.serialize.bind(),
  ...protocol.serialize.execute(),
  ...protocol.serialize.sync(),
]);

export class ExclusiveSessionPGlite extends PGlite {
  readonly #tracker = new ReadyForQueryTracker();
  #sessionHeld = false;
  readonly #cleanups = new Set<Promise<unknown>>();

  /**
   * What the socket server's queue asks before picking the next message: true keeps the session
   * for the client that sent the last message.
   */
  override isInTransaction(): boolean {
    return this.#sessionHeld || super.isInTransaction();
  }

  override async execProtocolRawStream(
    message: Uint8Array,
    options: ExecProtocolOptionsStream,
  ): Promise<void> {
    this.#tracker.reset();
    await super.execProtocolRawStream(message, {
      ...options,
      onRawData: (data) => {
        this.#tracker.push(data);
        options.onRawData(data);
      },
    });
    if (message[0] === TERMINATE) return;
    this.#sessionHeld = this.#tracker.lastStatus !== 'idle';
  }

  /**
   * The socket server calls exec('ROLLBACK') when the client holding the session disconnects.
   * First end any half-sent extended-protocol exchange (whose implicit transaction must be rolled
   * back, not committed by a bare Sync), then run the server's statement.
   */
  override exec(query: string, options?: QueryOptions): Promise<Results[]> {
    const run = async (): Promise<Results[]> => {
      if (this.#sessionHeld) {
        await super.execProtocolRawStream(ABANDONED_SESSION_RESET, { onRawData: () => undefined });
        this.#sessionHeld = false;
      }
      return super.exec(query, options);
    };
    const cleanup = run();
    this.#cleanups.add(cleanup);
    void cleanup.finally(() => this.#cleanups.delete(cleanup)).catch(() => undefined);
    return cleanup;
  }

  /** Waits for rollbacks of disconnected clients, so close() does not race them. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#cleanups]);
  }
}
