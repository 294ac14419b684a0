import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Trimmed } from '../../common/trim.js';
import { IdNumber, IdType, PersonName } from '../../identity/account-fields.js';
import type { IdDocumentType } from '../../identity/id-documents.js';

/** 邮寄送达: with `deliver`, the post that carries the result. */
export class PostalDeliveryDto {
  @ApiProperty({ description: '快递或邮政企业 Carrier', example: '中国邮政 EMS' })
  @Trimmed()
  @IsString()
  @Length(1, 50)
  carrier: string;

  @ApiProperty({ description: '运单号 Tracking number', example: '1180212345678' })
  @Trimmed()
  @Matches(/^[A-Za-z0-9-]{6,40}$/, { message: 'trackingNumber must be 6–40 letters, digits or hyphens, as on the waybill' })
  trackingNumber: string;

  @ApiProperty({ description: '送达地址 Address sent to', example: '内蒙古自治区呼和浩特市新城区某某路1号 王五 13800000000' })
  @Trimmed()
  @IsString()
  @Length(5, 300)
  address: string;
}

/** 领取登记: with `pickUp`, who collected the result, on which ID document. */
export class PickupRecordDto {
  @PersonName('name', '王五', '领取人姓名 Name of the person collecting')
  name: string;

  @IdType('idType')
  idType: IdDocumentType;

  @IdNumber('idNumber', 'idType')
  idNumber: string;
}
