import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { hasDiagram, type Mark } from '../lib/diagram-marks';
import './bpmn-diagram.css';

interface Props {
  xml: string;
  marks?: Mark[];
  /** Text shown beside an element (the validator's problems), by element id. */
  notes?: Map<string, string>;
  /** Names the picture for screen readers. */
  label: string;
}

interface Canvas {
  addMarker(id: string, className: string): void;
  zoom(level: string): void;
}
interface Overlays {
  add(id: string, overlay: { position: { top: number; right: number }; html: HTMLElement }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

/** A BPMN diagram drawn with bpmn-js, with marks on elements; a file without a diagram is laid out first. */
export default function BpmnDiagram({ xml, marks = [], notes, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    let current = true;
    (async () => {
      const drawable = hasDiagram(xml) ? xml : await (await import('bpmn-auto-layout')).layoutProcess(xml);
      await viewer.importXML(drawable);
      if (!current) return;
      const canvas = viewer.get<Canvas>('canvas');
      const registry = viewer.get<ElementRegistry>('elementRegistry');
      const overlays = viewer.get<Overlays>('overlays');
      canvas.zoom('fit-viewport');
      for (const mark of marks) if (registry.get(mark.elementId)) canvas.addMarker(mark.elementId, mark.className);
      for (const [elementId, text] of notes ?? []) {
        if (!registry.get(elementId)) continue;
        canvas.addMarker(elementId, 'tb-problem');
        const note = document.createElement('div');
        note.className = 'tb-problem-note';
        note.textContent = text;
        note.title = text;
        overlays.add(elementId, { position: { top: -12, right: 12 }, html: note });
      }
    })().catch((error: Error) => current && setFailure(error.message));
    return () => {
      current = false;
      viewer.destroy();
    };
  }, [xml, marks, notes]);

  return (
    <figure style={{ margin: 0 }}>
      <div ref={container} role="img" aria-label={label} style={{ height: 420, border: '1px solid #eee', background: '#fff' }} />
      {failure && <figcaption style={{ color: '#cf1322' }}>{failure}</figcaption>}
    </figure>
  );
}
