import { type PipeTransform } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isCalendarDate } from './calendar-date.js';

/** A path parameter that must pass `test`; anything else is a 400 naming the parameter, like a bad body field. */
function pathParam<T>(name: string, requirement: { zh: string; en: string }, parse: (raw: string) => T | undefined): PipeTransform<string, T> {
  return {
    transform(raw) {
      const value = parse(raw);
      if (value !== undefined) return value;
      throw new AppError(400, 'VALIDATION_FAILED', { zh: `路径参数 ${name} ${requirement.zh}`, en: `The path parameter ${name} ${requirement.en}` }, {
        fields: [{ field: name, problems: [`${name} ${requirement.en}`] }],
      });
    },
  };
}

export const calendarDateParam = (name: string) =>
  pathParam(name, { zh: '必须是 YYYY-MM-DD 格式的有效日期', en: 'must be a real date in the form YYYY-MM-DD' }, (raw) =>
    isCalendarDate(raw) ? raw : undefined,
  );

export const yearParam = (name: string) =>
  pathParam(name, { zh: '必须是 2000 至 2100 之间的年份', en: 'must be a year from 2000 to 2100' }, (raw) => {
    const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
    return year >= 2000 && year <= 2100 ? year : undefined;
  });
