import { BpmnProblem, problem } from './bpmn-problem.js';

/** Largest upload taken. Real exports run to about 1 MB (ADONIS' full MIWG B.2.0 set is 0.9 MB). */
export const MAX_BPMN_BYTES = 5 * 1024 * 1024;

/**
 * A DOCTYPE is where entities are declared: the billion-laughs expansion and external entities that read
 * local files or fetch URLs. BPMN never needs one, so any `<!DOCTYPE` or `<!ENTITY` is refused outright,
 * even inside a comment, rather than trusting every later parser to ignore it.
 */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type Screened = { text: string } | { problem: BpmnProblem };

/**
 * Checks what can be checked on the raw input before any XML parser sees it: its size first, so that an
 * oversized upload costs nothing; then that it is UTF-8 text; then that it declares no entities.
 */
export function screenXml(xml: Buffer | string): Screened {
  if (typeof xml !== 'string' && !Buffer.isBuffer(xml)) return { problem: notXml('the upload is neither text nor bytes', '上传内容既不是文本也不是字节') };
  const tooLarge = sizeProblem(xml);
  if (tooLarge) return { problem: tooLarge };
  const text = typeof xml === 'string' ? xml : decodeUtf8(xml);
  if (text === undefined || LONE_SURROGATE.test(text)) return { problem: notXml('the file is not UTF-8 text', '文件不是 UTF-8 编码的文本') };
  if (text.includes('\0')) return { problem: notXml('the file contains NUL bytes: it is binary, not XML', '文件含有空字符（NUL），是二进制文件而非 XML') };
  if (DECLARATION.test(text)) {
    return {
      problem: problem(
        'doctype-forbidden',
        null,
        '文件含有 <!DOCTYPE> 或 <!ENTITY> 声明。出于安全原因（实体扩展、外部实体），BPMN 文件不得包含文档类型声明。',
        'The file contains a <!DOCTYPE> or <!ENTITY> declaration. For safety (entity expansion, external entities), a BPMN file must not declare a document type.',
      ),
    };
  }
  return { text };
}

function sizeProblem(xml: Buffer | string): BpmnProblem | null {
  // A string's UTF-16 length never exceeds its UTF-8 size: a long string is refused before being measured.
  const bytes = typeof xml === 'string' ? (xml.length > MAX_BPMN_BYTES ? xml.length : Buffer.byteLength(xml, 'utf8')) : xml.length;
  if (bytes <= MAX_BPMN_BYTES) return null;
  const mib = (bytes / 1024 / 1024).toFixed(1);
  return problem(
    'file-too-large',
    null,
    `文件过大（${mib} MiB），上限为 ${MAX_BPMN_BYTES / 1024 / 1024} MiB。`,
    `The file is too large (${mib} MiB); the limit is ${MAX_BPMN_BYTES / 1024 / 1024} MiB.`,
  );
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    // `fatal` turns a malformed sequence into an error instead of a silent U+FFFD; a BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function notXml(en: string, zh: string): BpmnProblem {
  return problem('not-xml', null, `${zh}。请上传 UTF-8 编码的 BPMN 2.0 XML 文件。`, `${en}. Upload a BPMN 2.0 XML file encoded in UTF-8.`);
}
