import { Controller, Delete, Get, Head, Headers, HttpCode, Options, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, Public } from '../../common/actor.js';
import { chunkTypeRequired, isChunkContentType } from '../../common/json-bodies.js';
import { uuidParam } from '../../common/uuid-param.js';
import { MAX_MATERIAL_BYTES } from '../material-rules.js';
import type { ResumableUpload } from './resumable-upload.entity.js';
import { ResumableUploadsService } from './resumable-uploads.service.js';
import { httpDate, TUS_EXTENSIONS, TUS_VERSION } from './tus-protocol.js';
import { offsetHeader } from './upload-headers.dto.js';

const uploadParam = () => Param('uploadId', uuidParam('uploadId'));
/** Names the material a completed upload became. */
export const MATERIAL_ID_HEADER = 'Tongban-Material-Id';

/** Where an upload stands: the tus headers of HEAD and PATCH answers. */
function tellPosition(response: Response, upload: ResumableUpload): void {
  response.setHeader('Upload-Offset', String(upload.uploadOffset));
  if (upload.materialId) response.setHeader(MATERIAL_ID_HEADER, upload.materialId);
  else response.setHeader('Upload-Expires', httpDate(upload.expiresAt));
}

const present = (upload: ResumableUpload) => ({
  id: upload.id,
  caseId: upload.caseId,
  requiredMaterialId: upload.requiredMaterialId,
  title: upload.title,
  fileName: upload.fileName,
  status: upload.status,
  offset: upload.uploadOffset,
  length: upload.uploadLength,
  materialId: upload.materialId,
  expiresAt: upload.expiresAt.toISOString(),
});

/**
 * Resumable uploads of materials over tus 1.0.0 (core, creation, termination, expiration). The headers are the
 * protocol; errors still come as the platform's JSON error body.
 */
@ApiTags('uploads 断点续传')
@ApiBearerAuth()
@ApiHeader({ name: 'Tus-Resumable', description: `tus 协议版本 The tus version: ${TUS_VERSION} (not needed for OPTIONS and GET)`, required: false })
@Controller('api/uploads')
export class ResumableUploadsController {
  constructor(private readonly uploads: ResumableUploadsService) {}

  /** What this server speaks: the version, extensions and the largest upload. */
  @Public()
  @Options()
  @HttpCode(204)
  capabilities(@Res({ passthrough: true }) response: Response): void {
    response.setHeader('Tus-Version', TUS_VERSION);
    response.setHeader('Tus-Extension', TUS_EXTENSIONS.join(','));
    response.setHeader('Tus-Max-Size', String(MAX_MATERIAL_BYTES));
  }

  /** Creates an upload: Upload-Length, and Upload-Metadata with filename, caseId and requiredMaterialId or title (base64). */
  @Post()
  @ApiHeader({ name: 'Upload-Length', description: '文件字节数 Size of the file in bytes', required: true })
  @ApiHeader({ name: 'Upload-Metadata', description: 'filename, caseId, requiredMaterialId | title — each `key base64value`, comma-separated', required: true })
  async create(
    @CurrentActor() actor: Actor,
    @Headers('upload-length') length: string | undefined,
    @Headers('upload-metadata') metadata: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const upload = await this.uploads.create(actor, { length, metadata });
    response.setHeader('Location', `/api/uploads/${upload.id}`);
    response.setHeader('Upload-Expires', httpDate(upload.expiresAt));
    return present(upload);
  }

  // Declared before GET: Express would answer HEAD with the GET route otherwise.
  @Head(':uploadId')
  async position(@CurrentActor() actor: Actor, @uploadParam() id: string, @Res({ passthrough: true }) response: Response): Promise<void> {
    const upload = await this.uploads.find(actor, id);
    tellPosition(response, upload);
    response.setHeader('Upload-Length', String(upload.uploadLength));
    response.setHeader('Upload-Metadata', upload.metadata);
    response.setHeader('Cache-Control', 'no-store');
  }

  /** The upload as JSON: status (receiving, completing, completed), offset, length and, once completed, materialId. */
  @Get(':uploadId')
  async state(@CurrentActor() actor: Actor, @uploadParam() id: string, @Res({ passthrough: true }) response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    return present(await this.uploads.find(actor, id));
  }

  /** One chunk, at Upload-Offset, as application/offset+octet-stream. The last one answers Tongban-Material-Id. */
  @Patch(':uploadId')
  @HttpCode(204)
  @ApiHeader({ name: 'Upload-Offset', description: '本分片的起始字节 Where this chunk starts (what HEAD answered)', required: true })
  async chunk(@CurrentActor() actor: Actor, @uploadParam() id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    // A chunk without a body passes the body-type check of json-bodies.ts; it still has to say what it is.
    if (!isChunkContentType(request.headers['content-type'])) throw chunkTypeRequired();
    const offset = await offsetHeader(request.headers['upload-offset'] as string | undefined);
    try {
      tellPosition(response, await this.uploads.receive(actor, id, offset, request));
    } catch (error) {
      // A chunk refused before or while it was read has body bytes left on the connection: it cannot carry another request.
      if (!request.complete) response.setHeader('Connection', 'close');
      throw error;
    }
  }

  /** Termination: the upload and every part received so far are removed. */
  @Delete(':uploadId')
  @HttpCode(204)
  terminate(@CurrentActor() actor: Actor, @uploadParam() id: string): Promise<void> {
    return this.uploads.terminate(actor, id);
  }
}
