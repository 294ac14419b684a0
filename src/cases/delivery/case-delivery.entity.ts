import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryMethod = 'post' | 'pickup';

/** How a case's result reached the applicant: posted (邮寄送达) with its tracking number, or collected (领取登记). */
@Entity({ name: 'case_deliveries' })
export class CaseDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column({ type: 'varchar' })
  method: DeliveryMethod;

  @Column({ type: 'varchar', nullable: true })
  carrier: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'collector_name', type: 'varchar', nullable: true })
  collectorName: string | null;

  @Column({ name: 'collector_id_type', type: 'varchar', nullable: true })
  collectorIdType: string | null;

  @Column({ name: 'collector_id_number', type: 'varchar', nullable: true })
  collectorIdNumber: string | null;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
