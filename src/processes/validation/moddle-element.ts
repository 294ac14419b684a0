/**
 * The little of bpmn-moddle's object model that the rules read. Properties are optional and untrusted:
 * uploaded files lack ids, names and references that a modeller would always write.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly $parent?: ModdleElement;
  /** Attributes of namespaces moddle does not know (camunda:, flowable:…), keyed as written in the file. */
  readonly $attrs?: Readonly<Record<string, unknown>>;
  readonly $descriptor?: ModdleDescriptor;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

interface ModdleDescriptor {
  readonly isGeneric?: boolean;
  readonly properties: readonly { name: string; type: string; isAttr?: boolean; isReference?: boolean; isMany?: boolean }[];
}

export interface ModdleExpression extends ModdleElement {
  readonly body?: string;
  readonly language?: string;
}

export interface ModdleSequenceFlow extends ModdleElement {
  readonly sourceRef?: ModdleElement;
  readonly targetRef?: ModdleElement;
  readonly conditionExpression?: ModdleExpression;
}

export function is(element: unknown, type: string): boolean {
  return isModdleElement(element) && element.$instanceOf(type);
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$instanceOf === 'function';
}

/** A many-valued property as an array of elements, whatever the file held there. */
export function children(element: ModdleElement, property: string): ModdleElement[] {
  const value = element.get(property);
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function stringProperty(element: ModdleElement, property: string): string | undefined {
  const value = element.get(property);
  return typeof value === 'string' ? value : undefined;
}

/** `bpmn:UserTask` → `userTask`, the tag a modeller knows. */
export function tagName(element: ModdleElement): string {
  const local = element.$type.slice(element.$type.indexOf(':') + 1);
  return local.charAt(0).toLowerCase() + local.slice(1);
}

/** Attributes from unknown namespaces whose local name is one of `localNames`, whatever prefix the file chose. */
export function foreignAttributes(element: ModdleElement, localNames: readonly string[]): string[] {
  return Object.keys(element.$attrs ?? {}).filter((key) => localNames.includes(key.slice(key.indexOf(':') + 1)));
}

/** What a message calls the element: its name on one line, else its id. */
export function label(element: ModdleElement): string {
  return element.name?.replace(/\s+/g, ' ').trim() || element.id || '?';
}

/** Space-separated tokens of an attribute such as `tongban:actions`. */
export function tokens(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

const SIMPLE_TYPES = ['String', 'Boolean', 'Integer', 'Real'];

/**
 * Every element contained in `root` (itself included), following containment only, never references. Uses
 * an explicit stack: the nesting depth is bounded by the syntax check, but a walk should not rely on it.
 */
export function descendants(root: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const pending = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    found.push(element);
    const descriptor = element.$descriptor;
    if (!descriptor || descriptor.isGeneric) continue;
    for (const property of descriptor.properties) {
      if (property.isAttr || property.isReference || SIMPLE_TYPES.includes(property.type)) continue;
      const value = (element as unknown as Record<string, unknown>)[property.name];
      for (const child of Array.isArray(value) ? value : [value]) if (isModdleElement(child)) pending.push(child);
    }
  }
  return found;
}

/** The element itself or its nearest ancestor that has an id: what a problem inside it should point at. */
export function nearestId(element: ModdleElement): string | null {
  for (let current: ModdleElement | undefined = element; current; current = current.$parent) if (current.id) return current.id;
  return null;
}
