import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { Trimmed } from '../common/trim.js';
import { creditCodeProblem, ID_DOCUMENT_TYPES, idDocumentNumberProblem, type IdDocumentType } from './id-documents.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH, PASSWORD_RULES, characterClasses, isCommonPassword } from './password-policy.js';

/*
 * The account fields, each one decorator with every check it gets, so that registration and profile editing
 * validate a field the same way. Every message starts with the field's name.
 */

type FieldDecorator = (target: object, propertyKey: string) => void;

const all = (...decorators: PropertyDecorator[]): FieldDecorator => (target, key) => {
  for (const decorator of decorators) decorator(target, key);
};

/** Removes every space and upper-cases: ID numbers and codes are often typed in groups, or with a lower-case x. */
const Compact = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value));

const check = (name: string, test: (value: string, args: ValidationArguments) => boolean, message: (args: ValidationArguments) => string) =>
  ValidateBy({
    name,
    validator: {
      // Only strings are judged here: a value of another type gets "must be a string" alone.
      validate: (value: unknown, args?: ValidationArguments) => typeof value !== 'string' || test(value, args!),
      defaultMessage: (args?: ValidationArguments) => message(args!),
    },
  });

/** In a profile edit: checked when given; absent means unchanged. Null is refused (the field is required). */
export const OptionalField = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
/** In a profile edit, a field that may be cleared: null clears it. */
export const ClearableField = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
export const Kind = (kind: string) =>
  all(ApiProperty({ enum: [kind], description: '账户类型 Kind of account' }), IsIn([kind], { message: `kind must be "${kind}"` }));

export const Username = () =>
  all(
    ApiProperty({ example: 'zhang.san', description: '登录名 Login name: 3–32 letters, digits, dot, underscore or hyphen' }),
    Trimmed(),
    IsString(),
    Matches(/^[A-Za-z0-9._-]{3,32}$/, { message: 'username must be 3–32 letters, digits, dots, underscores or hyphens' }),
  );

/** A password the person chooses; `usernameField` names the sibling field it must not contain. */
export const Password = (field: string, usernameField?: string) =>
  all(
    ApiProperty({
      example: 'Grassland-2026',
      description: `密码 Password: ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, at least ${PASSWORD_MIN_CLASSES} of: lower-case, capitals, digits, other characters; not a common password`,
    }),
    IsString({ message: `${field} must be a string` }),
    check('passwordLength', (v) => v.length >= PASSWORD_MIN_LENGTH && v.length <= PASSWORD_MAX_LENGTH, () => `${field} ${PASSWORD_RULES.length}`),
    check('passwordClasses', (v) => characterClasses(v) >= PASSWORD_MIN_CLASSES, () => `${field} ${PASSWORD_RULES.classes}`),
    check('passwordNotCommon', (v) => !isCommonPassword(v), () => `${field} ${PASSWORD_RULES.common}`),
    check(
      'passwordWithoutUsername',
      (v, args) => {
        const username = usernameField ? (args.object as Record<string, unknown>)[usernameField] : undefined;
        return typeof username !== 'string' || username.length < 3 || !v.toLowerCase().includes(username.toLowerCase());
      },
      () => `${field} ${PASSWORD_RULES.username}`,
    ),
  );

