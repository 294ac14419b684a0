import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MaterialForm, MaterialSource } from './guide-codes.js';

/** One item of a matter's list of application materials (申请材料). */
@Entity({ name: 'required_materials' })
export class RequiredMaterial {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'matter_id' })
  matterId: string;

  @Column()
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'original_copies', type: 'int' })
  originalCopies: number;

  @Column({ name: 'photocopies', type: 'int' })
  photocopies: number;

  @Column({ name: 'is_required' })
  isRequired: boolean;

  /** 来源渠道, and the 出具机构 where someone other than the applicant issues it. */
  @Column({ type: 'varchar' })
  source: MaterialSource;

  @Column({ type: 'text', nullable: true })
  issuer: string | null;

  /** 材料形式: paper, electronic or both; an electronic-only material has no paper copies. */
  @Column({ type: 'varchar' })
  form: MaterialForm;

  /** 填报须知: how to fill in or prepare it. */
  @Column({ name: 'filling_notes', type: 'text', nullable: true })
  fillingNotes: string | null;

  @Column({ type: 'int' })
  position: number;

  /** Extensions of the formats the item takes (pdf, jpg…); a file's content must match its extension. */
  @Column('text', { name: 'accepted_formats', array: true })
  acceptedFormats: string[];

  /** How many files one submission of the item may have (several pages scanned apart, several certificates). */
  @Column({ name: 'max_files', type: 'int' })
  maxFiles: number;
}
