import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Trimmed } from '../common/trim.js';

export class RegisterApplicantDto {
  @ApiProperty({ example: 'zhang.san', description: '登录名 Login name: 3–32 letters, digits, dot, underscore or hyphen' })
  @Trimmed()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,32}$/, { message: 'username must be 3–32 letters, digits, dots, underscores or hyphens' })
  username: string;

  @ApiProperty({ example: '张三', description: '姓名或单位名称 Display name' })
  @Trimmed()
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ example: 'Grassland-2026!', description: '密码 Password: 10–128 characters with letters and digits' })
  @IsString()
  @Length(10, 128)
  @Matches(/(?=.*[A-Za-z])(?=.*\d)/, { message: 'password must contain both letters and digits' })
  password: string;
}

export class LoginDto {
  @ApiProperty({ example: 'zhang.san' })
  @Trimmed()
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password: string;
}
