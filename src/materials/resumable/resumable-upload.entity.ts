import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MaterialTargetColumns } from '../material-target.columns.js';

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * receiving: chunks are being taken; completing: the last one arrived and the parts are being joined into the
 * material; completed: the material exists (`materialId`).
 */
export type UploadStatus = 'receiving' | 'completing' | 'completed';

/**
 * A file arriving over tus. Each chunk a PATCH stored whole is its own object (`partKeys`, in order); the one
 * being written now, if any, is `writingKey`, so that whoever ends the upload knows every object to remove.
 */
@Entity({ name: 'resumable_uploads' })
export class ResumableUpload extends MaterialTargetColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Only the user who created an upload may see or continue it. */
  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  /** Already cleaned (sanitiseFileName) and of a format the item takes. */
  @Column({ name: 'file_name' })
  fileName: string;

  /** The Upload-Metadata header as the client sent it: HEAD answers it back, as tus asks. */
  @Column({ type: 'text' })
  metadata: string;

  @Column({ name: 'upload_length', type: 'bigint', transformer: bigint })
  uploadLength: number;

  @Column({ name: 'upload_offset', type: 'bigint', transformer: bigint })
  uploadOffset: number;

  @Column({ name: 'part_keys', type: 'jsonb' })
  partKeys: string[];

  @Column({ name: 'writing_key', type: 'varchar', nullable: true })
  writingKey: string | null;

  @Column({ name: 'writing_since', type: 'timestamptz', nullable: true })
  writingSince: Date | null;

  @Column({ type: 'varchar' })
  status: UploadStatus;

  /** While completing: the object the parts are being joined into. */
  @Column({ name: 'final_key', type: 'varchar', nullable: true })
  finalKey: string | null;

  @Column('uuid', { name: 'material_id', nullable: true })
  materialId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
