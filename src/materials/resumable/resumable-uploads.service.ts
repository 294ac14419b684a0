import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DeleteQueryBuilder, Repository } from 'typeorm';
import { type Actor } from '../../common/actor.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../infrastructure/storage/object-storage.js';
import { CaseMaterial } from '../case-material.entity.js';
import { contentCheck } from '../content-check.js';
import { claimedFormat, extensionOf, FILE_FORMATS } from '../file-formats.js';
import { sanitiseFileName } from '../file-name.js';
import { MAX_MATERIAL_BYTES } from '../material-rules.js';
import { targetOf } from '../material-target.columns.js';
import { MaterialsService } from '../materials.service.js';
import { Measuring } from '../measure.js';
import { fileTooLarge } from '../multipart-file.js';
import { chunkBody, chunkTooLong, joinedParts, through } from './chunk-streams.js';
import { ResumableUpload } from './resumable-upload.entity.js';
import { UPLOAD_LIFETIME_MS } from './tus-protocol.js';
import { creationHeaders } from './upload-headers.dto.js';
import { ABANDONED_AFTER_MS, assertWritable, busy, expired, isExpired, uploadNotFound } from './upload-states.js';

/** The objects an upload has in storage: its parts, the chunk being written, the file being joined. */
type StoredObjects = Pick<ResumableUpload, 'partKeys' | 'writingKey' | 'finalKey'>;
type Deletion = DeleteQueryBuilder<ResumableUpload>;

/**
 * Resumable uploads (tus): a file sent in chunks, over as many requests and interruptions as it takes. Each chunk
 * a PATCH stored whole becomes its own object, and only then does the offset move; when the last one arrives the
 * parts are joined into the case's file, which MaterialsService.attach makes a material. Whatever ends an upload
 * otherwise (termination, a refusal, expiry) removes its row and every object it had.
 */
@Injectable()
export class ResumableUploadsService {
  private readonly logger = new Logger(ResumableUploadsService.name);

  constructor(
    @InjectRepository(ResumableUpload) private readonly uploads: Repository<ResumableUpload>,
    @InjectRepository(CaseMaterial) private readonly materialFiles: Repository<CaseMaterial>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly materials: MaterialsService,
    private readonly clock: Clock,
  ) {}

  /** Checks everything that can be checked before any byte: the headers, the size, the case and item, the format. */
  async create(actor: Actor, headers: { length?: string; metadata?: string }): Promise<ResumableUpload> {
    const { uploadLength, metadata } = await creationHeaders(headers);
    if (uploadLength > MAX_MATERIAL_BYTES) throw fileTooLarge(MAX_MATERIAL_BYTES);
    const { caseId, requiredMaterialId, title } = metadata;
    const rules = await this.materials.admit(actor, caseId, title === undefined ? { requiredMaterialId: requiredMaterialId! } : { title });
    const fileName = sanitiseFileName(metadata.filename);
    claimedFormat(fileName, rules.acceptedFormats);
    const now = this.clock.now();
    return this.uploads.save(
      this.uploads.create({
        ownerId: actor.id, caseId, requiredMaterialId: requiredMaterialId ?? null, title: title ?? null, fileName, metadata: headers.metadata!,
        uploadLength, uploadOffset: 0, partKeys: [], writingKey: null, writingSince: null, status: 'receiving', finalKey: null, materialId: null,
        createdAt: now, expiresAt: new Date(now.getTime() + UPLOAD_LIFETIME_MS),
      }),
    );
  }

  /** The actor's own upload; anyone else's does not exist for them. One found expired is removed there and then (410). */
  async find(actor: Actor, id: string): Promise<ResumableUpload> {
    const upload = await this.uploads.findOneBy({ id, ownerId: actor.id });
    if (!upload) throw uploadNotFound();
    if (isExpired(upload, this.clock.now())) {
      await this.discard(upload.id);
      throw expired();
    }
    return upload;
  }

