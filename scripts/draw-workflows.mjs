// Gives every workflows/*.bpmn a diagram (BPMN DI) and a picture, workflows/images/<name>.svg.
//
//   npm run diagrams                  (re-run it whenever a workflow changes: it is idempotent)
//   npm run diagrams -- --png=/tmp/x  (also writes PNG screenshots there, to look at)
//
// The layout comes from bpmn-auto-layout, but only its <bpmndi:BPMNDiagram> is kept: it is spliced into the
// file as authored, because auto-layout re-serialises the whole document and would drop our comments and
// formatting. The picture is drawn by bpmn-js in headless Chromium (a real browser measures the Chinese
// labels' width with a real CJK font): needs /usr/bin/chromium and a CJK font (Debian: chromium, fonts-noto-cjk).
import { readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BpmnModdle from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = path.join(root, 'workflows');
const imagesDir = path.join(workflowsDir, 'images');
const pngDir = process.argv.find((a) => a.startsWith('--png='))?.slice('--png='.length);
const require = createRequire(import.meta.url);

const DI_NAMESPACES = {
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
};
const DIAGRAM = /<bpmndi:BPMNDiagram\b[\s\S]*?<\/bpmndi:BPMNDiagram>/;
const END = '</bpmn:definitions>';
// How far the loops routed here keep off the gap and column centre lines, which auto-layout's own detours use.
const LANE = 12;

/** The <bpmndi:BPMNDiagram> element that bpmn-auto-layout computes for this XML. */
async function computeDiagram(xml) {
  const moddle = new BpmnModdle();
  const { rootElement: definitions } = await moddle.fromXML(xml);
  const loops = [];
  for (const proc of definitions.rootElements.filter((e) => e.$type === 'bpmn:Process')) {
    const flows = (proc.flowElements ?? []).filter((e) => e.$type === 'bpmn:SequenceFlow');
    // bpmn-auto-layout walks flowNode.incoming/outgoing, which moddle fills only from <bpmn:incoming>/<bpmn:outgoing>
    // children. Our files leave those out (they repeat sourceRef/targetRef), and without them every node looks
    // like a start and the process is stacked in one column: so fill them in, on this throwaway copy only.
    // Flows that close a loop are left out: with them bpmn-auto-layout 1.3 crashes on standard-licensing
    // (a loop back into a gateway); they get a route of their own below.
    const closing = loopClosingFlows(proc, flows);
    for (const flow of flows.filter((f) => !closing.has(f))) {
      flow.sourceRef.get('outgoing').push(flow);
      flow.targetRef.get('incoming').push(flow);
    }
    loops.push(...closing);
  }
  const laidOut = await moddle.fromXML(await layoutProcess((await moddle.toXML(definitions)).xml));

  // Route each loop through the space the grid leaves free (cells are 150 x 140, shapes sit in their middle):
  // out of the source's bottom into the gap below its row, along it to the free column just right of the
  // target's column, up that to the gap above the target's row, and down into the target's top (a gateway's
  // bottom is taken by its branches).
  const plane = laidOut.rootElement.diagrams[0].plane.get('planeElement');
  const bounds = (id) => plane.find((di) => di.bpmnElement?.id === id).bounds;
  for (const flow of loops) {
    const s = bounds(flow.sourceRef.id), t = bounds(flow.targetRef.id);
    const [sx, sy, tx, ty] = [s.x + s.width / 2, s.y + s.height / 2, t.x + t.width / 2, t.y + t.height / 2];
    const [below, column, above] = [sy + 70 + LANE, tx + 75 - LANE, ty - 70 + LANE];
    const points = [[sx, s.y + s.height], [sx, below], [column, below], [column, above], [tx, above], [tx, t.y]];
    plane.push(moddle.create('bpmndi:BPMNEdge', {
      id: `${flow.id}_di`,
      bpmnElement: laidOut.elementsById[flow.id],
      waypoint: points.map(([x, y]) => moddle.create('dc:Point', { x, y })),
    }));
  }
  const { xml: result } = await moddle.toXML(laidOut.rootElement, { format: true });
  return result.match(DIAGRAM)[0];
}

/** The flows that lead back to a node still on the depth-first path from a start event (document order). */
function loopClosingFlows(proc, flows) {
  const closing = new Set();
  const state = new Map(); // node -> 'open' while on the path, 'done' after
  const visit = (node) => {
    state.set(node, 'open');
    for (const flow of flows.filter((f) => f.sourceRef === node)) {
      const seen = state.get(flow.targetRef);
      if (seen === 'open') closing.add(flow);
      else if (!seen) visit(flow.targetRef);
    }
    state.set(node, 'done');
  };
  proc.flowElements.filter((e) => e.$type === 'bpmn:StartEvent').forEach(visit);
  return closing;
}

/** The original text with `diagram` as its only BPMNDiagram, just before </bpmn:definitions>. */
function spliceDiagram(original, diagram) {
  // Drop an earlier diagram together with the line it sat on, so that re-running changes nothing.
  let text = original.replace(new RegExp(`\\n?[ \\t]*${DIAGRAM.source}`, 'g'), '');
  const end = text.lastIndexOf(END);
  if (end < 0) throw new Error(`no ${END}`);
  text = `${text.slice(0, end).trimEnd()}\n  ${diagram}\n${text.slice(end)}`;

  // Declare the DI prefixes on the root start tag where missing, after its last xmlns:, in the same layout.
  const startTag = text.match(/<bpmn:definitions\b[^>]*>/)[0];
  const lastXmlns = [...startTag.matchAll(/(\s+)xmlns:\w+="[^"]*"/g)].at(-1);
  let tag = startTag;
  for (const [prefix, uri] of Object.entries(DI_NAMESPACES).reverse()) {
    if (tag.includes(`xmlns:${prefix}=`)) continue;
    const at = lastXmlns.index + lastXmlns[0].length;
    tag = `${tag.slice(0, at)}${lastXmlns[1]}xmlns:${prefix}="${uri}"${tag.slice(at)}`;
  }
  return text.replace(startTag, tag);
}

/** Draws `xml` with bpmn-js in `page` and returns the SVG (and a screenshot when asked). */
async function render(page, xml, pngPath) {
  const svg = await page.evaluate(async (xml) => {
    document.body.innerHTML = '<div id="canvas" style="width:100vw;height:100vh"></div>';
    // 11px rather than 12: the bilingual names are long, and fewer lines keep them clear of the task icons.
    const viewer = new window.BpmnJS({ container: '#canvas', textRenderer: { defaultStyle: { fontSize: 11 } } });
    const { warnings } = await viewer.importXML(xml); // e.g. a DI element that points at no flow element
    if (warnings.length) throw new Error(warnings.map((w) => w.message).join('\n'));
    const { svg } = await viewer.saveSVG();
    viewer.destroy();
    return svg;
  }, xml);
  if (pngPath) {
    // Screenshot the saved SVG itself (white background), i.e. what a reader of the repository will see.
    await page.evaluate((svg) => {
      document.body.innerHTML = `<div id="shot" style="display:inline-block;background:#fff">${svg}</div>`;
    }, svg);
    await page.locator('#shot').screenshot({ path: pngPath });
  }
  return svg;
}

/** bpmn-js names its arrow-head markers at random: number them, so an unchanged diagram gives an unchanged file. */
function stableIds(svg) {
  const ids = new Map();
  for (const [, id] of svg.matchAll(/<marker id="([^"]+)"/g)) ids.set(id, `marker-${ids.size + 1}`);
  return svg.replace(/(id="|url\('#)(marker-[a-z0-9]+)/g, (all, before, id) => before + (ids.get(id) ?? id));
}

const names = (await readdir(workflowsDir)).filter((f) => f.endsWith('.bpmn')).sort();
await mkdir(imagesDir, { recursive: true });
if (pngDir) await mkdir(pngDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  // deviceScaleFactor 2 only sharpens the PNGs; the SVGs do not depend on it.
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 2 });
  await page.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0"></body>');
  // The viewer's UMD bundle defines window.BpmnJS; its CSS only matters for the on-screen canvas.
  await page.addStyleTag({ path: require.resolve('bpmn-js/dist/assets/diagram-js.css') });
  await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js') });

  for (const file of names) {
    const name = path.basename(file, '.bpmn');
    const bpmnPath = path.join(workflowsDir, file);
    const original = await readFile(bpmnPath, 'utf8');
    const updated = spliceDiagram(original, await computeDiagram(original));
    if (updated !== original) await writeFile(bpmnPath, updated);

    const svg = await render(page, updated, pngDir && path.join(pngDir, `${name}.png`));
    await writeFile(path.join(imagesDir, `${name}.svg`), `${stableIds(svg)}\n`);
    console.log(`${file}: ${updated === original ? 'diagram unchanged' : 'diagram written'}, images/${name}.svg`);
  }
} finally {
  await browser.close();
}
