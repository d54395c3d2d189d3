// Reads a Direct Line upload (Web Chat's multipart form, or one raw file) within size and count limits.
import busboy from 'busboy';
import type { Request } from 'express';
import { DirectLineError } from './direct-line-errors.js';
import type { StoredAttachment, UploadStore } from './upload-store.js';

export const UPLOAD_LIMITS = { fileBytes: 5 * 1024 * 1024, files: 3 } as const;

export interface Upload {
  /** The container activity Web Chat sends in the `application/vnd.microsoft.activity` part, if any. */
  readonly activity: unknown;
  readonly attachments: readonly StoredAttachment[];
}

function tooLarge(): DirectLineError {
  return new DirectLineError(400, 'BadArgument', `each file may be at most ${UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB, at most ${UPLOAD_LIMITS.files} files`);
}

/** Parses the upload and stores its files; rejects oversized or too many files with a 400 before storing any. */
export async function readUpload(req: Request, conversationId: string, store: UploadStore): Promise<Upload> {
  const type = req.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > UPLOAD_LIMITS.fileBytes) throw tooLarge();
      chunks.push(chunk);
    }
    const name = /filename="?([^";]+)"?/.exec(req.get('content-disposition') ?? '')?.[1] ?? 'file';
    return { activity: undefined, attachments: [await store.save(conversationId, name, type || 'application/octet-stream', Buffer.concat(chunks))] };
  }
  const files: { name: string; contentType: string; data: Buffer }[] = [];
  let activity: unknown;
  await new Promise<void>((resolve, reject) => {
    const parser = busboy({ headers: req.headers, limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: UPLOAD_LIMITS.files + 1 } });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(tooLarge()));
      stream.on('end', () => {
        const data = Buffer.concat(chunks);
        if (info.mimeType === 'application/vnd.microsoft.activity' || field === 'activity') {
          try {
            activity = JSON.parse(data.toString('utf8'));
          } catch {
            reject(new DirectLineError(400, 'BadArgument', 'the activity part is not valid JSON'));
          }
        } else {
          files.push({ name: info.filename || 'file', contentType: info.mimeType || 'application/octet-stream', data });
        }
      });
    });
    parser.on('filesLimit', () => reject(tooLarge()));
    parser.on('error', (error: Error) => reject(new DirectLineError(400, 'BadArgument', error.message)));
    parser.on('close', () => resolve());
    req.pipe(parser);
  });
  if (files.length === 0) throw new DirectLineError(400, 'BadArgument', 'the upload holds no file');
  if (files.length > UPLOAD_LIMITS.files) throw tooLarge();
  const attachments = await Promise.all(files.map((f) => store.save(conversationId, f.name, f.contentType, f.data)));
  return { activity, attachments };
}