  /**
   * Stores one chunk starting at `offset` as its own object, then advances the offset by what was stored; a chunk
   * cut short leaves nothing and the offset where it was. The first chunk must be what the file name claims
   * (else the upload ends, 415). The last one completes the upload: the answer then names the material.
   */
  async receive(actor: Actor, id: string, offset: number, request: IncomingMessage): Promise<ResumableUpload> {
    const upload = await this.find(actor, id);
    // The last chunk's answer may have been lost on the way: its repeat is told what it achieved.
    if (upload.status === 'completed' && offset === upload.uploadLength) return upload;
    const remaining = upload.uploadLength - offset;
    assertWritable(upload, offset, this.clock.now());
    if (Number(request.headers['content-length'] ?? 0) > remaining) throw chunkTooLong(remaining);

    const key = `uploads/${upload.id}/${offset}-${randomBytes(4).toString('hex')}`;
    await this.claim(upload, offset, key);
    const received = await this.storeChunk(upload, offset, key, request).catch(async (error: unknown) => {
      await this.release(upload.id, key);
      // A first chunk that is not what the name claims ends the upload: no later chunk can make it right.
      if (error instanceof AppError && error.body.code === 'FILE_CONTENT_MISMATCH') await this.discard(upload.id);
      throw error;
    });
    if (received === 0) {
      await this.release(upload.id, key);
      await this.removeQuietly(key);
      return upload;
    }
    const advanced = await this.commit(upload.id, key, received);
    if (advanced === undefined) {
      // Terminated, expired or taken over while this chunk was arriving: it belongs to nothing now.
      await this.removeQuietly(key);
      throw (await this.uploads.existsBy({ id: upload.id })) ? busy() : uploadNotFound();
    }
    const current = { ...upload, uploadOffset: advanced, partKeys: [...upload.partKeys, key] };
    return advanced === upload.uploadLength ? this.complete(actor, current) : current;
  }

  /** Termination: the upload and every part of it go (a completed upload's record only: its material stays). */
  async terminate(actor: Actor, id: string): Promise<void> {
    const upload = await this.find(actor, id);
    if (upload.status === 'completing') throw busy();
    await this.discard(upload.id);
  }

  /** Removes every upload past its expiry, with its objects; returns how many. Several processes may sweep at once: each row goes to one. */
  async sweepExpired(): Promise<number> {
    const now = this.clock.now();
    const swept = await this.deleteReturning((query) =>
      query
        .where('expires_at <= :now', { now })
        // A join under way at the moment of expiry is given time to finish before it counts as abandoned.
        .andWhere(`(status <> 'completing' OR expires_at <= :stuck)`, { stuck: new Date(now.getTime() - ABANDONED_AFTER_MS) }),
    );
    for (const objects of swept) await this.removeObjects(objects);
    return swept.length;
  }

  private async storeChunk(upload: ResumableUpload, offset: number, key: string, request: IncomingMessage): Promise<number> {
    const { body, received } = chunkBody(request, upload.uploadLength - offset);
    const checked = offset === 0 ? through(body, contentCheck(upload.fileName, extensionOf(upload.fileName))) : body;
    try {
      await this.storage.put(key, checked);
    } catch (error) {
      // S3 refuses an empty object; an empty chunk is simply no progress.
      if (received() === 0 && request.complete) return 0;
      throw error;
    }
    return received();
  }

  /**
   * Takes the right to write the chunk at `offset`: a conditional update on the row as it was read, so that of two
   * PATCHes at once only one writes and only one advances the upload; the other is told 409 or 423. A claim left by
   * a process that died is taken over once abandoned (ABANDONED_AFTER_MS).
   */
  private async claim(upload: ResumableUpload, offset: number, key: string): Promise<void> {
    const now = this.clock.now();
    const claimed = await this.uploads
      .createQueryBuilder()
      .update(ResumableUpload)
      .set({ writingKey: key, writingSince: now })
      .where(`id = :id AND status = 'receiving' AND upload_offset = :offset`, { id: upload.id, offset })
      .andWhere(upload.writingKey === null ? 'writing_key IS NULL' : 'writing_key = :seen', { seen: upload.writingKey })
      .execute();
    if (claimed.affected !== 1) {
      const current = await this.uploads.findOneBy({ id: upload.id });
      if (!current) throw uploadNotFound();
      assertWritable(current, offset, now);
      throw busy();
    }
    if (upload.writingKey) await this.removeQuietly(upload.writingKey);
  }

