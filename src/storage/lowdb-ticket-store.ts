// TicketStore on lowdb: one JSON file per ticket, all tickets kept in memory (a turn's write touches one small file).
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Ticket } from '../core/tickets/ticket.js';
import { MemoryTicketStore } from './memory-ticket-store.js';

/**
 * Loads every ticket file at `open()` and serves reads from memory; each change rewrites only that
 * ticket's file (atomically, temp + rename). One server owns the folder (DATA_DIR is locked).
 */
export class LowdbTicketStore extends MemoryTicketStore {
  private readonly files = new Map<string, Low<Ticket | null>>();

  constructor(private readonly directory: string) {
    super();
  }

  async open(): Promise<this> {
    await mkdir(this.directory, { recursive: true });
    for (const name of await readdir(this.directory)) {
      if (!name.endsWith('.json')) continue;
      const db = this.fileFor(name.slice(0, -5));
      await db.read();
      if (db.data) this.tickets.set(db.data.id, db.data);
    }
    return this;
  }

  protected override async persist(ticket: Ticket): Promise<void> {
    const db = this.fileFor(ticket.id);
    db.data = ticket;
    await db.write();
  }

  private fileFor(id: string): Low<Ticket | null> {
    let db = this.files.get(id);
    if (!db) {
      db = new Low<Ticket | null>(new JSONFile<Ticket | null>(join(this.directory, `${id.replace(/[^A-Za-z0-9-]/g, '_')}.json`)), null);
      this.files.set(id, db);
    }
    return db;
  }
}
