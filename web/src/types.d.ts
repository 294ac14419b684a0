// bpmn-auto-layout ships no types; this is the one function used (components/BpmnDiagram.tsx).
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
