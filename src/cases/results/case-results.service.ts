import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Repository } from 'typeorm';
import { type Actor } from '../../common/actor.js';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../infrastructure/storage/object-storage.js';
import { assertCanRead } from '../case-access.js';
import { Case } from '../case.entity.js';
import type { ServiceRun } from '../service-runs/service-run.entity.js';
import { CaseDocument } from './case-document.entity.js';
import { renderNotice } from './notice-document.js';
import { Licence } from './licence.entity.js';

const DOCUMENT = { zh: '文书', en: 'Document' };

/** What a case produces: generated notices and decisions, and the electronic licence of a granted case. */
@Injectable()
export class CaseResultsService {
  constructor(
    @InjectRepository(CaseDocument) private readonly documents: Repository<CaseDocument>,
    @InjectRepository(Licence) private readonly licences: Repository<Licence>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  /** Writes the notice to storage, then records it; run again for the same run it records nothing new. */
  async generateNotice(run: ServiceRun, kase: Case, reason: string | null): Promise<{ documentId: string }> {
    const earlier = await this.documents.findOneBy({ serviceRunId: run.id });
    if (earlier) return { documentId: earlier.id };
    const now = this.clock.now();
    const html = Buffer.from(renderNotice({ title: run.name, kase, reason, at: now }), 'utf8');
    const storageKey = `documents/${kase.id}/${run.id}.html`;
    await this.storage.put(storageKey, Readable.from([html]));
    const sha256 = createHash('sha256').update(html).digest('hex');
    const document = { caseId: kase.id, serviceRunId: run.id, title: run.name, storageKey, contentType: 'text/html; charset=utf-8', sizeBytes: html.length, sha256, createdAt: now };
    await this.documents.createQueryBuilder().insert().values(document).orIgnore().execute();
    return { documentId: (await this.documents.findOneByOrFail({ serviceRunId: run.id })).id };
  }

  /** One licence per case, numbered after the case. */
  async issueLicence(kase: Case): Promise<{ licenceNumber: string }> {
    const licence = { licenceNumber: `ZZ-${kase.caseNumber}`, caseId: kase.id, matterId: kase.matterId, holder: kase.applicantOrganisation, projectName: kase.projectName, issuedAt: this.clock.now() };
    await this.licences.createQueryBuilder().insert().values(licence).orIgnore().execute();
    return { licenceNumber: (await this.licences.findOneByOrFail({ caseId: kase.id })).licenceNumber };
  }

  async listDocuments(actor: Actor, caseId: string) {
    assertCanRead(actor, await this.cases.findOneBy({ id: caseId }));
    const documents = await this.documents.find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return documents.map(({ id, title, contentType, sizeBytes, sha256, createdAt }) => ({ id, title, contentType, sizeBytes, sha256, createdAt }));
  }

  async openDocument(actor: Actor, caseId: string, documentId: string): Promise<{ document: CaseDocument; body: Readable }> {
    assertCanRead(actor, await this.cases.findOneBy({ id: caseId }));
    const document = await this.documents.findOneBy({ id: documentId, caseId });
    if (!document) throw notFound(DOCUMENT, 'DOCUMENT_NOT_FOUND');
    return { document, body: await this.storage.get(document.storageKey) };
  }

  async licenceOf(actor: Actor, caseId: string): Promise<Licence> {
    assertCanRead(actor, await this.cases.findOneBy({ id: caseId }));
    const licence = await this.licences.findOneBy({ caseId });
    if (!licence) throw notFound({ zh: '电子证照', en: 'Licence' }, 'LICENCE_NOT_FOUND');
    return licence;
  }
}
