import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IdDocumentType } from './id-documents.js';

/** 法人 An organisation that files through the platform: several of its staff may hold accounts in it. */
@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** 统一社会信用代码 (GB 32100-2015): one organisation per code. */
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ name: 'legal_representative_name' })
  legalRepresentativeName: string;

  @Column({ name: 'legal_representative_id_type', type: 'varchar' })
  legalRepresentativeIdType: IdDocumentType;

  @Column({ name: 'legal_representative_id_number' })
  legalRepresentativeIdNumber: string;

  @Column()
  address: string;

  @Column({ name: 'contact_name' })
  contactName: string;

  @Column({ name: 'contact_phone' })
  contactPhone: string;

  @Column({ type: 'varchar', nullable: true })
  mobile: string | null;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
