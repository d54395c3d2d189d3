// AgentStore on lowdb: the help desk's agent accounts in DATA_DIR/agents.json.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { AgentAccount, AgentStore } from '../core/ports.js';

interface AgentsFile {
  agents: AgentAccount[];
}

export class LowdbAgentStore implements AgentStore {
  private readonly db: Low<AgentsFile>;

  constructor(private readonly path: string) {
    this.db = new Low<AgentsFile>(new JSONFile<AgentsFile>(path), { agents: [] });
  }

  async open(): Promise<this> {
    await mkdir(dirname(this.path), { recursive: true });
    await this.db.read();
    return this;
  }

  async get(name: string): Promise<AgentAccount | null> {
    return this.db.data.agents.find((a) => a.name === name) ?? null;
  }

  async list(): Promise<AgentAccount[]> {
    return [...this.db.data.agents];
  }

  async put(agent: AgentAccount): Promise<void> {
    this.db.data.agents = [...this.db.data.agents.filter((a) => a.name !== agent.name), agent];
    await this.db.write();
  }
}
