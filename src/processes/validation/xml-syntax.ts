import { SaxesParser, SaxesTagNS } from 'saxes';
import { BpmnProblem, problem } from './bpmn-problem.js';

export const BPMN_MODEL_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * Real exports nest a dozen levels deep (definitions, process, sub-processes, extension elements). moddle's
 * and bpmnlint's tree walks recurse, and a few thousand levels, which 5 MiB easily holds, overflow the stack.
 */
export const MAX_XML_DEPTH = 100;

class TooDeep extends Error {}

/**
 * bpmn-moddle reads leniently: it takes an unbound prefix, `&` or `<` in an attribute, a duplicate or unquoted
 * attribute, a second root, text after the root. A strict, namespace-aware pass comes first, so that a file
 * the engine runs is exactly the XML the designer sees. It builds no tree and stops at the first error.
 */
export function checkXmlSyntax(text: string): BpmnProblem | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: SaxesTagNS | undefined;
  let depth = 0;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    root ??= tag;
    if (++depth > MAX_XML_DEPTH) throw new TooDeep(tag.name);
  });
  parser.on('closetag', () => depth--);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof TooDeep) return tooDeep(error.message);
    return notWellFormed(error instanceof Error ? error.message : String(error));
  }
  if (root?.local !== 'definitions' || root.uri !== BPMN_MODEL_NAMESPACE) return notBpmn(root);
  return null;
}

function notWellFormed(detail: string): BpmnProblem {
  return problem(
    'not-well-formed',
    null,
    `文件不是格式正确的 XML（${detail}）。请从建模工具重新导出。`,
    `The file is not well-formed XML (${detail}). Export it again from the modelling tool.`,
  );
}

function notBpmn(root: SaxesTagNS | undefined): BpmnProblem {
  const found = root ? `<${root.name}>${root.uri ? ` (${root.uri})` : ''}` : '-';
  return problem(
    'not-bpmn',
    null,
    `文件不是 BPMN 2.0 模型：根元素应为 ${BPMN_MODEL_NAMESPACE} 命名空间中的 <definitions>，实际为 ${found}。`,
    `The file is not a BPMN 2.0 model: its root must be <definitions> in the namespace ${BPMN_MODEL_NAMESPACE}, found ${found}.`,
  );
}

function tooDeep(tag: string): BpmnProblem {
  return problem(
    'too-deeply-nested',
    null,
    `XML 元素嵌套超过 ${MAX_XML_DEPTH} 层（在 <${tag}> 处）。BPMN 文件不需要这么深的嵌套。`,
    `XML elements are nested more than ${MAX_XML_DEPTH} levels deep (at <${tag}>). A BPMN file never needs that.`,
  );
}
