// Files merchants attach in Web Chat: kept under DATA_DIR/uploads, served back only by signed URL.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What an uploaded file becomes in the activity the bot receives. */
export interface StoredAttachment {
  readonly contentType: string;
  readonly contentUrl: string;
  readonly name: string;
}

const SAFE_NAME = /[^A-Za-z0-9._-\u4e00-\u9fff]/g;

export class UploadStore {
  constructor(
    private readonly directory: string,
    private readonly signingKey: string,
  ) {}

  /** Saves a file and returns its attachment, with a URL path (`/v3/directline/attachments/...`) signed for reading. */
  async save(conversationId: string, name: string, contentType: string, data: Buffer): Promise<StoredAttachment> {
    const file = `${randomBytes(8).toString('hex')}-${name.replace(SAFE_NAME, '_').slice(-80) || 'file'}`;
    const folder = join(this.directory, this.folderOf(conversationId));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, file), data);
    await writeFile(join(folder, `${file}.type`), contentType);
    const path = `/v3/directline/attachments/${encodeURIComponent(conversationId)}/${encodeURIComponent(file)}`;
    return { contentType, name, contentUrl: `${path}?sig=${this.sign(conversationId, file)}` };
  }

  /** The file for a signed URL, or null when the signature or the file is wrong. */
  async read(conversationId: string, file: string, sig: string): Promise<{ data: Buffer; contentType: string } | null> {
    if (sig !== this.sign(conversationId, file) || file.includes('/') || file.includes('..')) return null;
    const folder = join(this.directory, this.folderOf(conversationId));
    try {
      const [data, contentType] = await Promise.all([readFile(join(folder, file)), readFile(join(folder, `${file}.type`), 'utf8')]);
      return { data, contentType };
    } catch {
      return null;
    }
  }

  private folderOf(conversationId: string): string {
    return createHmac('sha256', this.signingKey).update(`folder:${conversationId}`).digest('hex').slice(0, 32);
  }

  private sign(conversationId: string, file: string): string {
    return createHmac('sha256', this.signingKey).update(`${conversationId}/${file}`).digest('base64url');
  }
}
