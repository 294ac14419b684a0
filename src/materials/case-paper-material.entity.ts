import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 纸质材料收取: the paper originals and photocopies of one material item that the window received for a walk-in case. */
@Entity({ name: 'case_paper_materials' })
export class CasePaperMaterial {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'required_material_id' })
  requiredMaterialId: string;

  @Column({ type: 'int' })
  originals: number;

  @Column({ type: 'int' })
  photocopies: number;

  @Column('uuid', { name: 'received_by' })
  receivedBy: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
