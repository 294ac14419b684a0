import { ApiProperty, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { FORMAT_NAMES } from '../materials/file-formats.js';
import { Code, CodeList, Flag, OptionalText, Text, WholeNumber } from './field-decorators.js';
import { MATERIAL_FORMS, MATERIAL_SOURCES, type MaterialForm, type MaterialSource } from './guide-codes.js';

/** 单个申请材料: one item of a matter's list of application materials, as the guide has it. */
export class MaterialItemDto {
  @Text('name', 1, 200, { description: '材料名称 Name, unique within the matter', example: '临时占用草原申请书' })
  name: string;

  @Text('description', 1, 2000, { description: '材料说明 What it is', example: '载明占用地点、面积、期限、用途及恢复措施' }, { multiline: true })
  description: string;

  @WholeNumber('originalCopies', 0, 20, { description: '原件份数 Originals handed in', example: 1 })
  originalCopies: number;

  @WholeNumber('photocopies', 0, 20, { description: '复印件份数 Copies handed in', example: 0 })
  photocopies: number;

  @Flag('isRequired', { description: '是否必要 Required, or only where it applies' })
  isRequired: boolean;

  @Code('source', MATERIAL_SOURCES, { description: '来源渠道 Where it comes from' })
  source: MaterialSource;

  @OptionalText('issuer', 200, { description: '出具机构 Who issues it: required unless the applicant prepares it', example: '旗县级以上人民政府' })
  issuer?: string | null;

  @Code('form', MATERIAL_FORMS, { description: '材料形式 Paper, electronic or both; an electronic-only item has no paper copies' })
  form: MaterialForm;

  @OptionalText('fillingNotes', 2000, { description: '填报须知 How to fill it in or prepare it' })
  fillingNotes?: string | null;

  @CodeList('acceptedFormats', FORMAT_NAMES, 1, { description: '接受的文件格式 File formats (extensions) its uploads may have', example: ['pdf', 'ofd', 'jpg'] })
  acceptedFormats: string[];

  @WholeNumber('maxFiles', 1, 50, { description: '每次最多文件数 Files one submission may have for it', example: 1 })
  maxFiles: number;
}

/** An edit of an item: any of its fields, the others unchanged; null clears issuer or fillingNotes. */
export class UpdateMaterialItemDto extends PartialType(MaterialItemDto, { skipNullProperties: false }) {}

/** The matter's items in their new order: each of them exactly once. */
export class MaterialOrderDto {
  @ApiProperty({ description: '材料顺序 The ids of all the matter’s items, in the order the guide lists them', type: [String] })
  @IsArray({ message: 'itemIds must be a list' })
  @ArrayMaxSize(200, { message: 'itemIds must have at most 200 ids' })
  @ArrayUnique({ message: 'itemIds must not repeat an id' })
  @IsUUID('all', { each: true, message: 'itemIds must each be the id of a material item' })
  itemIds: string[];
}
