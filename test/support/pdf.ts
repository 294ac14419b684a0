import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF, all pages joined, as a real PDF parser (pdf.js) reads it: what a reader can copy out of the file. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}
