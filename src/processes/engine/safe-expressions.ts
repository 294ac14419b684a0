/**
 * Expressions in process definitions are evaluated here, never as JavaScript: uploaded BPMN must not run
 * code on the server. Supported: `${path.to.value}` and `${path == "literal"}` / `${path != "literal"}`,
 * where a path is looked up in the process output, then its variables, then the element's context.
 */
const PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const COMPARISON = /^(.+?)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)|(true|false|null))$/;
const TEMPLATE = /\$\{([^}]*)\}/g;

export class UnsupportedExpressionError extends Error {}

type Scope = Record<string, unknown>;

function lookup(path: string, scope: Scope): unknown {
  if (!PATH.test(path)) throw new UnsupportedExpressionError(`not a property path: ${path}`);
  return path.split('.').reduce<unknown>((value, key) => (value == null ? undefined : (value as Scope)[key]), scope);
}

function literal(match: RegExpExecArray): unknown {
  const [, , , doubleQuoted, singleQuoted, number, keyword] = match;
  if (doubleQuoted !== undefined) return doubleQuoted;
  if (singleQuoted !== undefined) return singleQuoted;
  if (number !== undefined) return Number(number);
  return keyword === 'null' ? null : keyword === 'true';
}

export function evaluate(expression: string, scope: Scope): unknown {
  const body = expression.trim();
  const comparison = COMPARISON.exec(body);
  if (!comparison) return lookup(body, scope);
  const equal = lookup(comparison[1].trim(), scope) === literal(comparison);
  return comparison[2] === '==' ? equal : !equal;
}

function scopeOf(context: Scope | undefined): Scope {
  const environment = (context?.environment ?? {}) as { output?: Scope; variables?: Scope };
  return { ...context, ...environment.variables, ...environment.output };
}

export const safeExpressions = {
  resolveExpression(template: string, context?: Scope): unknown {
    if (typeof template !== 'string') return template;
    const scope = scopeOf(context);
    const whole = /^\$\{([^}]*)\}$/.exec(template.trim());
    if (whole) return evaluate(whole[1], scope);
    return template.replace(TEMPLATE, (_, expression: string) => String(evaluate(expression, scope) ?? ''));
  },
};

/**
 * Throws UnsupportedExpressionError unless `condition` is one whole `${…}` that `evaluate` can run. Lets an
 * uploaded process be refused when it is checked, not when a case first reaches the condition. A text that is
 * not one whole template would be resolved to a non-empty string, always true, hence refused too.
 */
export function assertSupportedCondition(condition: string): void {
  const whole = /^\$\{([^}]*)\}$/.exec(condition.trim());
  if (!whole) throw new UnsupportedExpressionError(`not a single \${…} expression: ${condition.trim()}`);
  const body = whole[1].trim();
  const comparison = COMPARISON.exec(body);
  const path = comparison ? comparison[1].trim() : body;
  if (!PATH.test(path)) throw new UnsupportedExpressionError(`not a property path: ${path}`);
}