  private async release(id: string, key: string): Promise<void> {
    await this.uploads.update({ id, writingKey: key }, { writingKey: null, writingSince: null });
  }

  /** Records a chunk stored whole, if this PATCH still holds the claim; returns the new offset. */
  private async commit(id: string, key: string, received: number): Promise<number | undefined> {
    const result = await this.uploads
      .createQueryBuilder()
      .update(ResumableUpload)
      .set({ uploadOffset: () => 'upload_offset + :received', partKeys: () => 'part_keys || jsonb_build_array(CAST(:key AS text))', writingKey: null, writingSince: null })
      .where('id = :id AND writing_key = :key', { id, key, received })
      .returning(['uploadOffset'])
      .execute();
    const row = (result.raw as { upload_offset: string }[])[0];
    return row ? Number(row.upload_offset) : undefined;
  }

  /**
   * Joins the parts into the case's file (streamed, hashed and counted on the way) and makes it a material. On any
   * refusal (the case left the applicant's turn meanwhile, the item is full) or failure nothing is left behind.
   */
  private async complete(actor: Actor, upload: ResumableUpload): Promise<ResumableUpload> {
    const finalKey = `cases/${upload.caseId}/${randomUUID()}`;
    const started = await this.uploads.update({ id: upload.id, status: 'receiving' }, { status: 'completing', finalKey });
    if (started.affected !== 1) throw busy();
    let materialId: string;
    try {
      const joined = through(joinedParts(this.storage, upload.partKeys), new Measuring());
      await this.storage.put(finalKey, joined);
      if (joined.sizeBytes !== upload.uploadLength) throw new Error(`upload ${upload.id}: the parts hold ${joined.sizeBytes} bytes, not ${upload.uploadLength}`);
      const contentType = FILE_FORMATS[extensionOf(upload.fileName)].mimeType;
      const file = { fileName: upload.fileName, contentType, sizeBytes: joined.sizeBytes, sha256: joined.sha256(), storageKey: finalKey };
      ({ id: materialId } = await this.materials.attach(actor, upload.caseId, targetOf(upload), file));
    } catch (error) {
      await this.discard(upload.id);
      throw error;
    }
    await this.uploads.update({ id: upload.id }, { status: 'completed', materialId, finalKey: null });
    for (const key of upload.partKeys) await this.removeQuietly(key);
    await this.uploads.update({ id: upload.id }, { partKeys: [] });
    return { ...upload, status: 'completed', materialId, finalKey: null, partKeys: [] };
  }

  /** Deletes an upload's row and then every object it had. */
  private async discard(id: string): Promise<void> {
    for (const objects of await this.deleteReturning((query) => query.where('id = :id', { id }))) await this.removeObjects(objects);
  }

  // The row is deleted and its object keys read in one statement: a chunk committed a moment earlier is not missed.
  private async deleteReturning(where: (query: Deletion) => Deletion): Promise<StoredObjects[]> {
    const result = await where(this.uploads.createQueryBuilder().delete().from(ResumableUpload)).returning(['partKeys', 'writingKey', 'finalKey']).execute();
    return (result.raw as { part_keys: string[]; writing_key: string | null; final_key: string | null }[]).map((row) => ({
      partKeys: row.part_keys, writingKey: row.writing_key, finalKey: row.final_key,
    }));
  }

  private async removeObjects({ partKeys, writingKey, finalKey }: StoredObjects): Promise<void> {
    for (const key of [...partKeys, ...(writingKey ? [writingKey] : [])]) await this.removeQuietly(key);
    // A joined file that became a material before its upload was marked completed is the material's now.
    if (finalKey && !(await this.materialFiles.existsBy({ storageKey: finalKey }))) await this.removeQuietly(finalKey);
  }

  private async removeQuietly(key: string): Promise<void> {
    await this.storage.remove(key).catch((error: Error) => this.logger.warn(`could not remove ${key}: ${error.message}`));
  }
}
