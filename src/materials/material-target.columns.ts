import { Column } from 'typeorm';
import type { MaterialTarget } from './material-rules.js';

/**
 * The columns of a row that belongs to one target of a case: an item of the matter's list, or an extra material
 * with its own title. An entity extends this to get them.
 */
export abstract class MaterialTargetColumns {
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The item of the matter's list; null for an extra material beyond the list, which has a title instead. */
  @Column('uuid', { name: 'required_material_id', nullable: true })
  requiredMaterialId: string | null;

  @Column({ type: 'varchar', nullable: true })
  title: string | null;
}

export const targetOf = (row: MaterialTargetColumns): MaterialTarget =>
  row.requiredMaterialId ? { requiredMaterialId: row.requiredMaterialId } : { title: row.title! };
