import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One defect the notice names: a material item of the list, or (without one) something about the filing as a whole. */
export interface SupplementItem {
  requiredMaterialId: string | null;
  name: string;
  problem: string;
}

/** 一次性补正告知: every defect at once, item by item, for the submission round that is to answer it. */
@Entity({ name: 'supplementation_notices' })
export class SupplementationNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The submission round whose files answer this notice. */
  @Column({ type: 'int' })
  round: number;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column('uuid', { name: 'issued_by' })
  issuedBy: string;

  @Column({ type: 'jsonb' })
  items: SupplementItem[];
}
