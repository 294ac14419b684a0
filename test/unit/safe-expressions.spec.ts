import { describe, expect, it } from '@jest/globals';
import { evaluate, safeExpressions, UnsupportedExpressionError } from '../../src/processes/engine/safe-expressions.js';

describe('safeExpressions', () => {
  const context = { environment: { output: { outcome: 'accept', count: 3 }, variables: { applicant: { kind: 'organisation' } } } };

  it('compares a looked-up value with a literal', () => {
    expect(safeExpressions.resolveExpression('${outcome == "accept"}', context)).toBe(true);
    expect(safeExpressions.resolveExpression('${outcome == "refuse"}', context)).toBe(false);
    expect(safeExpressions.resolveExpression("${outcome != 'refuse'}", context)).toBe(true);
    expect(safeExpressions.resolveExpression('${count == 3}', context)).toBe(true);
  });

  it('looks up nested paths in output, then variables', () => {
    expect(safeExpressions.resolveExpression('${applicant.kind}', context)).toBe('organisation');
    expect(safeExpressions.resolveExpression('${missing.path}', context)).toBeUndefined();
  });

  it('fills templates inside text', () => {
    expect(safeExpressions.resolveExpression('outcome: ${outcome}', context)).toBe('outcome: accept');
    expect(safeExpressions.resolveExpression('no expression', context)).toBe('no expression');
  });

  it('refuses anything that is not a path or a comparison, so no JavaScript ever runs', () => {
    for (const code of ['process.exit(1)', 'outcome == "a" || true', 'constructor.constructor("return process")()', 'a[0]']) {
      expect(() => evaluate(code, {})).toThrow(UnsupportedExpressionError);
    }
  });
});
