import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { receiveFile } from '../materials/multipart-file.js';
import { CatalogTrail } from './catalog-trail.js';
import { itemOf } from './material-items.service.js';
import { MaterialTemplate } from './material-template.entity.js';
import { templateNotFound } from './material-templates.service.js';
import { lockMatter } from './matter-references.js';
import { templateSummary, type TemplateSummary } from './service-guide.js';
import { removeQuietly, removingOnFailure } from '../infrastructure/storage/stored-file-cleanup.js';

/** The formats of a blank form: a document to print or to fill in. Each is checked by its content, as materials are. */
export const TEMPLATE_FORMATS = ['pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx'] as const;
/** 20 MiB: a blank form is a few pages; anything larger is a mistake, not a form. */
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

/**
 * Administrators upload, replace and remove the blank form (空白表格) of a material item. The file is streamed
 * to object storage and checked on the way (receiveFile: format by name and by content, size); its row and
 * the trail entry are then written in one transaction, and the file it replaced is removed once that commits.
 */
@Injectable()
export class TemplateUploadsService {
  private readonly logger = new Logger(TemplateUploadsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly trail: CatalogTrail,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(actor: Actor, matterId: string, itemId: string, request: IncomingMessage): Promise<TemplateSummary> {
    await itemOf(this.dataSource.manager, matterId, itemId);
    const storageKey = `templates/${randomUUID()}`;
    const file = await removingOnFailure(this.storage, storageKey, this.logger, () =>
      receiveFile(request, { maxBytes: MAX_TEMPLATE_BYTES, acceptedFormats: TEMPLATE_FORMATS }, (body) => this.storage.put(storageKey, body)),
    );
    const { template, replaced } = await removingOnFailure(this.storage, storageKey, this.logger, () =>
      this.dataSource.transaction(async (tx) => {
        await lockMatter(tx, matterId);
        await itemOf(tx, matterId, itemId);
        const previous = await tx.findOneBy(MaterialTemplate, { requiredMaterialId: itemId });
        if (previous) await tx.delete(MaterialTemplate, { id: previous.id });
        const { fileName, contentType, sizeBytes, sha256 } = file;
        const row = { requiredMaterialId: itemId, fileName, contentType, sizeBytes, sha256, storageKey, uploadedBy: actor.id };
        const { identifiers } = await tx.insert(MaterialTemplate, row);
        await this.trail.record(tx, actor, 'template.upload', matterId, { itemId, fileName, sizeBytes, sha256, replaced: previous?.fileName ?? null });
        return { template: await tx.findOneByOrFail(MaterialTemplate, { id: identifiers[0].id as string }), replaced: previous };
      }),
    );
    if (replaced) await removeQuietly(this.storage, replaced.storageKey, this.logger);
    return templateSummary(template, matterId);
  }

  async remove(actor: Actor, matterId: string, itemId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (tx) => {
      await lockMatter(tx, matterId);
      await itemOf(tx, matterId, itemId);
      const template = await tx.findOneBy(MaterialTemplate, { requiredMaterialId: itemId });
      if (!template) throw templateNotFound();
      await tx.delete(MaterialTemplate, { id: template.id });
      await this.trail.record(tx, actor, 'template.remove', matterId, { itemId, fileName: template.fileName, sha256: template.sha256 });
      return template;
    });
    await removeQuietly(this.storage, removed.storageKey, this.logger);
  }
}
