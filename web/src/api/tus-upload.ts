import { Upload } from 'tus-js-client';
import { ApiError } from '../lib/api-errors';
import { tokenStore } from './client';

const CHUNK_BYTES = 5 * 1024 * 1024;

/**
 * Sends one file over tus to /api/uploads, in chunks that survive a broken connection (tus-js-client
 * resumes from the offset the server holds). A refusal comes back as the API's own error, with its message.
 */
export function uploadMaterial(file: File, target: { caseId: string; requiredMaterialId: string }, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: '/api/uploads',
      headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` },
      metadata: { filename: file.name, caseId: target.caseId, requiredMaterialId: target.requiredMaterialId },
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000],
      // A 4xx is the server's answer about the file, not a broken connection: retrying cannot help.
      onShouldRetry: (error) => {
        const status = (error as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409;
      },
      onProgress: (sent, total) => onProgress(total ? Math.round((100 * sent) / total) : 0),
      onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader('Tongban-Material-Id') ?? ''),
      onError: (error) => {
        const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } }).originalResponse;
        if (!response) return reject(new ApiError(0, null));
        let body: unknown = null;
        try {
          body = JSON.parse(response.getBody());
        } catch {
          // not JSON: the status alone is said
        }
        reject(new ApiError(response.getStatus(), body));
      },
    });
    upload.start();
  });
}
