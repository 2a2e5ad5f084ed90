/**
 * The one door to the database. Reads run in read transactions (READ access mode, so a cluster routes them
 * to followers and an API session can never write); writes run in one write transaction per call, which
 * commits whole or not at all. Statements are named files in `cypher/`; values are parameters only.
 */
import neo4j, { type Driver, type ManagedTransaction, type Notification, type QueryResult, type RecordShape } from 'neo4j-driver';
import { cypher } from './cypher.ts';
import { EntenteError } from '../errors.ts';
import { mapDriverError } from './errors.ts';

export interface GraphOptions {
  uri: string;
  user: string;
  password: string;
  /** The database name; the server's default when omitted. */
  database?: string;
  /** Server-side transaction timeout for reads, in milliseconds. */
  readTimeoutMs?: number;
  /** How long to wait for a connection before giving up, in milliseconds. */
  connectionTimeoutMs?: number;
  /**
   * Receives Neo4j's notifications (deprecated syntax, unknown labels or properties, planning hints) for each
   * statement that draws any. Without a listener Neo4j is asked to send none: nothing else reads them, and
   * building, sending and decoding them costs every request (test/graph/notifications.test.ts listens).
   */
  onNotifications?: NotificationListener;
}

export type NotificationListener = (statement: string, notifications: Notification[]) => void;

/** How long a read keeps retrying a transient failure, and its first pause (doubled each time, ±20%). */
const READ_RETRY = { withinMs: 3_000, firstDelayMs: 200 };

/** Counts every transaction, so tests can assert how many round trips a request made. */
export interface RoundTripCounter {
  count: number;
}

export class Graph {
  readonly driver: Driver;
  readonly database: string | undefined;
  readonly roundTrips: RoundTripCounter = { count: 0 };
  private readonly readTimeoutMs: number | undefined;
  private readonly onNotifications: NotificationListener | undefined;

  constructor(options: GraphOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      connectionAcquisitionTimeout: options.connectionTimeoutMs ?? 5_000,
      maxTransactionRetryTime: 3_000,
      userAgent: 'entente',
      ...(options.onNotifications ? {} : { notificationFilter: { minimumSeverityLevel: 'OFF' as const } }),
    });
    this.database = options.database;
    this.readTimeoutMs = options.readTimeoutMs;
    this.onNotifications = options.onNotifications;
  }

  /** Runs the named statement in a read transaction and returns its records as plain objects. */
  async read<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.readText<T>(cypher(name), params);
  }

  /**
   * Like `read`, for statement text built from named parts (for example a generated query).
   *
   * One statement needs no explicit transaction: it runs as an auto-commit transaction in READ access mode,
   * which Neo4j refuses to let write (test/hardening/read-only.test.ts), in one round trip (RUN and PULL)
   * where a managed transaction takes three (BEGIN, RUN and PULL, COMMIT). Transient failures (a cluster
   * member gone, a routing table out of date) are retried here, as the driver retries managed ones.
   */
  async readText<T extends RecordShape = RecordShape>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.roundTrips.count += 1;
    const config = this.readTimeoutMs ? { timeout: this.readTimeoutMs } : undefined;
    const deadline = Date.now() + READ_RETRY.withinMs;
    for (let delayMs = READ_RETRY.firstDelayMs; ; delayMs *= 2) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      let failure: unknown;
      try {
        const result = await runWithoutCallerStack(() => session.run<T>(text, params, config));
        this.report(text, result);
        return result.records.map((record) => record.toObject());
      } catch (error) {
        failure = error;
      } finally {
        await session.close();
      }
      const wait = delayMs * (0.8 + 0.4 * Math.random());
      if (!neo4j.isRetryableError(failure) || Date.now() + wait > deadline) throw mapDriverError(failure);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * Runs `work` in one write transaction: everything it does commits together or not at all. The work
   * function may be retried by the driver on a transient failure, so it must not have side effects outside
   * the transaction.
   */
  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    this.roundTrips.count += 1;
    try {
      return await session.executeWrite((tx) => work(new WriteTx(tx, (text, result) => this.report(text, result))));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * After a write that changed the graph (an import, a seed load): Neo4j samples its indexes again and drops
   * its cached plans, so the next queries are planned for the graph as it now is. Without this, a plan made
   * on a small or empty graph stays in use on a large one: alliesOf on the 10x world read 97,101 entries
   * with the plan made at ATOP's size, and 1,662 with a fresh one. The data is committed whatever happens
   * here, so a refusal (a user without the privilege) is returned as a sentence, not thrown.
   */
  async replan(): Promise<string | undefined> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(cypher('load/resample-indexes'));
      await session.run(cypher('load/forget-plans'));
      return undefined;
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unknown error';
      return `Neo4j did not refresh its statistics and plans after the write (${code}): queries may use plans made for the graph as it was until Neo4j samples it again. An admin can run CALL db.prepareForReplanning() and CALL db.clearQueryCaches().`;
    } finally {
      await session.close();
    }
  }

  /** Fails with a clear EntenteError when the database cannot be reached or the credentials are wrong. */
  async verify(): Promise<void> {
    let accepted: boolean;
    try {
      accepted = await this.driver.verifyAuthentication({ database: this.database });
    } catch (error) {
      throw mapDriverError(error);
    }
    // The driver answers false, rather than throwing, when the server refuses the credentials.
    if (!accepted) {
      throw new EntenteError('DATABASE_AUTH_FAILED', 'Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.');
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private report(text: string, result: QueryResult): void {
    if (this.onNotifications && result.summary.notifications.length > 0) this.onNotifications(text, result.summary.notifications);
  }
}

/**
 * Calls `run` (which starts a statement) without the driver's copy of the caller's stack. The driver formats
 * the stack into a string for every statement it starts, to append to an error should one come back: 20-30
 * µs a read, a tenth of the API's own CPU on a small query. Every error a read can bring is mapped to an
 * EntenteError or masked (src/graph/errors.ts, src/api/yoga.ts), so that stack is never shown; what the
 * log keeps of an unexpected error is its message. `run` only starts the statement, synchronously, so the
 * limit is back before anything else runs.
 */
export function runWithoutCallerStack<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A write transaction that runs named statements. */
export class WriteTx {
  constructor(
    readonly tx: ManagedTransaction,
    private readonly report: (text: string, result: QueryResult) => void,
  ) {}

  async run<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return (await this.runResult<T>(name, params)).records.map((record) => record.toObject());
  }

  async runResult<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}): Promise<QueryResult<T>> {
    const text = cypher(name);
    const result = await this.tx.run<T>(text, params);
    this.report(text, result);
    return result;
  }
}
