import { Column } from 'typeorm';

/**
 * The columns of a row that stands for one file in object storage: its name and type as given, its size and
 * sha256 as measured on the way in, and the key it is stored under. An entity extends this to get them.
 */
export abstract class StoredFileColumns {
  @Column({ name: 'file_name' })
  fileName: string;

  @Column({ name: 'content_type' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key' })
  storageKey: string;
}
