import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Message } from '../../common/app-error.js';
import type { Case } from '../case.entity.js';
import type { TransitionCommand } from '../transition.js';
import { CaseDelivery } from './case-delivery.entity.js';

/** The actions that hand a result over, and the record each one needs. */
const NEEDS = {
  deliver: { field: 'postal', method: 'post', zh: '邮寄送达须登记快递企业、运单号和送达地址', en: 'Delivery by post needs the carrier, the tracking number and the address' },
  pickUp: { field: 'pickup', method: 'pickup', zh: '领取登记须填写领取人姓名和身份证件', en: 'A pickup needs the name and ID document of the person collecting' },
} as const;

type HandingOver = keyof typeof NEEDS;
const handsOver = (action: string): action is HandingOver => Object.hasOwn(NEEDS, action);

/** How a result reached the applicant: the post's tracking number, or who collected it on which ID (领取登记). */
@Injectable()
export class DeliveryRecords {
  /** Why this hand-over may not be recorded (its details are missing), or null. */
  refusal(command: TransitionCommand): { code: string; message: Message; details: object } | null {
    if (!handsOver(command.action)) return null;
    const need = NEEDS[command.action];
    if (command.payload[need.field]) return null;
    return { code: 'VALIDATION_FAILED', message: { zh: need.zh, en: need.en }, details: { fields: [{ field: need.field, problems: [`${need.field} is required with ${command.action}`] }] } };
  }

  async record(tx: EntityManager, kase: Case, command: TransitionCommand, now: Date): Promise<object> {
    if (!handsOver(command.action)) return {};
    const { postal, pickup } = command.payload;
    const delivery = tx.create(CaseDelivery, {
      caseId: kase.id, method: NEEDS[command.action].method, recordedBy: command.actor.id, recordedAt: now,
      carrier: postal?.carrier ?? null, trackingNumber: postal?.trackingNumber ?? null, address: postal?.address ?? null,
      collectorName: pickup?.name ?? null, collectorIdType: pickup?.idType ?? null, collectorIdNumber: pickup?.idNumber ?? null,
    });
    await tx.save(delivery);
    return { delivery: presentDelivery(delivery) };
  }

  async ofCase(manager: EntityManager, caseId: string) {
    return (await manager.find(CaseDelivery, { where: { caseId }, order: { recordedAt: 'ASC' } })).map(presentDelivery);
  }
}

/** The ID number is shown masked (as on a printed receipt): enough to recognise it, not to reuse it. */
export function presentDelivery(delivery: CaseDelivery) {
  const { method, carrier, trackingNumber, address, collectorName, collectorIdType, collectorIdNumber, recordedAt } = delivery;
  return method === 'post'
    ? { method, carrier, trackingNumber, address, recordedAt }
    : { method, collector: { name: collectorName, idType: collectorIdType, idNumber: maskId(collectorIdNumber!) }, recordedAt };
}

const maskId = (number: string) => (number.length <= 8 ? `${number.slice(0, 1)}***` : `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`);