export const PersonName = (field: string, example = '张三', description = '姓名 Name') =>
  all(
    ApiProperty({ example, description }),
    Trimmed(),
    IsString({ message: `${field} must be a string` }),
    Length(1, 50, { message: `${field} must be 1–50 characters long` }),
    Matches(/^[\p{L}\p{M}][\p{L}\p{M}·•.'’ -]*$/u, { message: `${field} must be a person's name: letters (Chinese or other), with · . ' - or spaces between them` }),
  );

export const OrganisationName = (field = 'name') =>
  all(
    ApiProperty({ example: '呼和浩特市某某牧业有限公司', description: '单位名称 Organisation name, as registered' }),
    Trimmed(),
    IsString({ message: `${field} must be a string` }),
    Length(2, 100, { message: `${field} must be 2–100 characters long` }),
  );

export const IdType = (field: string) =>
  all(
    ApiProperty({ enum: ID_DOCUMENT_TYPES, description: '证件类型 ID document type' }),
    IsIn(ID_DOCUMENT_TYPES, { message: `${field} must be one of: ${ID_DOCUMENT_TYPES.join(', ')}` }),
  );

/** The number of the document whose type is in the sibling field `typeField`, checked by that document's rules. */
export const IdNumber = (field: string, typeField: string) => {
  const problemOf = (value: string, args: ValidationArguments) => {
    const type = (args.object as Record<string, unknown>)[typeField];
    // Of an unknown type nothing can be said: the type's own message names that field.
    return (ID_DOCUMENT_TYPES as readonly unknown[]).includes(type) ? idDocumentNumberProblem(type as IdDocumentType, value) : null;
  };
  return all(
    ApiProperty({ example: '11010519491231002X', description: `证件号码 ID document number, checked according to ${typeField} (resident ID: GB 11643 check character and birth date)` }),
    Compact(),
    IsString({ message: `${field} must be a string` }),
    MaxLength(32, { message: `${field} must be at most 32 characters long` }),
    check('idDocumentNumber', (v, args) => v.length > 32 || problemOf(v, args) === null, (args) => `${field} ${problemOf(args.value, args)}`),
  );
};

export const CreditCode = (field = 'creditCode') =>
  all(
    ApiProperty({ example: '91440300708461136T', description: '统一社会信用代码 Unified social credit code (GB 32100-2015, 18 characters)' }),
    Compact(),
    IsString({ message: `${field} must be a string` }),
    check('creditCode', (v) => creditCodeProblem(v) === null, (args) => `${field} ${creditCodeProblem(args.value)}`),
  );

export const Mobile = (field: string, optional = false) =>
  all(
    (optional ? ApiPropertyOptional : ApiProperty)({ example: '13800000000', description: '手机号码 Mainland mobile number' }),
    Trimmed(),
    IsString({ message: `${field} must be a string` }),
    Matches(/^1[3-9]\d{9}$/, { message: `${field} must be a mainland mobile number: 11 digits starting with 13–19, such as 13800000000` }),
  );

// A mainland mobile number, or a landline with its area code (optionally an extension), as cases take them.
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export const Phone = (field: string) =>
  all(
    ApiProperty({ example: '0471-6945123', description: '联系电话 Phone: a mobile number or a landline with its area code' }),
    Trimmed(),
    IsString({ message: `${field} must be a string` }),
    Matches(PHONE, { message: `${field} must be a mobile number (11 digits) or a landline with area code, such as 0471-6945123` }),
  );

export const Email = (field: string, optional = false) =>
  all(
    (optional ? ApiPropertyOptional : ApiProperty)({ example: 'zhang.san@example.cn', description: '电子邮箱 E-mail address' }),
    Trimmed(),
    IsString({ message: `${field} must be a string` }),
    MaxLength(254, { message: `${field} must be at most 254 characters long` }),
    IsEmail({}, { message: `${field} must be an e-mail address, such as zhang.san@example.cn` }),
  );

export const Address = (field = 'address') =>
  all(
    ApiProperty({ example: '内蒙古自治区呼和浩特市新城区某某路1号', description: '住所 Registered address' }),
    Trimmed(),
    IsString({ message: `${field} must be a string` }),
    Length(2, 200, { message: `${field} must be 2–200 characters long` }),
  );

/** A token given out by the platform (an invitation, a password reset): URL-safe base64. */
export const Token = (field: string, description: string) =>
  all(
    ApiProperty({ description }),
    IsString({ message: `${field} must be a string` }),
    Matches(/^[A-Za-z0-9_-]{20,128}$/, { message: `${field} must be the token exactly as it was given (letters, digits, - and _)` }),
  );

/** A field that may never be changed: its presence is refused with the reason. */
export const Unchangeable = (field: string, reason: string) =>
  ValidateBy({
    name: 'unchangeable',
    validator: { validate: () => false, defaultMessage: () => `${field} cannot be changed: ${reason}` },
  });
