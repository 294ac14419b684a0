import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileColumns } from '../infrastructure/storage/stored-file.columns.js';

/**
 * The blank form (空白表格) of a required material, kept in object storage: at most one per material item.
 * Applicants download it from the service guide and the forms list (表格下载).
 */
@Entity({ name: 'material_templates' })
export class MaterialTemplate extends StoredFileColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'required_material_id' })
  requiredMaterialId: string;

  /** Who uploaded it; null for the forms shipped with the demo centre. */
  @Column('uuid', { name: 'uploaded_by', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
